"""Aligning a cleaned Chinese text with its English source: scoring, thresholds, search, links.

The thresholds come from each document's own scores, not from constants: a Chinese
line is linked only when its match stands out from the *noise* of its scores against
unrelated sentences (its background plus a multiple of the document's spread). A
summary full of generic vocabulary and a faithful translation thus get the thresholds
they need.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from .align import Bead, band_from_anchors, best_path, monotone_anchors, relink_moved
from .lexicon import english_keys, load_lexicon
from .model import Alignment, CleanText, Link, PinnedLink
from .scoring import Coverage, PairScorer

NOISE_LEVELS = 3.5
"""How many spreads above its background a line's score must rise to count as a match."""
MIN_THRESHOLD = 0.12
"""Floor for that threshold: with almost no noise, one shared word is not a match."""
MAX_SENTENCES = 12
"""Most English sentences one Chinese line may express (a paragraph translated whole)."""
MAX_LINES = 3
"""Most Chinese lines that may share one English sentence."""
BAND_WIDTH = 12
"""Columns kept either side of the anchor path."""
RELINK_MARGIN = 2.0
"""A line off the path is relinked when its best match beats the threshold and every match
not adjacent to it by this many spreads."""
CONFIDENT = 0.7
"""Links scoring under this are shown as uncertain."""


@dataclass(frozen=True)
class Unit:
    """A piece of text to align: a Chinese block or an English sentence."""

    id: str
    text: str


def align_article(zh: CleanText, en: CleanText, pins: tuple[PinnedLink, ...] = ()) -> Alignment:
    """Align a cleaned article; curator ``pins`` are kept as they are and the rest aligned around them."""
    zh_units = [Unit(block.id, block.text) for block in zh.blocks]
    en_units = [Unit(s.id, s.text) for block in en.blocks for s in block.sentences]
    return align_texts(zh_units, en_units, pins)


def align_texts(zh_units: Sequence[Unit], en_units: Sequence[Unit],
                pins: Sequence[PinnedLink] = ()) -> Alignment:
    """Align Chinese units with English sentences; the result lists links in Chinese order."""
    zh_units, en_units = list(zh_units), list(en_units)
    if not zh_units or not en_units:
        return Alignment((), tuple(u.id for u in zh_units), tuple(u.id for u in en_units))
    lexicon = load_lexicon()
    scorer = PairScorer([lexicon.chinese_tokens(u.text) for u in zh_units],
                        [english_keys(u.text) for u in en_units])
    noise = Noise.measure(scorer)
    fixed = _pinned(pins, zh_units, en_units)
    beads: list[Bead] = []
    for segment in _segments(fixed, len(zh_units), len(en_units)):
        beads.extend(_align_segment(scorer, noise, segment, set(fixed)))
    beads = list(relink_moved(beads, _moved_lines(noise, scorer, beads)))
    return _alignment(beads, fixed, noise, scorer, zh_units, en_units)


@dataclass(frozen=True)
class Noise:
    """Per-line thresholds derived from the document's own score distribution."""

    coverage: tuple[Coverage, ...]
    spread: float
    """Typical spread of a line's scores against unrelated sentences."""
    threshold: tuple[float, ...]
    """Score a bead with this line must exceed to be worth linking."""

    @classmethod
    def measure(cls, scorer: PairScorer) -> Noise:
        coverage = tuple(scorer.coverage(i) for i in range(scorer.n))
        spreads = [c.spread for c in coverage if c.best]
        spread = max(statistics.median(spreads) if spreads else 0.0, 0.02)
        threshold = tuple(max(MIN_THRESHOLD, c.background + NOISE_LEVELS * max(spread, c.spread))
                          for c in coverage)
        return cls(coverage, spread, threshold)

    def confidence(self, score: float, lines: Sequence[int]) -> float:
        """Map a bead score into [0, 1]: 0.5 at the threshold, rising with spreads above it."""
        threshold = sum(self.threshold[i] for i in lines) / len(lines)
        return 1.0 / (1.0 + math.exp(-2.0 * (score - threshold) / self.spread))


@dataclass(frozen=True)
class _Segment:
    zh: range
    en: range


def _pinned(pins: Sequence[PinnedLink], zh_units, en_units) -> dict[int, tuple[int, ...]]:
    """Pins as line index → sentence indices (ids the texts lack are ignored; the corpus checks them)."""
    zh_index = {u.id: i for i, u in enumerate(zh_units)}
    en_index = {u.id: j for j, u in enumerate(en_units)}
    fixed = {}
    for pin in pins:
        if pin.zh in zh_index:
            fixed[zh_index[pin.zh]] = tuple(sorted(en_index[e] for e in pin.en if e in en_index))
    return fixed


