"""Search in either script: one script in the index, queries in both.

Every Chinese text on a page stands in both scripts (``dz-hans`` / ``dz-hant``), so an
index of the page text holds each sentence twice, and result snippets run the two
together (飞轮效应飛輪效應). The index therefore takes the Simplified text only (Material
skips elements marked ``data-search-exclude``), and a query typed in Traditional is turned
into Simplified before the search worker sees it (``assets/javascripts/search-query.js``);
for a reader in Traditional, the results come back converted word by word.

What it is turned into is learned from this site's own words, the way its pages were
converted: each Simplified word with the Traditional form the pages show for it, each
received Traditional word with its Simplified form. Characters map one to one; words
map whole where the characters alone would not give them back (專案 is 项目, not 专案;
头发 is 頭髮, not 頭發).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from .script import convert, to_simplified, traditional_for, traditional_word
from .words import parts_of, segment

SEARCH_MAP_SCRIPT = "assets/javascripts/duizhao-search-map.js"
"""Where the map is written in the built site (listed in ``extra_javascript``)."""

_HANT = re.compile(r'(<[a-z]+ class="dz-hant")(?! data-search-exclude)')
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def index_one_script(html: str) -> str:
    """Keep the Traditional twins out of the search index (Material removes the mark once read).

    >>> index_one_script('<span class="dz-hans">飞轮</span><span class="dz-hant" lang="zh-Hant">飛輪</span>')
    '<span class="dz-hans">飞轮</span><span class="dz-hant" data-search-exclude="hant" lang="zh-Hant">飛輪</span>'
    """
    return _HANT.sub(r'\1 data-search-exclude="hant"', html)


@dataclass(frozen=True)
class SearchMap:
    """How a query reaches the Simplified index, and how results are shown in Traditional."""

    query_chars: dict[str, str]
    """Traditional character → Simplified, where no Simplified text of the site uses it."""
    query_words: dict[str, str]
    """Traditional word → Simplified, where its characters alone would not give it back."""
    shown_chars: dict[str, str]
    """Simplified character → the Traditional one the pages show for it most simply."""
    shown_words: dict[str, str]
    """Simplified word → its Traditional form, where its characters alone would not give it."""
    query_latin: dict[str, str]
    """A Latin word typed without its accents → the site's spelling (tulu → tülu): the index
    keeps the accents, and a reader rarely types them."""
    kept_pages: tuple[str, ...] = ()
    """Pages of texts received in Traditional (docs paths without ``.md``): they keep their
    author's words (博客, not the Taiwan 部落格), and so do their results."""
    kept_words: dict[str, str] = field(default_factory=dict)
    """Simplified word → the Traditional form those pages show, where it differs from the
    site's (``shown_words``, ``shown_chars``)."""
    kept_passages: tuple[str, ...] = ()
    """Titles and headings of those texts (Simplified), which other pages name in their words."""


