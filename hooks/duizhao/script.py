"""Chinese script handling with OpenCC: Simplified for processing, Traditional for display.

Converters are loaded once per process and cached (they are immutable), which is safe
under ``mkdocs serve`` where the hook module is not reloaded between builds.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

DEFAULT_TRADITIONAL = "s2twp"
"""Simplified → Traditional (Taiwan standard, with phrase conversion) unless mkdocs.yml says otherwise."""

# URLs must survive conversion byte for byte: a path such as /软件 is an address, not prose.
_PROTECTED = re.compile(r"https?://[^\s，。、；：！？）」』】]+|www\.[^\s，。、；：！？）」』】]+")


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def convert(text: str, config: str) -> str:
    """Convert ``text`` with an OpenCC configuration, leaving URLs untouched.

    >>> convert("表現出了重度抑鬱", "t2s")
    '表现出了重度抑郁'
    >>> convert("见 https://example.org/软件 软件", "s2twp")
    '見 https://example.org/软件 軟體'
    """
    pieces = []
    last = 0
    for match in _PROTECTED.finditer(text):
        pieces.append(_converter(config).convert(text[last:match.start()]))
        pieces.append(match.group())
        last = match.end()
    pieces.append(_converter(config).convert(text[last:]))
    return "".join(pieces)


def to_simplified(text: str) -> str:
    """Traditional (or mixed) Chinese → Simplified, for processing and the default view.

    ``tw2s`` rather than ``t2s``: it also folds Taiwan variant forms, so 意味著 becomes
    意味着 (``t2s`` keeps 著, which is a valid Simplified character in 著作). Vocabulary is
    left alone (軟體 stays 软体): changing words would change what the author wrote.

    >>> to_simplified("意味著 著作 軟體")
    '意味着 著作 软体'
    """
    return convert(text, "tw2s")


def to_traditional(text: str, config: str = DEFAULT_TRADITIONAL) -> str:
    """Simplified Chinese → Traditional, for the reader who prefers it."""
    return convert(text, config)


def looks_traditional(text: str) -> bool:
    """Whether a text is mostly in Traditional script (it changes under t2s).

    >>> looks_traditional("這是一個關於壓力的博客")
    True
    >>> looks_traditional("这是一个关于压力的博客")
    False
    """
    cjk = "".join(c for c in text if "\u4e00" <= c <= "\u9fff")
    if not cjk:
        return False
    changed = sum(1 for a, b in zip(cjk, to_simplified(cjk)) if a != b)
    return changed / len(cjk) > 0.05
