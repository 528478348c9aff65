"""Whether an English text is the source of a Chinese one at all.

Any two texts on one subject share words, so every Chinese line of an unrelated pair
still has a best match that stands out from its own noise. What such matches lack is
order: a summary or a translation follows its source, so the clear matches of a real
pair line up in a long chain that keeps both texts' order, while those of an unrelated
pair chain no longer than the same matches with their sentences shuffled. The test
compares the two; it needs no constant tuned to a corpus, only enough matches to judge.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from .align import monotone_anchors

MIN_MATCHES = 10
"""Fewest clear matches worth judging; with fewer, texts are taken to correspond."""
MIN_UNITS = 12
"""Fewest lines and sentences worth judging: in a short text every chain is short."""
SHUFFLES = 40
"""Shuffles that show how long a chain chance alone makes."""
CHANCE_SHARE = 0.95
"""A chain must be longer than this share of the shuffled chains."""


@dataclass(frozen=True)
class Correspondence:
    """How far the clear matches of two texts keep their order."""

    chain: int
    """Length of the longest chain of matches in the order of both texts."""
    chance: int
    """Chain length that chance reaches (``CHANCE_SHARE`` of the shuffles reach no further); 0 if not judged."""

    @property
    def corresponds(self) -> bool:
        return not self.chance or self.chain > self.chance

    def explain(self) -> str:
        return (f"of their clear matches, at most {self.chain} keep the order of both texts, "
                f"no more than the {self.chance} that chance gives")


def judge(matches: Sequence[tuple[int, int]], lines: int, sentences: int) -> Correspondence:
    """Judge (line, sentence) ``matches`` of a text of ``lines`` against one of ``sentences``.

    >>> in_order = [(k, k + (k % 3 == 0)) for k in range(20)]
    >>> judge(in_order, 20, 21).corresponds
    True
    >>> scattered = [(k, (k * 7) % 20) for k in range(20)]
    >>> judge(scattered, 20, 20).corresponds
    False
    >>> judge(scattered[:6], 20, 20).chance  # too few matches to judge
    0
    """
    chain = len(monotone_anchors([(i, j, 1.0) for i, j in matches]))
    if len(matches) < MIN_MATCHES or min(lines, sentences) < MIN_UNITS:
        return Correspondence(chain, 0)
    # A fixed seed: the same texts always get the same verdict.
    rng = random.Random(len(matches))
    targets = [j for _, j in matches]
    shuffled = []
    for _ in range(SHUFFLES):
        rng.shuffle(targets)
        shuffled.append(len(monotone_anchors([(i, j, 1.0) for (i, _), j in zip(matches, targets)])))
    shuffled.sort()
    return Correspondence(chain, shuffled[min(len(shuffled) - 1, int(CHANCE_SHARE * len(shuffled)))])