def search_map(texts: Iterable[str], traditional: str, kept_pages: Iterable[str] = (),
               kept_passages: Iterable[str] = ()) -> SearchMap:
    """The maps for the Chinese words of ``texts`` (the site's pages, in both scripts);
    ``kept_pages`` show a text received in Traditional, whose title and headings are
    ``kept_passages``.

    >>> found = search_map(["他把项目做成了飞轮", "軟體的發布", "向量和矢量", "头发"], "s2twp")
    >>> [found.query_chars[c] for c in "飛輪發軟"]
    ['飞', '轮', '发', '软']
    >>> found.query_words  # 向量, shown for 矢量, is left alone: it is a Simplified word of the text
    {'專案': '项目'}
    >>> found.shown_chars["发"], found.shown_words["头发"], found.shown_words["项目"]
    ('發', '頭髮', '專案')
    >>> "循环" in search_map(["自我强化的循环"], "s2twp").shown_words  # its characters give 循環
    False
    >>> search_map(["这里是开源里程碑"], "s2twp").shown_words["里程碑"]  # not 裡程碑, as 这里 is 這裡
    '里程碑'
    >>> search_map(["抑郁症"], "s2twp").query_words  # shown as 憂鬱症, and 憂鬱 typed alone finds 抑郁
    {'憂鬱症': '抑郁症', '憂鬱': '抑郁'}
    >>> search_map(["Tülu 3 and tulip"], "s2twp").query_latin
    {'tulu': 'tülu'}
    >>> search_map(["他的博客和软件"], "s2twp", ["articles/felix"]).kept_words  # 部落格, 軟體 elsewhere
    {'博客': '博客', '软件': '軟件'}
    """
    texts = list(texts)
    runs = {run for text in texts for run in _HAN_RUN.findall(text)}
    plain_runs = {run for run in runs if to_simplified(run) == run}
    # Only the Simplified text is segmented: the Traditional twins say the same words again.
    plain = {word for run in plain_runs for word in segment(run)}
    plain_chars = {c for word in plain for c in word}
    # Each word as the pages convert it (its everyday sense kept: 循环 is 循環, not 迴圈).
    every_form = {word: traditional_word(word, traditional) for word in sorted(plain)}
    shown = {word: form for word, form in every_form.items() if form != word}
    shown_chars = {c: convert(c, traditional) for c in sorted(plain_chars)}
    shown_chars = {c: form for c, form in shown_chars.items() if form != c and len(form) == 1}
    # A word the pages leave as it is counts too: 里程碑 stays 里程碑, though 里 alone is 裡.
    shown_words = {word: form for word, form in every_form.items()
                   if "".join(shown_chars.get(c, c) for c in word) != form}
    # Nothing a Simplified reader may type is changed: the Taiwan form of 矢量 is 向量, yet
    # 向量 is a Simplified word too, and a query for it must find it.
    typed = {c for run in runs - plain_runs for c in run} | {c for form in shown.values() for c in form}
    query_chars = {}
    for c in sorted(typed - plain_chars):
        simplified = to_simplified(c)  # alone, as a character: 專 is 专 even where 專案 is 项目
        if simplified != c and len(simplified) == 1:
            query_chars[c] = simplified
    query_words = {}
    for word, form in shown.items():
        if form not in plain and "".join(query_chars.get(c, c) for c in form) != word:
            query_words.setdefault(form, word)
    for typed, part in _parts_typed_alone(shown, plain, query_chars, shown_chars).items():
        query_words.setdefault(typed, part)
    kept_pages = tuple(kept_pages)
    kept_words = {}
    if kept_pages:
        as_received = traditional_for("hant", traditional)
        for word, form in every_form.items():
            kept = traditional_word(word, as_received)
            if kept != form:
                kept_words[word] = kept
    return SearchMap(query_chars, query_words, shown_chars, shown_words, _accented(_latin_words(texts)),
                     kept_pages, kept_words, tuple(kept_passages))


def _parts_typed_alone(shown: dict[str, str], plain: set[str], query_chars: dict[str, str],
                       shown_chars: dict[str, str]) -> dict[str, str]:
    """Parts of the Traditional forms a reader may search for alone, with the Simplified words
    they stand for.

    A reader who sees 憂鬱症 (for 抑郁症) may search for 憂鬱: the part of the form where 抑郁
    stands, though 抑郁 alone is shown 抑鬱. Only a part at either end whose rest is converted
    as it stands (症 is 症), and which keeps a character of the Simplified part in its place,
    stands for it: 原始碼 is 源代码 whole, not 原 and 始碼. A part a reader of Simplified may
    type (分散 of 分散式), or that is itself the form of a word of the text, keeps its own sense.
    """
    shown_forms = set(shown.values())
    found: dict[str, str] = {}
    for word, form in shown.items():
        if len(form) != len(word):
            continue
        for part, start in parts_of(word):
            end = start + len(part)
            typed = form[start:end]
            back = "".join(query_chars.get(c, c) for c in typed)
            rest_kept = all(shown_chars.get(c, c) == f for c, f in zip(word[:start] + word[end:], form[:start] + form[end:]))
            if ((start == 0 or end == len(word)) and rest_kept and back != part and to_simplified(typed) != typed
                    and any(a == b for a, b in zip(back, part)) and typed not in shown_forms and typed not in plain):
                found.setdefault(typed, part)
    return found


def _latin_words(texts: Iterable[str]) -> set[str]:
    return {word.lower() for text in texts for word in _LATIN_WORD.findall(text)}


def _accented(words: set[str]) -> dict[str, str]:
    """Each accented word, by its spelling without accents, unless that is a word of its own."""
    out = {}
    for word in sorted(words):
        bare = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
        if bare != word and bare not in words:
            out.setdefault(bare, word)
    return out


def search_map_script(found: SearchMap) -> str:
    """The JavaScript file that hands the maps to ``search-query.js`` (characters as pairs in one string)."""
    def pairs(chars: dict[str, str]) -> str:
        return "".join(f"{a}{b}" for a, b in sorted(chars.items()))
    data = {"queryChars": pairs(found.query_chars), "queryWords": found.query_words, "queryLatin": found.query_latin,
            "shownChars": pairs(found.shown_chars), "shownWords": found.shown_words,
            "keptPages": list(found.kept_pages), "keptWords": found.kept_words,
            "keptPassages": list(found.kept_passages)}
    return "window.duizhaoSearchMap = " + json.dumps(data, ensure_ascii=False, sort_keys=True) + ";\n"