def _segments(fixed: dict[int, tuple[int, ...]], n: int, m: int) -> list[_Segment]:
    """Stretches between pins that are in order with each other; the DP aligns each alone."""
    chain = monotone_anchors([(i, en[0], 1.0) for i, en in fixed.items() if en])
    chain = [(i, fixed[i][0], fixed[i][-1]) for i, _ in chain]
    segments, zh_start, en_start = [], 0, 0
    for line, first, last in chain:
        if first < en_start:
            continue
        segments.append(_Segment(range(zh_start, line), range(en_start, first)))
        zh_start, en_start = line + 1, last + 1
    segments.append(_Segment(range(zh_start, n), range(en_start, m)))
    return segments


def _align_segment(scorer: PairScorer, noise: Noise, segment: _Segment, blocked: set[int]) -> list[Bead]:
    zh0, en0 = segment.zh.start, segment.en.start
    n, m = len(segment.zh), len(segment.en)
    if not n or not m:
        return [Bead((zh0 + i,), ()) for i in range(n)] + [Bead((), (en0 + j,)) for j in range(m)]

    def gains(i: int, a: int, end: int) -> list[float]:
        lines = range(zh0 + i, zh0 + i + a)
        if any(line in blocked for line in lines):
            return []
        if a == 1:
            threshold = noise.threshold[lines[0]]
            return [s - threshold for s in scorer.one_to_many(lines[0], en0 + end, min(MAX_SENTENCES, end))]
        # Each line of a many:1 bead is its own link and must pay for itself.
        shared = scorer.shared_sentence(lines, en0 + end - 1)
        return [sum(s - noise.threshold[line] for s, line in zip(shared, lines))]

    anchors = [(i - zh0, j - en0, score - noise.threshold[i])
               for i in segment.zh if i not in blocked
               for score, j in noise.coverage[i].best[:3]
               if j in segment.en and score > noise.threshold[i]]
    band = band_from_anchors(n, m, [(i, j) for i, j in monotone_anchors(anchors)], BAND_WIDTH)
    beads = best_path(band, [0.0] * n, [0.0] * m, gains, MAX_LINES)
    return [Bead(tuple(zh0 + i for i in b.zh), tuple(en0 + j for j in b.en), b.gain) for b in beads]


def _moved_lines(noise: Noise, scorer: PairScorer, beads: Sequence[Bead]) -> list[tuple[int, int, float]]:
    """Lines whose best match lies off the monotone path and is clearly right.

    "Clearly" is measured on this document: the match must score at least as well as the
    typical link on the path and beat the line's best match elsewhere by a margin; a
    line the path already linked must also gain that margin by moving.
    """
    linked = [scorer.score(range(b.zh[0], b.zh[-1] + 1), range(b.en[0], b.en[-1] + 1))
              for b in beads if b.zh and b.en]
    if not linked:
        return []
    typical = statistics.median(linked)
    margin = RELINK_MARGIN * noise.spread
    moved = []
    for bead in beads:
        if len(bead.zh) != 1:
            continue
        line = bead.zh[0]
        best = noise.coverage[line].best
        if not best or best[0][1] in bead.en:
            continue
        score, sentence = best[0]
        current = scorer.score(range(line, line + 1), range(bead.en[0], bead.en[-1] + 1)) if bead.en else 0.0
        if (score >= typical and score - noise.coverage[line].rival > margin
                and score - max(current, noise.threshold[line]) > margin):
            moved.append((line, sentence, score - noise.threshold[line]))
    return moved


def _alignment(beads, fixed, noise: Noise, scorer: PairScorer, zh_units, en_units) -> Alignment:
    by_line: dict[int, Link] = {}
    for line, sentences in fixed.items():
        if sentences:
            by_line[line] = Link((zh_units[line].id,), tuple(en_units[j].id for j in sentences), 1.0, True, True)
    for bead in beads:
        if not bead.zh or not bead.en or bead.zh[0] in fixed:
            continue
        score = scorer.score(range(bead.zh[0], bead.zh[-1] + 1), range(bead.en[0], bead.en[-1] + 1))
        confidence = round(noise.confidence(score, bead.zh), 3)
        by_line[bead.zh[0]] = Link(tuple(zh_units[i].id for i in bead.zh),
                                   tuple(en_units[j].id for j in bead.en),
                                   confidence, confidence >= CONFIDENT)
    links = tuple(by_line[line] for line in sorted(by_line))
    linked_zh = {z for link in links for z in link.zh}
    linked_en = {e for link in links for e in link.en}
    return Alignment(links,
                     tuple(u.id for u in zh_units if u.id not in linked_zh),
                     tuple(u.id for u in en_units if u.id not in linked_en))
