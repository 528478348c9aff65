"""Section headings of a flattened English page, found again by the summary's own headings.

A page copied without its line breaks glues each section heading to the sentence after it:
``…out loud. What I tell new students I defended my thesis in 2023…``. The typography alone
cannot always tell such a heading from the start of a sentence (``What I tell new students I``
reads as well as one clause), but the Chinese text can: it has a heading of its own there
(给新生的三个建议), and that heading renders the phrase's words (新生, new students).

So, on a flattened page only, a phrase that could be a heading (a few words after a sentence
end, before a capitalized word that starts a sentence) becomes one when a heading of the
summary renders at least half of its content words and sits at about the same place in its
text. Headings and phrases are paired in reading order, each at most once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .fixers_en import LONG_PARAGRAPH, NOT_HEADING_END, NOT_HEADING_START, SENTENCE_OPENERS, cut_line
from .fixlog import CleaningLog, DocumentFixer, Lines
from .lexicon import english_keys, load_lexicon
from .model import CleanText, Line

MOST_WORDS = 10
"""Longest phrase, in words, taken for a heading (``What Four Years of Maintaining a Library Taught Me``)."""
SHARE = 0.5
"""Share of a phrase's content words that the summary's heading must render."""
PLACE = 0.25
"""How far apart, as a share of each text, a heading and its phrase may sit."""

# A phrase starts after a sentence end; it ends before a capitalized word followed by a
# lowercase one (``I defended``, ``Recovery, for``, ``Kestrel-7B has``): a sentence's start.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_CAPITAL_THEN_LOWER = re.compile(r" (?=(?P<opener>[A-Z][\w’'-]*),? [a-z0-9])")
_NOT_IN_A_HEADING = re.compile(r"[.!?;:\"“”()\[\]]")
# A phrase ending in a word that opens a clause goes on into the next one (``asking it of
# myself before | I wrote``).
_CLAUSE_OPENERS = frozenset(
    "about after although as because before if like once since so than that though unless until upon when "
    "what where whether which while who whom whose why how".split())
# …and one opening on a conjunction continues the sentence before it.
_CONJUNCTIONS = frozenset("And But Or So Yet Of".split())
# Before ``I``, most phrases are how a sentence starts: its subject with a clause (``The first
# time I realized…``) or a phrase of time (``Going into that week I'd heard…``). A heading there
# asks a question (``What I tell new students``, ``Why I left``).
_QUESTION_WORDS = frozenset("What Why How Where Who Which".split())
# A phrase ending in a word that wants its noun is half of one (``The first | Saturday was…``).
_WANTS_A_NOUN = frozenset("first second third last next other same whole".split())
# A phrase opening on a time or place, before ``I`` or a name, is how a sentence starts
# (``In my second year | I submitted``); a heading opening so (``After the weights went out``)
# is taken before a sentence opener only.
_ADVERBIAL_STARTS = frozenset("After At Before By During For From In Last Later Next On Once Since Then Until When While".split())


@dataclass(frozen=True)
class _Phrase:
    """A phrase of a flattened line that could be a heading glued to the sentence after it."""

    line: int
    """Index of the line holding it."""
    start: int
    end: int
    place: float
    """Where it sits in the text, 0 at the start and 1 at the end."""
    keys: frozenset[str]
    found: bool = False
    """A heading already (a line of its own, or found by its typography): paired so that the
    summary's heading for it looks for no other, but not cut again."""


def summary_headings(summary: CleanText) -> tuple[tuple[str, float], ...]:
    """The summary's headings, each with where it sits in its text (0 at the start, 1 at the end)."""
    total = sum(len(block.text) for block in summary.blocks) or 1
    headings, offset = [], 0
    for block in summary.blocks:
        if block.kind == "heading":
            headings.append((block.text, offset / total))
        offset += len(block.text)
    return tuple(headings)


