"""How plausible a link's length is, judged against the document's own clear matches.

A translation keeps a steady ratio of Chinese characters to English letters; a summary's
ratio wanders much more. Both the typical ratio and how far it wanders are measured on
each document (on the lines whose match is beyond doubt), so the same rule is strict on
a translation and lenient on a summary. A link only pays for a length that is implausible
for this document; a plausible one earns nothing, so length alone never makes a link.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

MIN_SAMPLES = 5
"""Fewest clear matches worth measuring; with fewer, length plays no part."""
MIN_SPREAD = 0.15
"""Floor for the measured spread of log ratios: even a translation varies this much."""
TOLERATED = 1.0
"""Spreads from the typical ratio a link may lie at no cost."""
MOST_MISFIT = 2.0
"""Cap on a link's misfit: past this, any length is simply implausible."""
ROOM = 2.0
"""How many times the sentences a line's length would fill it may express: sentences vary."""


def letters(text: str) -> int:
    """Characters that carry content: Chinese characters, letters and digits (at least 1).

    >>> letters("Nathan Lambert认为,入学前他已有一些基本特质:"), letters("He was 24.")
    (27, 7)
    """
    return max(1, sum(ch.isalnum() for ch in text))


@dataclass(frozen=True)
class LengthModel:
    """Content lengths of both texts and the document's ratio of one to the other."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    typical: float
    """Median log ratio (Chinese length over English length) of the clear matches."""
    spread: float
    """Robust spread (scaled median absolute deviation) of those log ratios; 0 when unmeasured."""
    per_sentence: float
    """Chinese length that one English sentence of typical length takes, at the texts' overall
    ratio (a summary's overall ratio is low, which only makes ``most_sentences`` generous)."""

    @classmethod
    def measure(cls, zh: Sequence[int], en: Sequence[int], matches: Sequence[tuple[int, int]]) -> LengthModel:
        """Measure on ``matches``, (line, sentence) pairs that surely express each other.

        >>> model = LengthModel.measure([30, 31, 29, 60, 32], [90, 100, 88, 95, 91],
        ...                             [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)])
        >>> round(model.typical, 2), round(model.spread, 2)
        (-1.1, 0.15)
        """
        ratios = [math.log(zh[i] / en[j]) for i, j in matches]
        per_sentence = statistics.median(en) * sum(zh) / sum(en) if zh and en else 1.0
        if len(ratios) < MIN_SAMPLES:
            return cls(tuple(zh), tuple(en), 0.0, 0.0, per_sentence)
        typical = statistics.median(ratios)
        deviation = statistics.median(abs(r - typical) for r in ratios) * 1.4826
        return cls(tuple(zh), tuple(en), typical, max(deviation, MIN_SPREAD), per_sentence)

    def most_sentences(self, line: int, least: int) -> int:
        """Most English sentences ``line`` may express: ``ROOM`` times as many as its length
        fills, and never fewer than ``least``. A long paragraph of a translated interview
        renders many short spoken sentences.

        >>> model = LengthModel((30, 900), (80,) * 40, 0.0, 0.0, 30.0)
        >>> model.most_sentences(0, 12), model.most_sentences(1, 12)
        (12, 60)
        """
        return max(least, math.ceil(ROOM * self.zh[line] / self.per_sentence))

    def misfits(self, lines: range, end: int, most: int) -> list[float]:
        """Misfit of ``lines`` linked to sentences ``end-b … end-1`` for b = 1 … most
        (growing leftwards, as the search asks): 0 within ``TOLERATED`` spreads of the
        typical ratio, then growing with the square of the distance, up to ``MOST_MISFIT``.

        >>> model = LengthModel((30,), (90, 95, 100), -1.1, 0.5, 30.0)
        >>> [round(x, 2) for x in model.misfits(range(0, 1), 3, 3)]
        [0.0, 0.69, 2.0]
        """
        if not self.spread:
            return [0.0] * min(most, end)
        chinese = sum(self.zh[i] for i in lines)
        english, out = 0, []
        for j in range(end - 1, max(-1, end - 1 - most), -1):
            english += self.en[j]
            distance = (math.log(chinese / english) - self.typical) / self.spread
            out.append(min(MOST_MISFIT, max(0.0, 0.5 * (distance * distance - TOLERATED * TOLERATED))))
        return out
