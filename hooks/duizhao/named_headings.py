"""Section headings of a flattened English page, found again by the summary's own headings.

A page copied without its line breaks glues each section heading to the sentence after it:
``…out loud. What I tell new students I defended my thesis in 2023…``. The typography alone
cannot always tell such a heading from the start of a sentence (``What I tell new students I``
reads as well as one clause), but the Chinese text can: it has a heading of its own there
(给新生的三个建议), and that heading renders the phrase's words (新生, new students).

So, on a flattened page only, a phrase that could be a heading (a few words starting a
sentence, before a capitalized word that starts one) becomes one when a heading of the
summary renders at least half of its content words and sits at about the same place in its
text. Headings and phrases are paired in reading order, each at most once; the page's
headings found already take part, so that the summary's heading for one looks for no other.

On any page, a guide's headings may be short imperative sentences on lines of their own
(``Invest in projects, not papers.``), which the typography reads as one-sentence paragraphs;
the summary's heading naming one (着眼项目，而不是论文) makes it a heading the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .fixers_en import (GREETINGS, HEADING_SMALL_WORDS, LONG_PARAGRAPH, NOT_HEADING_END, NOT_HEADING_START,
                        SENTENCE_OPENERS, cut_line, in_title_case, lowercase_words, split_sentences)
from .fixlog import CleaningLog, DocumentFixer, Lines
from .lexicon import Lexicon, english_keys, load_lexicon
from .model import CleanText, Line
from .numbers import SECTION_NUMBER

MOST_WORDS = 10
"""Longest phrase, in words, taken for a heading (``A benchmark with an expiry date`` has six)."""
SHARE = 0.5
"""Share of a phrase's content words that the summary's heading must render."""
PLACE = 0.15
"""How far apart, as a share of each text, a heading and its phrase may sit."""
SENTENCE_HEADING_WORDS = 8
"""Longest sentence, in words, that a summary's heading may make a heading (``Pick problems with
lots of headroom.`` has six)."""
FLATTENED_SHARE = 0.5
"""Share of the whole text a single source line must hold to be a flattened page (one long
paragraph of an ordinary page is not)."""

# The phrase ends before a capitalized word, or a name of up to three, followed by a lowercase
# word or a number (``I defended``, ``Recovery, for``, ``Bastien Leclair, a``): how a sentence
# starts.
_CAPITAL_THEN_LOWER = re.compile(r" (?=(?P<opener>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}),? [a-z0-9])")
_NOT_IN_A_HEADING = re.compile(r"[.!?;:…\"“”()\[\]]")
# A phrase ending in a word that opens a clause goes on into the next one (``asking it of
# myself before | I wrote``); so does one ending in a word that wants its noun (``The first |
# Saturday was…``).
_GOES_ON = frozenset(
    "about after although as because before if like once since so than that though unless until upon when "
    "what where whether which while who whom whose why how first second third last next other same whole "
    # …and so does one ending in a verb that takes a clause (``A lot of people think | RL is…``).
    "think believe guess suppose".split())
# A phrase opening on a conjunction continues the sentence before it ("Of course"), and a
# letter's greeting (``GREETINGS``) is none.
_GOES_ON_FROM_BEFORE = frozenset("And But Or So Yet Of".split()) | GREETINGS
# A heading before ``I`` asks a question and has its own clause (``What I tell new students``,
# ``What users actually want``); most phrases there are a sentence's start (``The first time I
# realized…``, ``How much pressure I felt…``).
_QUESTION_WORDS = frozenset("What Why How Where Who Which".split())
_SUBJECTS = frozenset("i we you he she they it".split())
_QUANTITIES = frozenset("much many".split())
# Before ``I`` or a name, a phrase of time or place is how a sentence starts (``In my second
# year | I submitted``, ``A year later | Marta left``); a heading opening so (``After the
# weights went out``) is taken before a sentence opener only.
_ADVERBIAL_STARTS = frozenset(
    "About Across After Along Among Around At Back Before Behind Between Beyond By Despite During For From In "
    "Inside Last Later Next On Once Outside Over Since Then Through Throughout Under Until When While With "
    "Within Without".split())
_TIME_WORDS = frozenset(
    "year years month months week weeks day days night nights morning evening summer winter spring autumn fall "
    "semester term decade later ago earlier then".split())


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


@dataclass(frozen=True)
class _SummaryHeading:
    rendered: frozenset[str]
    """English keys of its words."""
    place: float
    title: bool
    """The summary's title (its first block, not numbered): it may name the page's title, which
    the page's typography finds, but nothing else."""


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
        if not headings:
            return lines  # a summary without headings names none
        total = sum(len(line.text) for line in lines) or 1
        phrases = _candidate_phrases(lines, _flattened(lines, total), total)
        if all(option.found for options in phrases for option in options):
            return lines  # no heading left to find
        cuts: dict[int, list[tuple[int, int]]] = {}
        for phrase in _pair_in_order(_rendered(headings, load_lexicon()), phrases):
            if not phrase.found:
                cuts.setdefault(phrase.line, []).append((phrase.start, phrase.end))
        if not cuts:
            return lines
        out: list[Line] = []
        for index, line in enumerate(lines):
            if index not in cuts:
                out.append(line)
                continue
            if cuts[index] == [(0, len(line.text))]:  # a sentence standing as its section's heading
                out.append(Line(line.number, line.text, "heading", line.merged))
                continue
            bounds, kinds = [], ["paragraph"]
            for start, end in sorted(cuts[index]):
                if start == 0:
                    kinds[0] = "heading"
                else:
                    bounds.append(start)
                    kinds.append("heading")
                bounds.append(end)
                kinds.append("paragraph")
            out += cut_line(line, line.text, bounds, kinds, log)
        return tuple(out)

    split_headings_named_by_summary.__doc__ = "Give back a flattened page's section headings that the summary's headings name."
    return split_headings_named_by_summary