def split_headings_named_by_summary(headings: Sequence[tuple[str, float]]) -> DocumentFixer:
    """The fixer that gives back the headings of a flattened page that the summary's ``headings``
    (``summary_headings``) name."""

    def split_headings_named_by_summary(lines: Lines, log: CleaningLog) -> Lines:
        phrases = _candidate_phrases(lines)
        chosen = _pair_in_order(headings, phrases) if headings and not all(p.found for p in phrases) else []
        cuts: dict[int, list[int]] = {}
        for phrase in chosen:
            if not phrase.found:
                cuts.setdefault(phrase.line, []).extend((phrase.start, phrase.end))
        if not cuts:
            return lines
        out: list[Line] = []
        for index, line in enumerate(lines):
            if index not in cuts:
                out.append(line)
                continue
            # Cut points alternate: before each heading (a paragraph ends) and after it.
            bounds = sorted(cuts[index])
            kinds = ["paragraph"] + ["heading" if k % 2 == 0 else "paragraph" for k in range(len(bounds))]
            if bounds[0] == 0:
                bounds, kinds = bounds[1:], kinds[1:]
            out += cut_line(line, line.text, bounds, kinds, log)
        return tuple(out)

    split_headings_named_by_summary.__doc__ = "Give back a flattened page's section headings that the summary's headings name."
    return split_headings_named_by_summary


def _candidate_phrases(lines: Lines) -> list[_Phrase]:
    """Phrases of the flattened lines (a source line longer than ``LONG_PARAGRAPH``, whatever
    has been cut from it since) that could be headings glued to the next sentence, and the
    text's headings already found."""
    length_of: dict[int, int] = {}
    for line in lines:
        length_of[line.number] = length_of.get(line.number, 0) + len(line.text)
    total = sum(len(line.text) for line in lines) or 1
    phrases, offset = [], 0
    for index, line in enumerate(lines):
        if line.kind == "heading":
            phrases.append(_Phrase(index, 0, len(line.text), offset / total, frozenset(english_keys(line.text)), True))
        elif line.kind == "paragraph" and length_of[line.number] > LONG_PARAGRAPH:
            starts = [0, *(m.end() for m in _SENTENCE_END.finditer(line.text))]
            for start in starts:
                phrase = _phrase_at(line.text, start)
                if phrase:
                    end, keys = phrase
                    phrases.append(_Phrase(index, start, end, (offset + start) / total, keys))
        offset += len(line.text)
    return phrases


def _phrase_at(text: str, start: int) -> tuple[int, frozenset[str]] | None:
    """The shortest heading-like phrase at ``start`` (its end and content keys), if any."""
    for cut in _CAPITAL_THEN_LOWER.finditer(text, start, start + 200):
        phrase = text[start:cut.start()]
        words = phrase.split()
        if len(words) > MOST_WORDS or _NOT_IN_A_HEADING.search(phrase) or "," in phrase:
            return None  # a longer phrase would hold this one's sentence end or comma too
        if not words[0][:1].isupper() or words[0] in NOT_HEADING_START or words[0] in _CONJUNCTIONS:
            return None
        if len(words) < 2:
            continue
        if words[-1] in NOT_HEADING_END or words[-1] in _CLAUSE_OPENERS or words[-1] in _WANTS_A_NOUN:
            continue  # ``…with the | Transformer``: half a sentence, and maybe more to come
        opener = cut.group("opener")
        if re.fullmatch(r"I(?:['’]\w+)?", opener):
            if words[0] not in _QUESTION_WORDS:
                continue
        elif words[0] in _ADVERBIAL_STARTS and opener not in SENTENCE_OPENERS:
            continue
        keys = frozenset(english_keys(phrase))
        if keys:
            return cut.start(), keys
    return None


def _pair_in_order(headings: Sequence[tuple[str, float]], phrases: Sequence[_Phrase]) -> list[_Phrase]:
    """The phrases the summary's headings name, paired in reading order to render the most words."""
    lexicon = load_lexicon()
    rendered = [{key for token in lexicon.chinese_tokens(text) for key in token.keys} for text, _ in headings]
    places = [place for _, place in headings]
    n, m = len(headings), len(phrases)
    # Longest-common-subsequence table over (heading, phrase) pairs, weighted by words rendered.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            gain = _gain(rendered[i], places[i], phrases[j])
            best[i][j] = max(best[i + 1][j], best[i][j + 1], gain + best[i + 1][j + 1] if gain else 0.0)
    chosen, i, j = [], 0, 0
    while i < n and j < m:
        gain = _gain(rendered[i], places[i], phrases[j])
        if gain and best[i][j] == gain + best[i + 1][j + 1]:
            chosen.append(phrases[j])
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return chosen


def _gain(rendered: set[str], place: float, phrase: _Phrase) -> float:
    """How many of the phrase's content words the heading renders (0 unless at least ``SHARE``
    of them, and the two sit at about the same place)."""
    shared = len(rendered & phrase.keys)
    if not shared or shared < SHARE * len(phrase.keys) or abs(place - phrase.place) > PLACE:
        return 0.0
    return shared + shared / len(phrase.keys)
