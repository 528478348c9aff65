"""English originals saved as Markdown (a blog's ``.md`` file): its marks become structure.

An essay kept on GitHub or exported from a blog arrives as Markdown. Read as plain text,
its list marks and quote marks stay in the sentences (``- Choose problems…``), a numbered
item's ``1.`` becomes a sentence of its own, and emphasis, link and footnote marks stand
inside the words a reader sees and the aligner compares. These fixers read the marks the
way a Markdown renderer would: a line's mark gives the line its kind, an inline mark is
dropped and its words kept. Headings (``## …``) are ``fixers_en.mark_section_headings``'s.
Each change is recorded like any other cleaning.
"""

from __future__ import annotations

import re

from .fixlog import CleaningLog, Lines
from .model import Line

_ITEM = re.compile(r"^\s{0,6}(?:[-+*]|\d{1,3}[.)])\s+(?=\S)")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_IMAGE_ONLY = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_FOOTNOTE = re.compile(r"^\s{0,3}\[\^[^\]]+\]:\s*")


def read_markdown_lines(lines: Lines, log: CleaningLog) -> Lines:
    """Give each Markdown line its kind: ``- ``, ``* ``, ``+ `` or ``1. `` open a list item,
    ``> `` a quotation, and a footnote's ``[^1]:`` goes, leaving its text a paragraph. A rule
    (``---``) or a line holding only an image is no text and goes.

    >>> lines = (Line(1, "- Choose problems with room to grow."), Line(2, "2. Answer issues quickly."),
    ...          Line(3, "> Research is a long game."), Line(4, "---"), Line(5, "![diagram](a.png)"),
    ...          Line(6, "[^1]: Thanks to my friends."), Line(7, "2017 was the year."))
    >>> [(l.kind, l.text) for l in read_markdown_lines(lines, CleaningLog("en.txt"))]
    [('item', 'Choose problems with room to grow.'), ('item', 'Answer issues quickly.'), ('quote', 'Research is a long game.'), ('paragraph', 'Thanks to my friends.'), ('paragraph', '2017 was the year.')]
    """
    out = []
    for line in lines:
        if line.kind != "paragraph":
            out.append(line)
            continue
        if _RULE.match(line.text) or _IMAGE_ONLY.match(line.text):
            log.removed(line)
            continue
        for mark, kind in ((_ITEM, "item"), (_QUOTE, "quote"), (_FOOTNOTE, "paragraph")):
            found = mark.match(line.text)
            if found:
                text = line.text[found.end():].strip()
                log.changed(line, text)
                out.append(Line(line.number, text, kind, line.merged))
                break
        else:
            out.append(line)
    return tuple(out)


_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"), ""),      # an image: no text of the essay
    (re.compile(r"\[\^[^\]\s]+\]"), ""),                                 # a footnote reference
    (re.compile(r"\[([^\]]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"), r"\1"),   # a link: its words
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),              # strong emphasis
    (re.compile(r"(?<![*\w])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![*\w])"), r"\1"),  # emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),                                   # code
)


def drop_markdown_marks(text: str) -> str:
    """The words of a line without Markdown's inline marks: emphasis, links (their words
    stay), images, footnote references and code ticks. A lone star, a list's ``* `` or
    ``snake_case`` is left alone.

    >>> drop_markdown_marks("A paper is a **snapshot** of a [project](https://x.org/p).[^1]")
    'A paper is a snapshot of a project.'
    >>> drop_markdown_marks("*Published in 2024*, see `pip install` and ![chart](c.png)")
    'Published in 2024, see pip install and '
    >>> drop_markdown_marks("were:* An obvious gift,* Plenty of ambition. 5 * 3 = 15, my_var")
    'were:* An obvious gift,* Plenty of ambition. 5 * 3 = 15, my_var'
    """
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text
