"""The machinery every fixer shares: a log of changes and a way to run line-level fixes.

Two shapes of fixer exist (as in ftfy, each is one small named function whose
docstring says why it exists):

* a *text fixer* ``fix(text) -> text`` repairs one line in isolation; ``per_line``
  runs it over a file and records a change only where the text actually changed;
* a *document fixer* ``fix(lines, log) -> lines`` needs context (neighbouring lines,
  the whole file, the curator's overrides) and records what it does through ``log``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from .errors import InputError, Problem
from .model import Change, Line, Overrides

Lines = tuple[Line, ...]
TextFixer = Callable[[str], str]
DocumentFixer = Callable[[Lines, "CleaningLog"], Lines]


class CleaningLog:
    """Collects the changes made to one file; the only state a cleaning run keeps."""

    def __init__(self, path: str, overrides: Overrides | None = None):
        self.path = path
        self.overrides = overrides or Overrides()
        self.fixer = ""
        """Name of the fixer now running; set by ``run``."""
        self.changes: list[Change] = []
        self.problems: list[Problem] = []
        """Things a curator must look at (e.g. mojibake no fixer can repair); not fatal."""
        self.script = "hans"
        """Script a Chinese text was received in, as the fixer that normalizes it found it."""

    def removed(self, line: Line, text: str | None = None) -> None:
        """Record that ``text`` (default: the whole line) was taken off the page."""
        self.changes.append(Change(self.fixer, line.number, "removed", line.text if text is None else text))

    def changed(self, line: Line, after: str) -> None:
        self.changes.append(Change(self.fixer, line.number, "changed", line.text, after))

    def merged(self, line: Line, after: str) -> None:
        self.changes.append(Change(self.fixer, line.number, "merged", line.text, after))

    def split(self, line: Line, after: str) -> None:
        self.changes.append(Change(self.fixer, line.number, "split", line.text, after))

    def warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, message, line))

    def run(self, fixers: Sequence[DocumentFixer], lines: Lines) -> Lines:
        for fixer in fixers:
            self.fixer = fixer.__name__
            lines = fixer(lines, self)
        self.fixer = ""
        return lines


def per_line(fix: TextFixer) -> DocumentFixer:
    """Turn a text fixer into a document fixer that records each line it changes. Lines of
    code are left as typed: a comma in ``f(a,b)`` is no typing slip, ``<br>`` in it no markup."""

    def run(lines: Lines, log: CleaningLog) -> Lines:
        out = []
        for line in lines:
            fixed = line.text if line.kind == "code" else fix(line.text)
            if fixed == line.text:
                out.append(line)
                continue
            if fixed.strip():
                log.changed(line, fixed)
                out.append(replace(line, text=fixed))
            else:
                log.removed(line)
        return tuple(out)

    run.__name__ = fix.__name__
    run.__doc__ = fix.__doc__
    return run


def apply_curator_fixes(lines: Lines, log: CleaningLog, file: str) -> Lines:
    """Apply the ``fix:`` entries of ``overrides.yml`` that target this file.

    A fix whose line does not exist, or whose ``find`` text is not on that line, is an
    error naming the override: a stale override must never be ignored silently.
    """
    fixes = [f for f in log.overrides.fixes if f.file == file]
    if not fixes:
        return lines
    by_number = {line.number: line for line in lines}
    problems = []
    log.fixer = "curator_fix"
    for fix in fixes:
        line = by_number.get(fix.line)
        if line is None:
            problems.append(Problem(log.overrides.path, f"fix names line {fix.line} of {file}.txt, which does not exist", fix.at))
        elif fix.find not in line.text:
            problems.append(Problem(log.overrides.path, f"fix text {fix.find!r} is not on line {fix.line} of {file}.txt", fix.at))
        else:
            after = line.text.replace(fix.find, fix.replace)
            log.changed(line, after)
            by_number[fix.line] = replace(line, text=after)
    log.fixer = ""
    if problems:
        raise InputError(problems)
    return tuple(by_number[line.number] for line in lines)


def drop_blank_lines(lines: Lines, log: CleaningLog) -> Lines:
    """Blank lines carry no content; paragraphs are the lines that remain."""
    return tuple(line for line in lines if line.text.strip())
