"""Length as evidence: measured on each document, strict on a translation, lenient on a summary."""

from __future__ import annotations

from duizhao.lengths import MOST_MISFIT, LengthModel

MATCHES = [(k, k) for k in range(6)]


def test_too_few_clear_matches_leave_length_out():
    model = LengthModel.measure([30] * 4, [90] * 4, MATCHES[:4])
    assert model.misfits(range(0, 1), 4, 4) == [0.0] * 4


def test_translation_ratio_is_strict_and_a_summary_ratio_lenient():
    english = [100] * 6
    translation = LengthModel.measure([33, 35, 34, 32, 36, 34], english, MATCHES)
    summary = LengthModel.measure([15, 40, 22, 60, 30, 34], english, MATCHES)
    assert translation.spread < summary.spread
    # A line of a typical length against two sentences: half the usual ratio.
    doubled_in_translation = translation.misfits(range(0, 1), 2, 2)
    doubled_in_summary = summary.misfits(range(5, 6), 2, 2)
    assert doubled_in_translation[0] == 0.0 and doubled_in_translation[1] == MOST_MISFIT
    assert doubled_in_summary[0] == 0.0 and doubled_in_summary[1] < 1.0


def test_lines_sharing_a_sentence_are_measured_together():
    model = LengthModel((20, 20, 20), (100,), -1.0, 0.2, 35.0)
    one, two = model.misfits(range(0, 1), 1, 1)[0], model.misfits(range(0, 2), 1, 1)[0]
    assert one > 0 and two == 0.0  # 20/100 is short of e^-1; 40/100 is about it
