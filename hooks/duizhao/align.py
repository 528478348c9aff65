"""The alignment search: a banded dynamic programme over beads, with no text and no I/O.

Rows are Chinese lines, columns English sentences. A path from the top-left to the
bottom-right corner is a sequence of *beads*:

* ``a:b`` links — ``a`` consecutive Chinese lines express ``b`` consecutive English
  sentences (1:1, 1:many for a condensing line or a paragraph-for-paragraph
  translation, many:1 for a sentence spread over lines);
* ``1:0`` — a Chinese line with no source (the summary's own addition);
* ``0:1`` — an English sentence nobody expresses.

The path maximizes the sum of bead gains. Gains come from the caller, so this module
is tested on hand-made score matrices. Only cells inside a ``Band`` are visited and
stored, which keeps memory linear in the input.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass

NEG = float("-inf")

LinkGains = Callable[[int, int, int, int], Sequence[float]]
"""``gains(i, a, end, most)``: gains of linking Chinese lines ``i … i+a-1`` to English sentences
``end-b … end-1`` for b = 1, 2, … (index 0 is b = 1); shorter lists mean fewer shapes. The
search never uses more than ``most`` shapes (the band ends there), so none need computing."""


@dataclass(frozen=True)
class Bead:
    """One step of the path, as 0-based indices into the two unit lists."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    gain: float = 0.0

    def __str__(self) -> str:
        """The ``[0]:[0, 1]`` notation.

        >>> str(Bead((3,), (4, 5)))
        '[3]:[4, 5]'
        """
        return f"{list(self.zh)}:{list(self.en)}"


@dataclass(frozen=True)
class Band:
    """Columns visited in each DP row: row ``r`` (``r`` Chinese lines consumed) spans ``lo[r] … hi[r]``."""

    lo: tuple[int, ...]
    hi: tuple[int, ...]

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls((0,) * (n + 1), (m,) * (n + 1))

    def cells(self) -> int:
        return sum(h - l + 1 for l, h in zip(self.lo, self.hi))


def best_path(band: Band, zh_null: Sequence[float], en_skip: Sequence[float],
              gains: LinkGains, max_zh: int = 3, adjacent: float = 0.0) -> tuple[Bead, ...]:
    """The highest-gain monotone path through ``band``, as beads in reading order.

    A link that directly follows another link, with no line or sentence skipped between
    them, earns ``adjacent`` on top of its gain: a text mostly goes on where it left off,
    so of two otherwise equal paths the one without jumps wins (the jump prior of HMM
    alignment, reduced to "no jump" against "any jump").

    >>> m = [[0.9, 0.0, 0.0], [0.0, 0.0, 0.8]]
    >>> def gains(i, a, end, most):
    ...     return [m[i][end - 1] - 0.5] if a == 1 else []
    >>> [str(b) for b in best_path(Band.full(2, 3), [0, 0], [0, 0, 0], gains)]
    ['[0]:[0]', '[]:[1]', '[1]:[2]']
    """
    n, m = len(zh_null), len(en_skip)
    if len(band.lo) != n + 1 or band.lo[0] != 0 or band.hi[n] != m:
        raise ValueError("band must start at the top-left and end at the bottom-right corner")
    # Two values per cell: the best path to it whatever its last bead (``value``), and the
    # best path to it whose last bead is a link (``linked``), which the next link extends
    # with the adjacency bonus.
    value: list[array] = []
    linked: list[array] = []
    back: list[array] = []
    back_linked: list[array] = []
    for r in range(n + 1):
        lo, hi = band.lo[r], band.hi[r]
        row, link_row = array("d", [NEG]) * (hi - lo + 1), array("d", [NEG]) * (hi - lo + 1)
        steps, link_steps = array("l", [0]) * (hi - lo + 1), array("l", [0]) * (hi - lo + 1)
        for c in range(lo, hi + 1):
            best, step = (0.0, 0) if r == 0 and c == 0 else (NEG, 0)
            if c > lo and row[c - 1 - lo] != NEG:
                candidate = row[c - 1 - lo] + en_skip[c - 1]
                if candidate > best:
                    best, step = candidate, 1  # 0:1
            link_best, link_step = NEG, 0
            for a in range(1, min(max_zh, r) + 1):
                prev, prev_linked, plo, phi = value[r - a], linked[r - a], band.lo[r - a], band.hi[r - a]
                if a == 1 and plo <= c <= phi and prev[c - plo] != NEG:
                    candidate = prev[c - plo] + zh_null[r - 1]
                    if candidate > best:
                        best, step = candidate, 1 << 16  # 1:0
                if c - 1 < plo:
                    continue
                for b, gain in enumerate(gains(r - a, a, c, c - plo), 1):
                    pc = c - b
                    if pc < plo:
                        break
                    if pc > phi or prev[pc - plo] == NEG:
                        continue
                    before, after_link = prev[pc - plo], 0
                    if prev_linked[pc - plo] != NEG and prev_linked[pc - plo] + adjacent > before:
                        before, after_link = prev_linked[pc - plo] + adjacent, _AFTER_LINK
                    if before + gain > link_best:
                        link_best, link_step = before + gain, (a << 16) | b | after_link
            if link_best > best:
                best, step = link_best, _LINKED
            row[c - lo], steps[c - lo] = best, step
            link_row[c - lo], link_steps[c - lo] = link_best, link_step
        value.append(row)
        linked.append(link_row)
        back.append(steps)
        back_linked.append(link_steps)
    if value[n][m - band.lo[n]] == NEG:
        raise ValueError("no path through the band")
    return _trace(band, value, linked, back, back_linked, n, m)


