"""Fixers for the Chinese texts: page junk, conversion debris, SEO spam, subtitle layout.

Order matters and is fixed by ``ZH_FIXERS`` at the bottom: debris inside lines is
repaired first (so later fixers compare clean text), the script is then normalized to
Simplified, and document-level junk is removed last.
"""

from __future__ import annotations

from dataclasses import replace

from .fixlog import CleaningLog, Lines, drop_blank_lines, per_line
from .script import to_simplified


def to_simplified_script(lines: Lines, log: CleaningLog) -> Lines:
    """Normalize Traditional script to Simplified so that every later stage sees one script.

    Not recorded as a change: the original script is kept as the article's ``script``
    and a Traditional rendering is produced for display.
    """
    return tuple(replace(line, text=to_simplified(line.text)) for line in lines)


# Fixers that repair text inside a line, before script conversion.
LINE_FIXERS: tuple = ()

# Fixers that need the whole document, after script conversion.
DOCUMENT_FIXERS: tuple = ()

ZH_FIXERS = (*LINE_FIXERS, to_simplified_script, *DOCUMENT_FIXERS, drop_blank_lines)
