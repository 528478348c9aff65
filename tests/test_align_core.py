"""The alignment search on hand-made score matrices: nulls, 1:n, n:1, reorders, bands."""

from __future__ import annotations

import pytest

from duizhao.align import Band, Bead, band_from_anchors, best_path, monotone_anchors, relink_moved

THRESHOLD = 0.5


def matrix_gains(matrix, max_en=4):
    """Gains from a line×sentence score matrix: a bead scores the mean of its cells."""

    def gains(i, a, end, most):
        out = []
        for b in range(1, min(max_en, end, most) + 1):
            cells = [matrix[r][c] for r in range(i, i + a) for c in range(end - b, end)]
            # A bead must be good in every row and every column, not only on average.
            rows_ok = all(max(matrix[r][c] for c in range(end - b, end)) > THRESHOLD for r in range(i, i + a))
            cols_ok = all(max(matrix[r][c] for r in range(i, i + a)) > THRESHOLD for c in range(end - b, end))
            out.append(a * b * (sum(cells) / len(cells) - THRESHOLD) if rows_ok and cols_ok else -1.0)
        return out

    return gains


def run(matrix, band=None):
    n, m = len(matrix), len(matrix[0])
    beads = best_path(band or Band.full(n, m), [0.0] * n, [0.0] * m, matrix_gains(matrix))
    return [str(b) for b in beads]


def test_one_to_one_diagonal():
    matrix = [[0.9 if i == j else 0.1 for j in range(4)] for i in range(4)]
    assert run(matrix) == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]"]


def test_chinese_line_without_source_is_a_null_bead():
    matrix = [[0.9, 0.1, 0.1], [0.2, 0.1, 0.2], [0.1, 0.1, 0.9]]
    assert run(matrix) == ["[0]:[0]", "[1]:[]", "[]:[1]", "[2]:[2]"]


def test_skipped_english_passage():
    matrix = [[0.9, 0.1, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.1, 0.9]]
    assert run(matrix) == ["[0]:[0]", "[]:[1]", "[]:[2]", "[]:[3]", "[1]:[4]"]


def test_one_line_condensing_three_sentences():
    matrix = [[0.8, 0.8, 0.8, 0.1], [0.1, 0.1, 0.1, 0.9]]
    assert run(matrix) == ["[0]:[0, 1, 2]", "[1]:[3]"]


def test_several_lines_expressing_one_sentence():
    matrix = [[0.8, 0.1], [0.8, 0.1], [0.1, 0.9]]
    assert run(matrix) == ["[0, 1]:[0]", "[2]:[1]"]


def one_to_one(table):
    """Gains of 1:1 beads only, from ``{(line, sentence): gain}`` (missing pairs cost 1)."""
    return lambda i, a, end, most: [table.get((i, end - 1), -1.0)] if a == 1 else []


def test_a_link_that_goes_on_where_the_last_one_ended_earns_the_adjacency_bonus():
    # Line 1 fits sentence 2 a little better than sentence 1, which follows line 0's sentence.
    gains = one_to_one({(0, 0): 0.4, (1, 1): 0.29, (1, 2): 0.30})
    jump = best_path(Band.full(2, 3), [0.0] * 2, [0.0] * 3, gains)
    assert [str(b) for b in jump] == ["[0]:[0]", "[]:[1]", "[1]:[2]"]
    on = best_path(Band.full(2, 3), [0.0] * 2, [0.0] * 3, gains, adjacent=0.05)
    assert [str(b) for b in on] == ["[0]:[0]", "[1]:[1]", "[]:[2]"]
    assert sum(b.gain for b in on) == pytest.approx(0.4 + 0.29 + 0.05)


def test_the_adjacency_bonus_is_searched_exactly_not_from_the_best_path_so_far():
    # Into the cell after (line 0, sentence 1) the best path ends with a skipped sentence
    # (0.5); the one ending with a link is worse (0.45) but earns the bonus for the next link.
    gains = one_to_one({(0, 0): 0.5, (0, 1): 0.45, (1, 2): 0.3})
    beads = best_path(Band.full(2, 3), [0.0] * 2, [0.0] * 3, gains, adjacent=0.1)
    assert [str(b) for b in beads] == ["[]:[0]", "[0]:[1]", "[1]:[2]"]
    beads = best_path(Band.full(2, 3), [0.0] * 2, [0.0] * 3, gains, adjacent=0.04)
    assert [str(b) for b in beads] == ["[0]:[0]", "[]:[1]", "[1]:[2]"]