_AFTER_LINK = 1 << 30
"""Flag of a link step whose path goes on from a link (so the trace continues in ``linked``)."""
_LINKED = -1
"""Step of a cell whose best path ends with a link: read the step from ``back_linked``."""


def _trace(band: Band, value, linked, back, back_linked, n: int, m: int) -> tuple[Bead, ...]:
    beads = []
    r, c, in_link = n, m, False
    while r or c:
        at = c - band.lo[r]
        step = back_linked[r][at] if in_link else back[r][at]
        here = linked[r][at] if in_link else value[r][at]
        if step == _LINKED:
            in_link = True
            continue
        a, b = (step >> 16) & 0x3FFF, step & 0xFFFF
        in_link = bool(step & _AFTER_LINK)
        there = (linked if in_link else value)[r - a][c - b - band.lo[r - a]]
        beads.append(Bead(tuple(range(r - a, r)), tuple(range(c - b, c)), here - there))
        r, c = r - a, c - b
    beads.reverse()
    return tuple(beads)


def band_from_anchors(n: int, m: int, anchors: Sequence[tuple[int, int]], width: int,
                      reach: int | None = None) -> Band:
    """A band following monotone anchors (line, sentence), ``width`` columns either side.

    Between two anchors the band covers every column between them (a summary may skip
    many sentences there), capped at ``reach`` columns around the straight line joining
    them so that a long stretch without anchors cannot make memory quadratic.

    >>> band_from_anchors(3, 6, [(1, 3)], width=1)
    Band(lo=(0, 0, 3, 3), hi=(4, 4, 6, 6))
    """
    reach = reach if reach is not None else 4 * width + 20
    points = [(-1, 0)] + sorted(anchors) + [(n, m)]
    lo, hi = [0] * (n + 1), [0] * (n + 1)
    k = 0
    for r in range(n + 1):
        while points[k + 1][0] < r:
            k += 1
        (i0, j0), (i1, j1) = points[k], points[k + 1]
        # Row r has consumed lines < r: the last anchor line below r and the next one at or after r.
        straight = j0 + (j1 - j0) * (r - i0 - 1) / max(1, i1 - i0)
        lo[r] = max(0, j0 + (1 if i0 >= 0 else 0) - width, int(straight) - reach)
        hi[r] = min(m, j1 + width, int(straight) + reach)
    for r in range(1, n + 1):
        lo[r] = max(lo[r], lo[r - 1])
        hi[r] = max(hi[r], hi[r - 1], lo[r])
    for r in range(n):
        lo[r + 1] = min(lo[r + 1], hi[r])  # every row must reach into the next
    lo[0], hi[n] = 0, m
    return Band(tuple(lo), tuple(hi))


def monotone_anchors(candidates: Sequence[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The heaviest chain of (line, sentence, weight) with lines and sentences both increasing.

    >>> monotone_anchors([(0, 1, 1.0), (1, 9, 0.2), (2, 3, 1.0), (3, 4, 1.0)])
    [(0, 1), (2, 3), (3, 4)]
    """
    ordered = sorted(candidates)
    size = max((j for _, j, _ in ordered), default=0) + 2
    tree = [(0.0, -1)] * (size + 1)  # Fenwick tree of (best chain weight, index) by sentence

    def query(j: int) -> tuple[float, int]:
        best = (0.0, -1)
        j += 1
        while j > 0:
            best = max(best, tree[j])
            j -= j & -j
        return best

    def update(j: int, item: tuple[float, int]) -> None:
        j += 1
        while j <= size:
            tree[j] = max(tree[j], item)
            j += j & -j

    total, parent = [0.0] * len(ordered), [-1] * len(ordered)
    pending: list[int] = []
    for k, (i, j, w) in enumerate(ordered):
        if pending and ordered[pending[0]][0] != i:
            for p in pending:  # a line's candidates become visible only to later lines
                update(ordered[p][1], (total[p], p))
            pending = []
        best, parent[k] = query(j - 1)
        total[k] = best + w
        pending.append(k)
    if not ordered:
        return []
    k = max(range(len(ordered)), key=lambda x: total[x])
    chain = []
    while k >= 0:
        chain.append(ordered[k][:2])
        k = parent[k]
    return chain[::-1]


def relink_moved(beads: Sequence[Bead], moved: Sequence[tuple[int, int, float]]) -> tuple[Bead, ...]:
    """Move Chinese lines to the match found off the monotone path (a summary reorders).

    ``moved`` lists (line, sentence, gain) for lines whose best match lies off the path
    with a strong margin; the caller decides what is strong.

    >>> beads = (Bead((0,), (0,)), Bead((1,), ()), Bead((), (1,)))
    >>> [str(b) for b in relink_moved(beads, [(1, 5, 0.4)])]
    ['[0]:[0]', '[1]:[5]', '[]:[1]']
    """
    by_line = {line: (sentence, gain) for line, sentence, gain in moved}
    out = []
    for bead in beads:
        if len(bead.zh) == 1 and bead.zh[0] in by_line:
            sentence, gain = by_line[bead.zh[0]]
            out.append(Bead(bead.zh, (sentence,), gain))
        else:
            out.append(bead)
    return tuple(out)
