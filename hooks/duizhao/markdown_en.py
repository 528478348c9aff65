"""English originals saved as Markdown (a blog's ``.md`` file): its marks become structure.

An essay kept on GitHub or exported from a blog arrives as Markdown. Read as plain text,
its list marks and quote marks stay in the sentences (``- Choose problems…``), a numbered
item's ``1.`` becomes a sentence of its own, a paragraph wrapped at 80 columns falls apart
into lines, and emphasis, link and footnote marks stand inside the words a reader sees and
the aligner compares. These fixers read the marks as a Markdown renderer would: lines of
one paragraph are joined, a line's mark gives it its kind, an inline mark is dropped and
its words kept; code and web addresses are left as written. Headings (``## …``) are
``fixers_en``'s. Each change is recorded like any other cleaning.

Only a text that shows Markdown of its own is read so (a heading mark, a link, a footnote,
a code fence, strong emphasis, a title underlined with ``===``, a table's rule): in a plain
text, ``>50%`` and ``200. That is…`` are prose.
"""

from __future__ import annotations

import re

from .fixlog import CleaningLog, Lines
from .model import Line

_ITEM = re.compile(r"^\s{0,6}(?:[-+*]|\d{1,3}[.)])\s+(?=\S)")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_IMAGE_ONLY = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_FOOTNOTE = re.compile(r"^\s{0,3}\[\^[^\]]+\]:\s*")
_DEFINITION = re.compile(r"^\s{0,3}\[[^\]^][^\]]*\]:\s*\S+")
_FENCE = re.compile(r"^\s{0,3}(?:`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_TABLE_ROW = re.compile(r"^\s{0,3}\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s{0,3}(?:\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?|\|\s*:?-+:?\s*\|)\s*$")
_FRONT_MATTER_FIELD = re.compile(r"^(?:[A-Za-z_][\w-]*:(?:\s|$)|\s+\S|\s*-\s|\s*$)")

_SIGNS = (
    _HEADING,
    re.compile(r"\[[^\]]*\]\([^)\s]+"),           # a link or an image
    _DEFINITION,
    re.compile(r"\[\^[^\]\s]+\]"),                 # a footnote
    _FENCE,
    re.compile(r"(?<![\w*])\*\*\S[^*]*\S\*\*(?![\w*])"),  # strong emphasis
    re.compile(r"^\s{0,3}={3,}\s*$"),                # a title's underline
    _TABLE_RULE,
)


def looks_like_markdown(lines: Lines) -> bool:
    """Whether a text shows Markdown of its own.

    >>> looks_like_markdown((Line(1, "## Pick projects"), Line(2, "- one")))
    True
    >>> looks_like_markdown((Line(1, "- one"), Line(2, ">50% of papers"), Line(3, "200. That is many.")))
    False
    """
    return any(sign.search(line.text) for line in lines for sign in _SIGNS)


def drop_front_matter(lines: Lines, log: CleaningLog) -> Lines:
    """Take off the metadata block a blog's Markdown file opens with (``---`` / ``title: …`` /
    ``---``): it is the file's settings, not the essay. Recorded like any removal.

    >>> lines = (Line(1, "---"), Line(2, "title: My path"), Line(3, "tags:"), Line(4, "  - ai"), Line(5, "---"),
    ...          Line(6, "I started in 2017."))
    >>> [l.text for l in drop_front_matter(lines, CleaningLog("en.md"))]
    ['I started in 2017.']
    """
    if not lines or lines[0].text.strip() != "---":
        return lines
    for end in range(1, min(len(lines), 60)):
        if lines[end].text.strip() == "---":
            break
        if not _FRONT_MATTER_FIELD.match(lines[end].text):
            return lines
    else:
        return lines
    if end == 1:
        return lines
    for line in lines[:end + 1]:
        log.removed(line)
    return lines[end + 1:]


def mark_fenced_code(lines: Lines, log: CleaningLog) -> Lines:
    """Give the lines inside a Markdown code fence the kind ``code`` before any fixer reads
    them: code is kept as typed, so ``<br>`` or ``&amp;`` in it are no page markup to strip.

    >>> lines = (Line(1, "## Setup"), Line(2, "```html"), Line(3, "<br> &amp;"), Line(4, "```"), Line(5, "<br>"))
    >>> [l.kind for l in mark_fenced_code(lines, CleaningLog("en.md"))]
    ['paragraph', 'paragraph', 'code', 'paragraph', 'paragraph']
    """
    if not looks_like_markdown(lines):
        return lines
    out, fenced = [], False
    for line in lines:
        if _FENCE.match(line.text):
            fenced = not fenced
            out.append(line)
        else:
            out.append(Line(line.number, line.text, "code", line.merged) if fenced else line)
    return tuple(out)


def join_markdown_paragraphs(lines: Lines, log: CleaningLog) -> Lines:
    """Join the lines of one Markdown paragraph (or list item), which a blank line ends: a
    text wrapped at 80 columns is one paragraph to a reader, and emphasis may span its lines.
    A line that opens a block of its own (heading, list item, quotation, rule, fence, table
    row) starts anew, and code inside fences is left line by line. A paragraph underlined
    with ``===`` or ``---`` is a heading, written as one with ``#`` for the heading fixer.

    >>> lines = (Line(1, "Many people ask how to do research"), Line(2, "that matters."), Line(3, ""),
    ...          Line(4, "- Choose problems"), Line(5, "  with room to grow."), Line(6, "## Next"), Line(7, "[x](y)"))
    >>> [(l.number, l.text) for l in join_markdown_paragraphs(lines, CleaningLog("en.txt")) if l.text]
    [(1, 'Many people ask how to do research that matters.'), (4, '- Choose problems with room to grow.'), (6, '## Next'), (7, '[x](y)')]
    >>> lines = (Line(1, "My path"), Line(2, "into AI"), Line(3, "======="), Line(4, ""), Line(5, "Early days"),
    ...          Line(6, "---"), Line(7, "| Year | Papers |"), Line(8, "|------|--------|"), Line(9, "| 2019 | 0 |"))
    >>> [(l.number, l.text) for l in join_markdown_paragraphs(lines, CleaningLog("en.txt")) if l.text]
    [(1, '# My path into AI'), (5, '## Early days'), (7, '| Year | Papers |'), (8, '|------|--------|'), (9, '| 2019 | 0 |')]
    """
    if not looks_like_markdown(lines):
        return lines
    rows = _table_rows(lines)
    out: list[Line] = []
    for line in lines:
        text, code = line.text, line.kind == "code"  # code inside fences: ``mark_fenced_code``
        last = out[-1] if out else None
        underline = _UNDERLINE.match(text)
        if underline and not code and last is not None and _plain_paragraph(last.text) and last.number not in rows \
                and not any(mark.match(last.text) for mark in (_ITEM, _QUOTE, _DEFINITION, _FOOTNOTE, _IMAGE_ONLY)):
            title = "#" * (1 if underline.group(1)[0] == "=" else 2) + " " + last.text.strip()
            log.merged(last, title)
            out[-1] = Line(last.number, title, last.kind, (*last.merged, line.number))
            continue
        opens = (not text.strip() or code or _FENCE.match(text) or _HEADING.match(text) or _ITEM.match(text) or _QUOTE.match(text)
                 or _RULE.match(text) or _DEFINITION.match(text) or _FOOTNOTE.match(text) or line.number in rows)
        if opens or last is None or not _plain_paragraph(last.text) or last.number in rows:
            out.append(line)
            continue
        joined = f"{last.text.rstrip()} {text.strip()}"
        merged = Line(last.number, joined, last.kind, (*last.merged, line.number, *line.merged))
        log.merged(last, joined)
        out[-1] = merged
    return tuple(out)


def _plain_paragraph(text: str) -> bool:
    """Whether a line is paragraph text, which a following line may continue or underline."""
    return bool(text.strip()) and not (_FENCE.match(text) or _HEADING.match(text) or _RULE.match(text)
                                       or _TABLE_ROW.match(text))


def read_markdown(lines: Lines, log: CleaningLog) -> Lines:
    """Give each Markdown line its kind and its words: ``- ``, ``* ``, ``+ `` or ``1. `` open
    a list item, ``> `` a quotation; a footnote's ``[^1]:`` goes, leaving its text a
    paragraph; a table's row is an item of its cells, set apart by ``|``; a rule, a fence, a
    table's rule, a link definition or a line holding only an image goes; code inside fences
    (kind ``code``) is kept as written; every other line loses its inline marks
    (``drop_markdown_marks``).

    >>> lines = (Line(1, "## Pick **projects**"), Line(2, "- Choose problems with room to grow."),
    ...          Line(3, "2. Answer issues quickly."), Line(4, "> > Research is a long game."), Line(5, "---"),
    ...          Line(6, "![diagram](a.png)"), Line(7, "[^1]: Thanks to my friends."), Line(8, "[1]: https://x.org"),
    ...          Line(9, "```"), Line(10, "- not a list, **kwargs", "code"), Line(11, "```"),
    ...          Line(12, "| Year | **Papers** |"), Line(13, "|:-----|-------:|"), Line(14, "|2019|0|"))
    >>> [(l.kind, l.text) for l in read_markdown(lines, CleaningLog("en.txt"))]  # doctest: +NORMALIZE_WHITESPACE
    [('paragraph', '## Pick projects'), ('item', 'Choose problems with room to grow.'), ('item', 'Answer issues quickly.'),
     ('quote', 'Research is a long game.'), ('paragraph', 'Thanks to my friends.'), ('code', '- not a list, **kwargs'),
     ('item', 'Year | Papers'), ('item', '2019 | 0')]
    """
    if not looks_like_markdown(lines):
        return lines
    rows = _table_rows(lines)
    out = []
    for line in lines:
        if line.kind == "code":  # inside fences: ``mark_fenced_code``
            out.append(line)
            continue
        if _FENCE.match(line.text):
            log.removed(line)
            continue
        if line.kind != "paragraph" or _HEADING.match(line.text):
            out.append(_without_marks(line, line.text, line.kind, log))
            continue
        if _RULE.match(line.text) or _IMAGE_ONLY.match(line.text) or _DEFINITION.match(line.text) \
                or _TABLE_RULE.match(line.text):
            log.removed(line)
            continue
        if line.number in rows:
            out.append(_without_marks(line, " | ".join(cell for cell in _cells(line.text) if cell), "item", log))
            continue
        kind, text = "paragraph", line.text
        for mark, marked in ((_ITEM, "item"), (_QUOTE, "quote"), (_FOOTNOTE, "paragraph")):
            found = mark.match(text)
            if found:
                kind, text = marked, text[found.end():].strip()
                break
        out.append(_without_marks(line, text, kind, log))
    return tuple(out)


def _table_rows(lines: Lines) -> set[int]:
    """Numbers of the lines that are rows of a table: a line between outer pipes, and the lines
    of a table written without them (GitHub's ``Year | Papers`` over ``---|---``): a line with a
    pipe over a table's rule, and the lines with a pipe below it, up to a blank line.

    >>> lines = (Line(1, "Year | Papers"), Line(2, "---|---"), Line(3, "2019 | 0"), Line(4, ""), Line(5, "a | b"))
    >>> sorted(_table_rows(lines))
    [1, 3]
    """
    rows = {line.number for line in lines if line.kind != "code" and _TABLE_ROW.match(line.text)}
    k = 0
    while k + 1 < len(lines):
        header, rule = lines[k], lines[k + 1]
        if header.kind == rule.kind != "code" and "|" in header.text and _TABLE_RULE.match(rule.text):
            rows.add(header.number)
            k += 2
            while k < len(lines) and lines[k].kind != "code" and "|" in lines[k].text and lines[k].text.strip():
                rows.add(lines[k].number)
                k += 1
        else:
            k += 1
    return rows


def _cells(row: str) -> list[str]:
    r"""The cells of a table's row: split at its pipes, but not at an escaped one (``\|``, which
    shows as ``|``) or one inside a code span. The outer pipes are optional.

    >>> _cells(r"| a \| b | `x|y` | c |"), _cells("2019 | 0")
    (['a | b', '`x|y`', 'c'], ['2019', '0'])
    """
    text = row.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    cells, cell, ticks = [], "", 0
    k = 0
    while k < len(text):
        c = text[k]
        if c == "\\" and text[k + 1:k + 2] == "|":
            cell, k = cell + "|", k + 2
            continue
        if c == "`":
            ticks ^= 1
        if c == "|" and not ticks:
            cells.append(cell.strip())
            cell = ""
        else:
            cell += c
        k += 1
    return [*cells, cell.strip()]


def _without_marks(line: Line, text: str, kind: str, log: CleaningLog) -> Line:
    words = drop_markdown_marks(text)
    if words != line.text:
        log.changed(line, words)
    return Line(line.number, words, kind, line.merged)


_URL = r"(?:<[^>\s]*>|(?:[^()\s]|\([^()\s]*\))*)"
_TITLE = r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?"""
_CODE = re.compile(r"(`+)(.+?)\1")
_ADDRESS = re.compile(r"<?https?://[^\s>]+>?")
_LINKS = (
    (re.compile(r"\[\^[^\]\s]+\]"), ""),                               # a footnote reference
    (re.compile(r"!\[[^\]]*\]\(" + _URL + _TITLE + r"\s*\)"), ""),     # an image: no words of the essay
    (re.compile(r"\[([^\]]*)\]\(" + _URL + _TITLE + r"\s*\)"), r"\1"),  # a link: its words
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),                    # a reference link: its words
)
_EMPHASIS = (
    (re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w\\])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?!\w)"), r"\1"),
)


def drop_markdown_marks(text: str) -> str:
    """The words of a Markdown line without its inline marks: emphasis, links (their words
    stay), images, footnote references and code ticks. Code and web addresses keep every
    character; a star or an underscore inside a word or a figure is no mark.

    >>> drop_markdown_marks("A paper is a **snapshot** of a [project](https://x.org/p_(a) 'P').[^1]")
    'A paper is a snapshot of a project.'
    >>> drop_markdown_marks("*Published in 2024*, see [![ci](b.svg)](https://ci.org) and [the paper][1]")
    'Published in 2024, see  and the paper'
    >>> drop_markdown_marks("Override `__init__` or `**kwargs`; 2**10 is 1024; my__draft__v2; https://a.org/x_y_z/*")
    'Override __init__ or **kwargs; 2**10 is 1024; my__draft__v2; https://a.org/x_y_z/*'
    """
    kept: list[str] = []

    def keep(value: str) -> str:
        kept.append(value)
        return f"\x00{len(kept) - 1}\x00"

    text = _CODE.sub(lambda m: keep(m.group(2)), text)
    for pattern, replacement in _LINKS:
        text = pattern.sub(replacement, text)
    text = _ADDRESS.sub(lambda m: keep(m.group()), text)
    for pattern, replacement in _EMPHASIS:
        text = pattern.sub(replacement, text)
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)
