"""Stable anchors derived from content, so links survive edits above a paragraph."""

from __future__ import annotations

import hashlib
import unicodedata


def anchor(prefix: str, text: str, taken: set[str]) -> str:
    """A short id for ``text``: the same text always gets the same id.

    Identical texts in one document (rare) get ``-2``, ``-3`` … in reading order.

    >>> taken = set()
    >>> anchor("zh", "飞轮", taken)
    'zh-8b64d6'
    >>> anchor("zh", "飞轮", taken)
    'zh-8b64d6-2'
    """
    normal = " ".join(unicodedata.normalize("NFKC", text).split())
    base = f"{prefix}-{hashlib.sha1(normal.encode('utf-8')).hexdigest()[:6]}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate
