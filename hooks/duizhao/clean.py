"""Cleaning pipelines: raw located lines in, ``CleanText`` (blocks + change record) out."""

from __future__ import annotations

from .anchors import anchor
from .errors import InputError, fail
from .fixers_en import EN_FIXERS, split_sentences, split_spaced_headings
from .fixers_zh import ZH_FIXERS
from .fixlog import CleaningLog, Lines, apply_curator_fixes
from .model import Block, CleanText, Overrides, Sentence
from .named_headings import split_headings_named_by_summary, summary_headings
from .script import DEFAULT_TRADITIONAL, to_traditional, traditional_for


def clean_chinese(lines: Lines, path: str, overrides: Overrides | None = None,
                  traditional: str = DEFAULT_TRADITIONAL) -> tuple[CleanText, CleaningLog]:
    """Clean a Chinese text; the result is in Simplified script with a Traditional rendering
    (for a text received in Traditional, one that keeps its own vocabulary)."""
    log = CleaningLog(path, overrides)
    lines = apply_curator_fixes(lines, log, "zh")
    lines = log.run(ZH_FIXERS, lines)
    if not lines:
        raise _empty(path)
    script = log.script  # as the fixer that normalized the script found it
    traditional = traditional_for(script, traditional)
    taken: set[str] = set()
    blocks = tuple(
        Block(id=anchor("zh", line.text, taken), kind=line.kind, text=line.text,
              lines=(line.number, *line.merged), text_hant=to_traditional(line.text, traditional))
        for line in lines
    )
    return CleanText(path, "zh", blocks, tuple(log.changes), script), log


def clean_english(lines: Lines, path: str, overrides: Overrides | None = None,
                  summary: CleanText | None = None) -> tuple[CleanText, CleaningLog]:
    """Clean an English text into blocks, each split into sentences. The Chinese ``summary`` of
    it, if given, helps find the section headings of a page flattened into one line."""
    log = CleaningLog(path, overrides)
    lines = apply_curator_fixes(lines, log, "en")
    fixers = EN_FIXERS
    if summary is not None:
        after = EN_FIXERS.index(split_spaced_headings) + 1
        fixers = (*EN_FIXERS[:after], split_headings_named_by_summary(summary_headings(summary)), *EN_FIXERS[after:])
    lines = log.run(fixers, lines)
    if not lines:
        raise _empty(path)
    taken: set[str] = set()
    blocks = []
    for line in lines:
        # A heading is one unit, and so is a line of code: its full stops end no sentence.
        parts = [line.text] if line.kind in ("heading", "code") else split_sentences(line.text)
        sentences = tuple(Sentence(anchor("en", part, taken), part, line.number) for part in parts)
        blocks.append(Block(id=f"b{sentences[0].id}", kind=line.kind, text=line.text,
                            lines=(line.number, *line.merged), sentences=sentences))
    return CleanText(path, "en", tuple(blocks), tuple(log.changes)), log


def _empty(path: str) -> InputError:
    return fail(path, "nothing is left after cleaning: is this the right file?")
