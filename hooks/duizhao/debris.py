"""Debris a copied text carries in either language: invisible characters and HTML markup.

Both fixers run first, on each line as received, and every line they change is recorded,
so the cleaning report shows what was taken out. Neither touches visible prose: they remove
what a reader never sees on the original page (a zero-width space, a terminal's colour
code) or sees only because a copy kept the page's source (``<p>``, ``&nbsp;``).
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from .fixlog import CleaningLog, Lines

# A terminal escape sequence (``ESC [ 31 m``, ``ESC [ 2 J``) goes whole: removing only the
# ESC would leave ``[31m`` in the text.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-_])")
# Control characters (tab excepted: it is whitespace) and format characters with no
# visible form: zero-width space, word joiner, a byte-order mark inside the text, soft
# hyphen, and the bidirectional controls, which would reorder what a terminal or page shows
# (neither language here is written right to left). Zero-width joiners stay: they build
# emoji and some scripts' letters.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u00ad]")


def remove_invisible_characters(text: str) -> str:
    """Remove control characters and invisible format characters from a line.

    A zero-width space splits a word for the dictionary (``蜜\\u200b蜂`` is no longer 蜜蜂) and
    a terminal's escape codes would act on the reader's terminal.

    >>> remove_invisible_characters("蜜\\u200b蜂在\\ufeff山坡上。\\x07\\x1b[31m")
    '蜜蜂在山坡上。'
    >>> remove_invisible_characters("a soft\\u00adware bug\\tand 👨\\u200d👩\\u200d👧")
    'a software bug\\tand 👨\\u200d👩\\u200d👧'
    >>> remove_invisible_characters("the \\u202egnirts\\u202c reversed")
    'the gnirts reversed'
    """
    return _INVISIBLE.sub("", _ESCAPE_SEQUENCE.sub("", text))


_ELEMENTS = (
    "a abbr article aside b big blockquote body br center cite code dd div dl dt em figcaption figure "
    "font footer h1 h2 h3 h4 h5 h6 head header hr html i iframe img li link main meta nav noscript ol "
    "p pre q s section small source span strong sub sup table tbody td th thead title tr u ul video"
).split()
# A tag of a known HTML element only: ``<|endoftext|>`` or ``x < y > z`` in an essay is text.
_TAG = re.compile(rf"</?(?:{'|'.join(_ELEMENTS)})(?:\s[^<>]*)?/?>", re.IGNORECASE)
# Scripts and styles go with their content, which is code, not prose; so do comments.
_CODE_ELEMENT = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


def strip_html_markup(text: str) -> str:
    """Remove HTML tags a copy of a page's source left in a line, and spell out its entities.

    >>> strip_html_markup('<div class="x"><p>他有十一个蜂箱。</p><br/>')
    '他有十一个蜂箱。'
    >>> strip_html_markup("<script>alert(1)</script>Bees&nbsp;&amp; honey &lt;b&gt;<!-- ad -->")
    'Bees & honey <b>'
    >>> strip_html_markup("the <|endoftext|> token, where x < y > z")
    'the <|endoftext|> token, where x < y > z'
    """
    stripped = _TAG.sub("", _CODE_ELEMENT.sub("", text))
    # &nbsp; becomes a plain space: it only kept the page's words apart.
    return _ENTITY.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), stripped)


# What a page's source holds besides its text, over several lines: its head (title, metadata),
# scripts, styles and comments. A block opens on a line of tags only (``<html><head>``,
# ``<style>``): prose may begin with a tag's name ("<script> tags block rendering…"). It ends
# at its closing mark, and what follows that mark on its line stays (``</head><body><h1>…``).
_SOURCE_BLOCK = re.compile(r"^\s*(?:<[a-z][^<>]*>\s*)*?(?:<(head|script|style|noscript|svg|template)\b[^<>]*>|(<!--))",
                           re.IGNORECASE)
_DOCTYPE = re.compile(r"^\s*<!DOCTYPE\b[^>]*>\s*$", re.IGNORECASE)
SOURCE_BLOCK_LINES = 2000
"""Most lines a block of page source may run: a mark never closed is no page source."""


def drop_page_source_blocks(lines: Lines, log: CleaningLog) -> Lines:
    """Remove the lines of a saved web page that are not its text: the doctype, and a head,
    script, style or comment running over several lines (one on a single line is left to
    ``strip_html_markup``). Read line by line, ``body { font-family: … }`` and ``gtag('js', …)``
    would become paragraphs to align.

    >>> from duizhao.model import Line
    >>> page = ["<!DOCTYPE html>", "<html><head>", "<title>Night ferry</title>", "<style>", "body { margin: 0 }",
    ...         "</style></head><body><h1>Night ferry</h1>", "<p>Every Friday my mother took the ferry.</p>",
    ...         "<!-- footer", "-->", "<script>x()</script>", "<script> tags block rendering. Put them last."]
    >>> [l.text for l in drop_page_source_blocks(tuple(Line(n, t) for n, t in enumerate(page, 1)), CleaningLog("en.txt"))]
    ['<body><h1>Night ferry</h1>', '<p>Every Friday my mother took the ferry.</p>', '<script>x()</script>', '<script> tags block rendering. Put them last.']
    """
    out: list = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.kind != "code" and _DOCTYPE.match(line.text):
            log.removed(line)
            k += 1
            continue
        end = _block_end(line)
        closed = end and next((j for j in range(k + 1, min(len(lines), k + 1 + SOURCE_BLOCK_LINES))
                               if lines[j].kind != "code" and end.search(lines[j].text)), None)
        if not closed:  # no block, or one never closed: not page source after all
            out.append(line)
            k += 1
            continue
        for removed in lines[k:closed]:
            log.removed(removed)
        last = lines[closed]
        rest = last.text[end.search(last.text).end():].strip()
        if rest:
            log.changed(last, rest)
            out.append(replace(last, text=rest))
        else:
            log.removed(last)
        k = closed + 1
    return tuple(out)


def _block_end(line) -> re.Pattern | None:
    """The closing mark of the page-source block ``line`` opens, if it opens one. After an
    opening tag nothing may follow on its line (prose starting "<script> tags"); after "<!--",
    the comment's own words may. A block closed on its own line is ``strip_html_markup``'s."""
    opened = _SOURCE_BLOCK.match(line.text) if line.kind != "code" else None
    if not opened:
        return None
    end = re.compile("-->") if opened.group(2) else re.compile(rf"</{opened.group(1)}\s*>", re.IGNORECASE)
    if end.search(line.text, opened.end()) or (opened.group(1) and line.text[opened.end():].strip()):
        return None
    return end