def _rendered(headings: Sequence[tuple[str, float]], lexicon: Lexicon) -> list[_SummaryHeading]:
    # The summary's first block is its title, unless numbered as its first section (一、…). A
    # heading's number (二、, 第三章, (四)) renders no word of the English heading.
    return [_SummaryHeading(frozenset(key for token in lexicon.chinese_tokens(SECTION_NUMBER.sub("", text))
                                      for key in token.keys), place, place == 0.0 and not SECTION_NUMBER.match(text))
            for text, place in headings]


def _candidate_phrases(lines: Lines, flattened: set[int], total: int) -> list[tuple[_Phrase, ...]]:
    """For each sentence start of the ``flattened`` source lines, the phrases there that could be
    a heading glued to the rest; each line that is one short imperative sentence, whole; and
    each heading the page has already, as a phrase found."""
    lowercase = set().union(*(lowercase_words(line.text) for line in lines))
    phrases, offset = [], 0
    for index, line in enumerate(lines):
        if line.kind == "heading":
            keys = frozenset(english_keys(line.text))
            phrases.append((_Phrase(index, 0, len(line.text), offset / total, keys, True),))
        elif line.kind == "paragraph" and _heading_sentence(line.text):
            phrases.append((_Phrase(index, 0, len(line.text), offset / total, frozenset(english_keys(line.text))),))
        elif line.kind == "paragraph" and line.number in flattened:
            for start in _sentence_starts(line.text):
                options = tuple(_Phrase(index, start, end, (offset + start) / total, keys)
                                for end, keys in _phrases_at(line.text, start, lowercase))
                if options:
                    phrases.append(options)
        offset += len(line.text)
    return phrases


_SENTENCE_HEADING = re.compile(r"[A-Z][^.!?;:…\"“”()\[\]]*\.")
"""A short sentence of its own (``Invest in projects, not papers.``)."""
_STATES = frozenset("I We You He She It They This That These Those There Here My Our Your His Her Its Their "
                    "The A An".split())
"""First words of a sentence that states something (``I also changed how I worked.``): a
heading so written is an imperative, opening on its verb."""


def _heading_sentence(text: str) -> bool:
    """Whether a line is one short sentence that may head a section, as a guide's imperative
    headings do (``Pick problems with lots of headroom.``): a line a summary's heading may name
    as one.

    >>> [_heading_sentence(t) for t in ("Invest in projects, not papers.", "Know when to let go.", "I also changed how I worked.",
    ...                                 "I asked. They said no.", "Why did it work?", "Shipping it nearly broke me.",
    ...                                 "Pick a problem, and then keep working on it for many years.")]
    [True, True, False, False, False, True, False]
    """
    text = text.strip()
    words = text.split()
    return bool(_SENTENCE_HEADING.fullmatch(text)) and len(words) <= SENTENCE_HEADING_WORDS and words[0] not in _STATES


def _flattened(lines: Lines, total: int) -> set[int]:
    """Source lines that were a page flattened into one line: longer than ``LONG_PARAGRAPH``,
    holding most of the text, and not joined from several lines (a hard-wrapped paragraph)."""
    length_of: dict[int, int] = {}
    joined = set()
    for line in lines:
        length_of[line.number] = length_of.get(line.number, 0) + len(line.text)
        if line.merged:
            joined.add(line.number)
    return {number for number, length in length_of.items()
            if length > LONG_PARAGRAPH and length >= FLATTENED_SHARE * total and number not in joined}


def _sentence_starts(text: str) -> list[int]:
    """Where the sentences of ``text`` start, as the cleaning splits them (``U.S.`` and ``9 a.m.``
    end none)."""
    starts, cursor = [], 0
    for sentence in split_sentences(text):
        at = text.find(sentence, cursor)
        if at < 0:
            break
        starts.append(at)
        cursor = at + len(sentence)
    return starts


