"""The bilingual glossary: terms the essays turn on, found in running text and explained in tooltips.

Both the glossary and the themes look for *phrases* in Chinese and English text, so
the phrase finder lives here too. Chinese has no spaces between words, so a Chinese
phrase matches wherever its characters occur; a Latin phrase (``RLHF``, ``mind-share``)
matches only as a whole word, also inside Chinese text (``PPO算法``).

Material's ``abbr`` tooltips cannot do this (they rely on ``\\b`` word boundaries, which
Chinese text lacks), so terms are wrapped in our own ``<abbr class="dz-term">``; with
``content.tooltips`` on, Material gives every element with a ``title`` in the content
its own tooltip.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import InputError, Problem, fail
from .ingest import display_path, load_yaml
from .script import to_simplified, to_traditional

# --- finding phrases ----------------------------------------------------------------------

_LATIN_WORD = "A-Za-z0-9\u00c0-\u024f"


@dataclass(frozen=True)
class Span:
    """Where a phrase was found in a piece of text."""

    start: int
    end: int
    phrase: str
    """The phrase as the data file writes it (not as the text writes it)."""


def is_chinese(phrase: str) -> bool:
    """Whether a phrase is written in Chinese characters (so it needs no word boundaries).

    >>> is_chinese("飞轮"), is_chinese("mind-share"), is_chinese("RLHF")
    (True, False, False)
    """
    return any("\u3400" <= c <= "\u9fff" for c in phrase)


def _pattern(phrase: str) -> str:
    """A regular expression for one phrase, following how texts vary its spelling.

    Latin phrases: whole words only; a space or hyphen may also be written as the other
    or left out (``open-source`` ~ ``open source``, ``mind-share`` ~ ``mindshare``);
    case is ignored unless the phrase has two capitals or more (``RLHF``, ``RewardBench``
    are names, ``flywheel`` is a word).
    """
    if is_chinese(phrase):
        return re.escape(phrase)
    pieces = [re.escape(piece) for piece in re.split(r"[\s\-]+", phrase.strip())]
    body = r"[\s\-]?".join(pieces)
    if sum(c.isupper() for c in phrase) < 2:
        body = f"(?i:{body})"
    return rf"(?<![{_LATIN_WORD}]){body}(?![{_LATIN_WORD}])"


@lru_cache(maxsize=None)
def _regex(phrase: str) -> re.Pattern:
    return re.compile(_pattern(phrase))


def _folded(text: str) -> str:
    """Text without case, spaces or hyphens: a cheap test of whether a phrase may occur."""
    return re.sub(r"[\s\-]+", "", text).lower()


def find_phrases(text: str, phrases: tuple[str, ...]) -> tuple[Span, ...]:
    """Every non-overlapping occurrence of the phrases in ``text``, longest match first.

    >>> [s.phrase for s in find_phrases("关于RLHF(基于人类反馈的强化学习)", ("强化学习", "基于人类反馈的强化学习", "RLHF"))]
    ['RLHF', '基于人类反馈的强化学习']
    >>> [s.phrase for s in find_phrases("DPR, not DPO; open source", ("DPO", "open-source"))]
    ['DPO', 'open-source']
    >>> find_phrases("RLHFs and xRLHF", ("RLHF",))
    ()
    """
    if not phrases or not text:
        return ()
    folded = _folded(text)
    # Only phrases that can occur are run: most paragraphs contain none of the glossary.
    candidates = [Span(match.start(), match.end(), phrase)
                  for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)) if _folded(phrase) in folded
                  for match in _regex(phrase).finditer(text)]
    chosen: list[Span] = []
    for span in sorted(candidates, key=lambda s: (-(s.end - s.start), s.start, -len(s.phrase))):
        if all(span.end <= other.start or span.start >= other.end for other in chosen):
            chosen.append(span)
    return tuple(sorted(chosen, key=lambda s: s.start))


# --- the glossary -------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    """One glossary entry: a term in both languages with a short definition in each."""

    id: str
    """Anchor on the glossary page (``rlhf``)."""
    zh: str
    """The Chinese term as the glossary heads it."""
    en: str
    """The English term as the glossary heads it."""
    definition_zh: str
    definition_en: str
    also: tuple[str, ...] = ()
    """Other spellings the texts use, in either language (``人类反馈强化学习``)."""
    theme: str = ""
    """Id of the theme page that follows this term through the essays, if any."""
    at: int = 0
    """Line in ``glossary.yml`` that declares the entry."""

    @property
    def phrases(self) -> tuple[str, ...]:
        """Every way the texts may write the term."""
        return tuple(dict.fromkeys(p for p in (self.zh, self.en, *self.also) if p))


@dataclass(frozen=True)
class Glossary:
    """All glossary entries, in the order of the data file."""

    terms: tuple[Term, ...] = ()
    path: str = ""

    def term_of(self, phrase: str) -> Term:
        for term in self.terms:
            if phrase in term.phrases:
                return term
        raise KeyError(phrase)

    @property
    def phrases(self) -> tuple[str, ...]:
        return tuple(p for term in self.terms for p in term.phrases)

    @property
    def chinese_phrases(self) -> tuple[str, ...]:
        """The phrases written in Chinese characters (for the search segmenter)."""
        return tuple(p for p in self.phrases if any("\u4e00" <= c <= "\u9fff" for c in p))


def find_terms(text: str, glossary: Glossary) -> tuple[tuple[Span, Term], ...]:
    """Glossary terms in plain text, as (where, which term).

    >>> g = Glossary((Term("dpo", "直接偏好优化", "DPO", "一种…", "A way…"),))
    >>> [(s.phrase, t.id) for s, t in find_terms("直接偏好优化DPO", g)]
    [('直接偏好优化', 'dpo'), ('DPO', 'dpo')]
    """
    return tuple((span, glossary.term_of(span.phrase)) for span in find_phrases(text, glossary.phrases))


# --- marking terms in HTML ------------------------------------------------------------------

# Pieces of escaped HTML that must never be touched: tags, entities, and addresses.
_PROTECTED = re.compile(
    r"<[^>]*>"
    r"|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
    r"|(?:https?://|www\.)[^\s<>\"，。、；：！？）」』】]+"
)
# Inside these elements a tooltip would be wrong (a link, code) or nested (an existing one).
_NO_MARKING_INSIDE = ("a", "abbr", "code", "pre", "script", "style")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)")


def tooltip(term: Term, lang: str) -> str:
    """The tooltip text: both terms and both definitions, the text's own language first.

    ``lang`` is the language of the text the term stands in: ``en``, ``zh`` (or
    ``zh-Hans``), or ``zh-Hant``, for which the Chinese half is given in Traditional script.
    """
    zh = f"{term.zh}：{term.definition_zh}"
    if lang == "zh-Hant":
        zh = to_traditional(zh)
    en = f"{term.en}: {term.definition_en}"
    return f"{en} / {zh}" if lang == "en" else f"{zh} / {en}"


def mark_terms(escaped_html_text: str, glossary: Glossary, lang: str) -> str:
    """Wrap the first occurrence of each glossary term in a tooltip.

    ``escaped_html_text`` is text already escaped for HTML (it may hold tags): tags,
    entities and addresses are left exactly as they are, and nothing inside links,
    code or existing tooltips is marked. Only the first occurrence of a term in the
    given text gets the tooltip, so a paragraph that repeats ``RLHF`` is not striped.
    ``lang`` is ``en``, ``zh`` / ``zh-Hans``, or ``zh-Hant`` (Traditional text is matched
    through its Simplified reading, since the glossary is written in Simplified).

    >>> g = Glossary((Term("flywheel", "飞轮", "flywheel", "自我强化的循环", "a self-reinforcing cycle", ("飞轮效应",)),))
    >>> mark_terms("「飞轮效应」与飞轮", g, "zh")
    '「<abbr class="dz-term" title="飞轮：自我强化的循环 / flywheel: a self-reinforcing cycle" lang="zh-Hans">飞轮效应</abbr>」与飞轮'
    >>> mark_terms('see <a href="https://x.org/flywheel">flywheel</a> &amp; https://y.org/flywheel', g, "en")
    'see <a href="https://x.org/flywheel">flywheel</a> &amp; https://y.org/flywheel'
    """
    if not glossary.terms:
        return escaped_html_text
    out: list[str] = []
    seen: set[str] = set()
    blocked: list[str] = []  # open elements inside which nothing is marked
    last = 0
    for piece in _PROTECTED.finditer(escaped_html_text):
        out.append(_mark_plain(escaped_html_text[last:piece.start()], glossary, lang, seen, bool(blocked)))
        out.append(piece.group())
        _track_element(piece.group(), blocked)
        last = piece.end()
    out.append(_mark_plain(escaped_html_text[last:], glossary, lang, seen, bool(blocked)))
    return "".join(out)


_TERM_TAG = re.compile(r'<abbr class="dz-term" title="([^"]*)" lang="([^"]*)">')


def keyboard_reachable_terms(page_html: str) -> str:
    """Let the first tooltip of each term in a page take keyboard focus, once per language
    and script: a reader without a pointer reaches every definition the page explains, and
    does not tab through each of the 30 to 80 places a term recurs.

    >>> g = Glossary((Term("flywheel", "飞轮", "flywheel", "循环", "a cycle"),))
    >>> page = "".join(mark_terms(t, g, lang) for t, lang in (("飞轮", "zh"), ("飞轮", "zh"), ("flywheel", "en")))
    >>> ['tabindex="0"' in term for term in keyboard_reachable_terms(page).split("</abbr>")[:-1]]
    [True, False, True]
    """
    seen: set[tuple[str, str]] = set()

    def first_of_each(match: re.Match) -> str:
        if match.groups() in seen:
            return match.group()
        seen.add(match.groups())
        return match.group()[:-1] + ' tabindex="0">'
    return _TERM_TAG.sub(first_of_each, page_html)


def _track_element(piece: str, blocked: list[str]) -> None:
    tag = _TAG_NAME.match(piece)
    if not tag or tag.group(2).lower() not in _NO_MARKING_INSIDE or piece.endswith("/>"):
        return
    name = tag.group(2).lower()
    if not tag.group(1):
        blocked.append(name)
    elif name in blocked:
        del blocked[len(blocked) - 1 - blocked[::-1].index(name)]


def _mark_plain(text: str, glossary: Glossary, lang: str, seen: set[str], blocked: bool) -> str:
    if blocked or not text:
        return text
    out, last = [], 0
    for span, term in _terms_for_marking(text, glossary, lang):
        if term.id in seen:
            continue
        seen.add(term.id)
        word = text[span.start:span.end]
        word_lang = ("zh-Hant" if lang == "zh-Hant" else "zh-Hans") if is_chinese(word) else "en"
        out.append(text[last:span.start])
        out.append(f'<abbr class="dz-term" title="{_attribute(tooltip(term, lang))}" lang="{word_lang}">{word}</abbr>')
        last = span.end
    out.append(text[last:])
    return "".join(out)


def _terms_for_marking(text: str, glossary: Glossary, lang: str) -> tuple[tuple[Span, Term], ...]:
    if lang == "zh-Hant":
        # OpenCC converts character for character here almost always; when a phrase
        # conversion changes the length, positions would not carry over, so only the
        # Latin terms (identical in both scripts) are looked for.
        simplified = to_simplified(text)
        if len(simplified) == len(text):
            return find_terms(simplified, glossary)
    return find_terms(text, glossary)


def _attribute(text: str) -> str:
    return html.escape(text, quote=True)


# --- reading glossary.yml -----------------------------------------------------------------

GLOSSARY_FIELDS = ("id", "zh", "en", "definition_zh", "definition_en", "also", "theme")
GLOSSARY_REQUIRED = ("id", "zh", "en", "definition_zh", "definition_en")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_glossary(path: Path, display_root: Path, theme_ids: tuple[str, ...] | None = None) -> Glossary:
    """Read and validate ``glossary.yml``; every problem is reported with its line.

    ``theme_ids``, when given, are the themes a term may point to.
    """
    display = display_path(path, display_root)
    if not path.exists():
        raise fail(display, "missing: the glossary data file does not exist")
    problems: list[Problem] = []
    terms: list[Term] = []
    for node, found in read_entries(load_yaml(path, display), display, GLOSSARY_FIELDS, GLOSSARY_REQUIRED, problems):
        values = {key: text_of(value, display, key, problems) for key, value in found.items() if key != "also"}
        also = texts_of(found["also"], display, "also", problems) if "also" in found else ()
        term = Term(also=also, at=line_of(node), **values)
        if not _ID.match(term.id):
            problems.append(Problem(display, f"id '{term.id}' must be lowercase letters, digits and hyphens", line_of(found["id"])))
        if theme_ids is not None and term.theme and term.theme not in theme_ids:
            problems.append(Problem(display, f"unknown theme '{term.theme}' (themes: {', '.join(theme_ids)})", line_of(found["theme"])))
        terms.append(term)
    problems += _clashes(terms, display)
    if problems:
        raise InputError(problems)
    return Glossary(tuple(terms), display)


def _clashes(terms: list[Term], display: str) -> list[Problem]:
    """Ids and spellings must each belong to one entry, or the pages cannot tell them apart."""
    problems, ids, owners = [], {}, {}
    for term in terms:
        if term.id in ids:
            problems.append(Problem(display, f"id '{term.id}' is already used on line {ids[term.id]}", term.at))
        ids.setdefault(term.id, term.at)
        for phrase in term.phrases:
            key = phrase.casefold()
            if key in owners and owners[key] != term.id:
                problems.append(Problem(display, f"'{phrase}' is already a spelling of '{owners[key]}'", term.at))
            owners.setdefault(key, term.id)
    return problems


# --- small readers shared with themes.yml -------------------------------------------------------

def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def read_entries(root: yaml.Node | None, display: str, allowed: tuple[str, ...], required: tuple[str, ...],
                 problems: list[Problem]) -> list[tuple[yaml.Node, dict[str, yaml.Node]]]:
    """The entries of a data file that is a list of mappings; bad entries are reported and skipped."""
    if root is None:
        problems.append(Problem(display, "the file is empty"))
        return []
    if not isinstance(root, yaml.SequenceNode):
        problems.append(Problem(display, "must be a list of entries (each starting with '- ')", line_of(root)))
        return []
    entries = []
    for node in root.value:
        found = fields_of(node, display, allowed, required, problems)
        if found is not None:
            entries.append((node, found))
    return entries


def fields_of(node: yaml.Node, display: str, allowed: tuple[str, ...], required: tuple[str, ...],
              problems: list[Problem]) -> dict[str, yaml.Node] | None:
    """The fields of one mapping entry, or None (with the problems recorded) when it is unusable."""
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(display, "an entry must be a mapping of field names to values", line_of(node)))
        return None
    found, ok = {}, True
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in allowed:
            problems.append(Problem(display, f"unknown field '{key}' (expected: {', '.join(allowed)})", line_of(key_node)))
            ok = False
        elif key in found:
            problems.append(Problem(display, f"field '{key}' appears twice", line_of(key_node)))
            ok = False
        found[key] = value_node
    for key in required:
        if key not in found:
            problems.append(Problem(display, f"entry lacks field '{key}'", line_of(node)))
            ok = False
    return found if ok else None


_CJK = r"[\u2014\u2026\u201c\u201d\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
_CJK_GAP = re.compile(f"(?<={_CJK}) (?={_CJK})")


def text_of(node: yaml.Node, display: str, name: str, problems: list[Problem]) -> str:
    """A single non-empty text value (multi-line YAML text is joined into one line)."""
    if not isinstance(node, yaml.ScalarNode):
        problems.append(Problem(display, f"field '{name}' must be a single value", line_of(node)))
        return ""
    # YAML folds line breaks into spaces, but Chinese has none between words.
    text = _CJK_GAP.sub("", " ".join(str(node.value).split()))
    if not text:
        problems.append(Problem(display, f"field '{name}' is empty", line_of(node)))
    return text


def texts_of(node: yaml.Node, display: str, name: str, problems: list[Problem]) -> tuple[str, ...]:
    """A value or a list of values."""
    if isinstance(node, yaml.SequenceNode):
        return tuple(t for t in (text_of(item, display, name, problems) for item in node.value) if t)
    text = text_of(node, display, name, problems)
    return (text,) if text else ()
