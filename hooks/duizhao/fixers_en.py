"""Fixers for the English originals: page chrome and run-on repair (web transcripts)."""

from __future__ import annotations

import re

from .fixlog import drop_blank_lines

EN_FIXERS = (drop_blank_lines,)

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Split an English paragraph into sentences.

    >>> split_sentences("I asked. They said no.")
    ['I asked.', 'They said no.']
    """
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]