def _phrases_at(text: str, start: int, lowercase: set[str]) -> list[tuple[int, frozenset[str]]]:
    """The heading-like phrases at ``start``: their ends and content keys."""
    found: list[tuple[int, frozenset[str]]] = []
    for cut in _CAPITAL_THEN_LOWER.finditer(text, start, start + 200):
        phrase = text[start:cut.start()]
        words = phrase.split()
        opener = cut.group("opener").split()
        if not words:
            continue
        if found and opener[0] not in SENTENCE_OPENERS and \
                all(w[:1].isupper() for w in text[found[-1][0]:cut.start()].split()):
            # It only adds the first words of a name (``…of Soybeans Bastien | Leclair, a``); before
            # a sentence opener, the last words of a title (``A Checklist for New Students | Here is``).
            continue
        if len(words) > MOST_WORDS or _NOT_IN_A_HEADING.search(phrase) or "," in phrase:
            break  # a longer phrase would hold this one's sentence end or comma too
        if not words[0][:1].isupper() or words[0] in NOT_HEADING_START or words[0] in _GOES_ON_FROM_BEFORE:
            break
        if len(opener) > 1 and ("I" in opener or not _titled(words)):
            continue  # a name of several words follows a title only (``…of Soybeans | Bastien Leclair, a``)
        if len(words) >= 2 and words[-1] not in NOT_HEADING_END and words[-1] not in _GOES_ON and \
                _opens_after(words, opener[0], lowercase):
            keys = frozenset(english_keys(phrase))
            if keys:
                found.append((cut.start(), keys))
    return found


def _opens_after(words: list[str], opener: str, lowercase: set[str]) -> bool:
    """Whether ``opener`` starts a sentence after the phrase ``words``, which is then a heading."""
    if re.fullmatch(r"I(?:['’]\w+)?", opener):
        return (words[0] in _QUESTION_WORDS and words[1].lower() not in _QUANTITIES
                and (len(words) >= 4 or any(w.lower() in _SUBJECTS for w in words[1:])))
    if opener in SENTENCE_OPENERS:
        return True
    titled = _titled(words)
    # After a phrase of time or place, a capitalized word is the sentence's subject (``A year
    # later Marta left``, ``The day Google called``).
    if words[0] in _ADVERBIAL_STARTS or (not titled and any(w.lower() in _TIME_WORDS for w in words)):
        return False
    if opener.lower() in lowercase:  # a word the page writes in lowercase too: a sentence starts (``Research in…``)
        return True
    if titled:  # a name after a title starts the section (``Three Years of Soybeans Bastien…``)
        return True
    # A name after a bare noun phrase is a clause of that phrase (``The numbers Marta
    # collected…``); after a capitalized word, part of one name (``Professor Ruth Haldane``).
    if words[-1][:1].isupper():
        return False
    return words[0] in _QUESTION_WORDS or len(words) >= 5


def _titled(words: list[str]) -> bool:
    """A title in Title Case (``Three Years of Soybeans``): small words in lowercase among
    capitalized ones, which neither a sentence's start nor a name is."""
    return len(words) >= 3 and in_title_case(words) and any(w in HEADING_SMALL_WORDS for w in words[1:-1])


def _pair_in_order(headings: Sequence[_SummaryHeading], phrases: Sequence[tuple[_Phrase, ...]]) -> list[_Phrase]:
    """The phrases the summary's headings name, paired in reading order (a longest common
    subsequence weighted by the words rendered), at most one phrase of each sentence start.

    The table has a cell for each heading and each sentence start sharing a word with some
    heading: a few thousand on a real page (``benchmarks/bench_align.py`` times a long one)."""
    # A start none of whose words any heading renders can pair with none: leaving it out keeps
    # the table small on a long page.
    anywhere = frozenset().union(*(heading.rendered for heading in headings))
    phrases = [options for options in phrases if any(option.keys & anywhere for option in options)]
    n, m = len(headings), len(phrases)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    chosen_at: dict[tuple[int, int], tuple[float, _Phrase]] = {}
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            option = _best_option(headings[i], phrases[j])
            take = option[0] + best[i + 1][j + 1] if option else 0.0
            if option:
                chosen_at[i, j] = option
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    chosen, i, j = [], 0, 0
    while i < n and j < m:
        option = chosen_at.get((i, j))
        if option and best[i][j] == option[0] + best[i + 1][j + 1]:
            chosen.append(option[1])
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return chosen


def _best_option(heading: _SummaryHeading, options: Sequence[_Phrase]) -> tuple[float, _Phrase] | None:
    """The phrase of one sentence start that ``heading`` names best, with its gain for the
    pairing: the words it renders (at least ``SHARE`` of the phrase's), more for a heading found
    already, and a little more the closer it sits."""
    best = None
    for option in options:
        distance = abs(heading.place - option.place)
        shared = len(heading.rendered & option.keys)
        if not shared or shared < SHARE * len(option.keys) or distance > PLACE or \
                (heading.title and not option.found):
            continue
        # Of one start's phrases: the one rendering most words, then with fewest left over, then the longer.
        gain = shared + (1.0 if option.found else 0.0) + 0.5 * (1 - distance / PLACE)
        rank = (gain, shared / len(option.keys), option.end)
        if best is None or rank > best[0]:
            best = (rank, option)
    return (best[0][0], best[1]) if best else None