def test_band_limits_the_search():
    matrix = [[0.1, 0.1, 0.9], [0.9, 0.1, 0.1]]
    narrow = Band(lo=(0, 0, 0), hi=(1, 1, 3))
    assert run(matrix, narrow) == ["[0]:[]", "[1]:[0]", "[]:[1]", "[]:[2]"]


def test_the_search_asks_only_for_shapes_that_start_inside_the_band():
    band = Band(lo=(0, 2, 3, 5), hi=(3, 5, 6, 6))
    asked = []

    def gains(i, a, end, most):
        asked.append((i, a, end, most))
        return [0.1] * end  # more shapes than usable: the search must stop at the band

    best_path(band, [0.0] * 3, [0.0] * 6, gains, max_zh=2)
    assert asked
    for i, a, end, most in asked:
        assert end - most == band.lo[i], (i, a, end, most)  # the first sentence the band allows
        assert 1 <= most <= end


def test_band_must_span_the_corners():
    with pytest.raises(ValueError, match="top-left"):
        best_path(Band(lo=(1, 1), hi=(2, 2)), [0.0], [0.0, 0.0], matrix_gains([[0.9, 0.1]]))


def test_moved_line_is_relinked_after_the_monotone_path():
    # Line 1 expresses sentence 3, which comes after line 2's sentence: the monotone path
    # must leave one of them out; the post-pass puts the moved line back.
    matrix = [[0.9, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.9], [0.1, 0.9, 0.1, 0.1]]
    beads = best_path(Band.full(3, 4), [0.0] * 3, [0.0] * 4, matrix_gains(matrix))
    assert [str(b) for b in beads if b.zh] in (
        ["[0]:[0]", "[1]:[]", "[2]:[1]"], ["[0]:[0]", "[1]:[3]", "[2]:[]"])
    fixed = relink_moved(beads, [(1, 3, 0.4)])
    linked = {b.zh[0]: b.en for b in fixed if b.zh and b.en}
    assert linked[1] == (3,)


def test_relink_leaves_other_beads_alone():
    beads = (Bead((0,), (0,)), Bead((1,), ()), Bead((), (1,)), Bead((2, 3), (2,)), Bead((4,), (3,)))
    assert relink_moved(beads, []) == beads
    # Line 1 moves to sentence 7; every other bead stays as it was, in its place. A line
    # sharing a sentence with another is not moved alone.
    moved = relink_moved(beads, [(1, 7, 0.4), (3, 9, 0.4)])
    assert moved == (beads[0], Bead((1,), (7,), 0.4), *beads[2:])


def test_anchor_chain_drops_the_outlier():
    chain = monotone_anchors([(0, 0, 1.0), (1, 50, 0.5), (2, 2, 1.0), (3, 3, 1.0), (4, 1, 0.3)])
    assert chain == [(0, 0), (2, 2), (3, 3)]


def test_band_memory_is_linear():
    n, m = 1000, 2000
    anchors = [(i, 2 * i) for i in range(0, n, 10)]
    band = band_from_anchors(n, m, anchors, width=12)
    assert band.lo[0] == 0 and band.hi[n] == m
    assert all(band.lo[r + 1] <= band.hi[r] for r in range(n))
    assert band.cells() < 60 * (n + m)  # far from n*m = 2,000,000


def test_a_link_reaches_over_skipped_sentences_only():
    # Line 0 renders sentences 0 and 2 clearly; sentence 1 is line 1's. Reaching over it would
    # cross line 1's link, so line 0 keeps sentence 0 alone. Once sentence 1 is skipped, it reaches.
    from duizhao.aligner import _reach_over

    class Scorer:
        m = 4

        def score(self, lines, sentences):
            return {(0, 0): .9, (0, 2): .9, (1, 1): .9}.get((lines[0], sentences[0]), 0.0)

    class Noise:
        threshold, spread = (0.3, 0.3), 0.05

    plain = [False] * 4
    crossing = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((), (2,)), Bead((), (3,))]
    assert [str(b) for b in _reach_over(crossing, Scorer(), Noise(), plain, plain, set())][:2] == ["[0]:[0]", "[1]:[1]"]
    skipped = [Bead((0,), (0,)), Bead((), (1,)), Bead((), (2,)), Bead((1,), (3,))]
    assert str(_reach_over(skipped, Scorer(), Noise(), plain, plain, set())[0]) == "[0]:[0, 2]"
