"""Whether an English text is the source of a Chinese one at all.

Any two texts on one subject share words, so every Chinese line of an unrelated pair
still has a best match that stands out from its own noise. What such matches lack is
order: a summary or a translation follows its source, so the clear matches of a real
pair line up in a long chain that keeps both texts' order, while those of an unrelated
pair chain no longer than the same matches with their sentences shuffled. The test
compares the two; it needs no constant tuned to a corpus, only enough matches to judge.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Sequence
from dataclasses import dataclass

from .align import monotone_anchors

MIN_MATCHES = 5
"""Fewest clear matches worth judging; with fewer, texts are taken to correspond, and every
link is marked uncertain (an unrelated text of ten sentences can share four stray words with
a summary: "feel" in 觉得 and in "should feel smooth"). Five
matches in order happen by chance once in 120 shuffles, and four of five once in seven, so
five is the fewest for which a real pair's chain can stand above chance."""
SHUFFLES = 2000
"""Shuffles that show how long a chain chance alone makes: enough for a steady percentile."""
CHANCE_SHARE = 0.999
"""A chain must be longer than this share of the shuffled chains. At 0.95, one unrelated pair
in twenty passed by design, and did: of the 90 pairings of ten written texts with each other's
English, three were taken for source and translation. At 0.99, one in a hundred did: of the
156 pairings of thirteen, one (a summary of a repair café with an essay on a career in machine
learning: 10 matches in order, where chance reaches 9). A real pair's chain stands far above
chance (1.4 times the 0.999 bar or more in every written pair of ten matches or more, twice
it in most), so the stricter bar costs it nothing. Under seven matches no chain reaches it
(seven in order happen once in 5,040 shuffles): there, all of them in order is enough."""
DOUBT_SHARE = 0.95
"""Between few matches (under ``DOUBT_MATCHES``), a chain longer than this share of the shuffled
chains, but not past ``CHANCE_SHARE``, leaves the texts in doubt rather than apart: they are
linked, every link marked uncertain. There the strict bar asks for every match in order, and a
genuine short summary that moves one line (six of seven matches in order) was refused outright."""
DOUBT_MATCHES = 10
"""From this many matches up the strict bar lies below all of them in order, and a real pair
clears it by far (see ``CHANCE_SHARE``): no doubt is left. Unrelated long texts came within
one of it (10 of 22 matches in order, chance 9 often and 11 at most) and must stay apart."""


@dataclass(frozen=True)
class Correspondence:
    """How far the clear matches of two texts keep their order."""

    chain: int
    """Length of the longest chain of matches in the order of both texts."""
    chance: int
    """Chain length that chance reaches (``CHANCE_SHARE`` of the shuffles reach no further, and
    one short of all the matches at most); 0 if not judged."""
    doubt: int = 0
    """Chain length that chance reaches often (``DOUBT_SHARE`` of the shuffles) between few
    matches; ``chance`` between many, where no doubt is left."""

    @property
    def corresponds(self) -> bool:
        """Whether the texts may correspond: their chain is longer than chance often makes it."""
        return not self.chance or self.chain > self.doubt

    @property
    def sure(self) -> bool:
        """Whether they surely do: their chain is longer than chance ever makes it."""
        return self.judged and self.chain > self.chance

    @property
    def judged(self) -> bool:
        """Whether there were matches enough to tell; if not, ``corresponds`` is only assumed."""
        return self.chance > 0

    def explain(self) -> str:
        if self.corresponds:
            return (f"of their clear matches, {self.chain} keep the order of both texts: more than chance often "
                    f"gives ({self.doubt}), not more than it can ({self.chance})")
        return (f"of their clear matches, at most {self.chain} keep the order of both texts, "
                f"no more than the {self.doubt} that chance gives")


def judge(matches: Sequence[tuple[int, int]]) -> Correspondence:
    """Judge the (line, sentence) ``matches`` of two texts; no line or sentence occurs twice.

    >>> in_order = [(k, (k + 1) % 20) for k in range(20)]  # one moved line
    >>> judge(in_order).corresponds
    True
    >>> scattered = [(k, (k * 7) % 20) for k in range(20)]
    >>> judge(scattered).corresponds
    False
    >>> judge(scattered[:4]).judged  # too few matches to judge
    False
    >>> judge([(k, k) for k in range(5)]).sure  # five of five in order: as far as five can go
    True
    >>> moved = judge([(0, 0), (1, 1), (2, 6), (3, 2), (4, 3), (5, 4), (6, 5)])  # a line moved among seven
    >>> moved.corresponds, moved.sure
    (True, False)
    """
    chain = len(monotone_anchors([(i, j, 1.0) for i, j in matches]))
    if len(matches) < MIN_MATCHES:
        return Correspondence(chain, 0)
    # A fixed seed: the same texts always get the same verdict.
    rng = random.Random(len(matches))
    targets = [j for _, j in sorted(matches)]
    shuffled = []
    for _ in range(SHUFFLES):
        rng.shuffle(targets)
        shuffled.append(_longest_rising(targets))
    shuffled.sort()
    chance = min(_percentile(shuffled, CHANCE_SHARE), len(matches) - 1)
    doubt = min(_percentile(shuffled, DOUBT_SHARE), chance) if len(matches) < DOUBT_MATCHES else chance
    return Correspondence(chain, chance, doubt)


def _percentile(ordered: Sequence[int], share: float) -> int:
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _longest_rising(values: Sequence[int]) -> int:
    """Length of the longest strictly rising subsequence (patience sorting).

    >>> _longest_rising([3, 1, 4, 1, 5, 9, 2, 6])
    4
    """
    tails: list[int] = []
    for value in values:
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
        else:
            tails[k] = value
    return len(tails)
