"""Headings of a flattened English page found again by the summary's own headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.clean import clean_chinese, clean_english
from duizhao.fixlog import CleaningLog
from duizhao.ingest import read_lines
from duizhao.model import Line
from duizhao.named_headings import split_headings_named_by_summary, summary_headings

GOLD = Path(__file__).parent / "gold"
# Ordinary sentences around the one tried, so that the line is a flattened page (longer than
# LONG_PARAGRAPH) and the sentence sits in its middle.
PADDING = " The work went on through the winter and nobody said much about it." * 18
HEADING = "What I tell new students"
SENTENCE = "I defended my thesis in 2023 and now help supervise others."


def _page(sentence: str = f"{HEADING} {SENTENCE}") -> tuple[Line, ...]:
    return (Line(1, f"It ended there.{PADDING} {sentence}{PADDING}"),)


def _split(lines, headings):
    log = CleaningLog("en.txt")
    return log.run((split_headings_named_by_summary(headings),), lines), log


def test_a_heading_the_summary_names_gets_its_line_back():
    # 给新生的三个建议 ("three pieces of advice for new students") renders "new students".
    lines, log = _split(_page(), [("给新生的三个建议", 0.5)])
    assert [(l.kind, l.text[:30]) for l in lines] == [
        ("paragraph", "It ended there. The work went "), ("heading", HEADING), ("paragraph", SENTENCE[:30])]
    assert all(l.number == 1 for l in lines)
    splits = [c for c in log.changes if c.fixer == "split_headings_named_by_summary"]
    assert splits and f"## {HEADING} ¶ I defended" in " ".join(c.after for c in splits)


def test_without_the_summary_the_page_keeps_the_phrase_in_its_sentence():
    # "students I defended" reads as well as one clause: typography alone cannot tell.
    en, _ = clean_english(_page(), "en.txt")
    assert not [b for b in en.blocks if b.kind == "heading"]
    zh, _ = clean_chinese((Line(1, "他讲了自己的博士生涯。" * 5), Line(2, "给新生的三个建议"),
                           Line(3, "他说，先睡好觉。" * 5)), "zh.txt")
    assert summary_headings(zh) == (("给新生的三个建议", pytest.approx(0.5, abs=0.1)),)
    en, _ = clean_english(_page(), "en.txt", summary=zh)
    assert [b.text for b in en.blocks if b.kind == "heading"] == [HEADING]


def test_a_summary_heading_elsewhere_in_its_text_names_nothing_here():
    lines, _ = _split(_page(), [("给新生的三个建议", 0.8)])
    assert [l.kind for l in lines] == ["paragraph"]


def test_a_summary_heading_rendering_too_little_of_the_phrase_names_nothing():
    # 学生 renders "students", one of the phrase's three content words (tell, new, student).
    lines, _ = _split(_page(), [("学生", 0.5)])
    assert [l.kind for l in lines] == ["paragraph"]


def test_a_line_of_ordinary_length_is_no_flattened_page():
    line = Line(1, f"It ended there. {HEADING} {SENTENCE}")
    lines, _ = _split((line,), [("给新生的三个建议", 0.5)])
    assert lines == (line,)


@pytest.mark.parametrize("sentence, heading", [
    # A phrase of time before "I" or a name is how a sentence starts.
    ("In my second year I submitted the same paper three times.", "第二年"),
    ("In my second year Gregor submitted the same paper three times.", "第二年"),
    # A noun phrase before "I" is the subject of a sentence, with its clause.
    ("The first time I realized this was with a benchmark.", "第一次"),
    ("Every week I wrote one page.", "每周一页"),
    # A phrase ending in a word that opens a clause, or wants its noun, goes on.
    ("Then I started asking it of myself before I wrote anything.", "开始问自己"),
    ("The first Saturday was a disaster.", "第一个星期六"),
    # A phrase opening on a conjunction, or holding a comma, belongs to a sentence.
    ("And the numbers Marta gave were wrong.", "数字"),
    ("Numbers, however Marta counted them, were wrong.", "数字"),
    # Before a name, a bare noun phrase is the name's clause, a phrase of time or place the
    # sentence's start, and a capitalized word part of the name.
    ("The numbers Marta collected told a different story.", "数字会说话"),
    ("The failed project Marta led taught me a lot.", "那个失败的项目"),
    ("New students Marta told me always panic.", "给新生的建议"),
    ("Under pressure Marta worked harder.", "压力"),
    ("Despite the pressure Priya kept going.", "压力"),
    ("My second year in the lab Marta was my only friend.", "第二年"),
    ("The day Google called I packed my things.", "谷歌来电的那一天"),
    ("Professor Ruth Haldane read it the next morning.", "Ruth Haldane的回应"),
    # A name of several words follows a title only, and holds no "I".
    ("Our advisor Ruth Haldane read it the next morning.", "导师Ruth的建议"),
    ("Advice from Professor Haldane I packed my things.", "教授的建议"),
    # Each rule below is the only one that takes these for sentences.
    ("Under the pressure of the laboratory Marta kept going.", "实验室的压力"),  # a phrase of place
    ("And what the numbers said Marta wrote down.", "数字会说话"),      # a conjunction goes on
    ("How much pressure we felt I cannot say.", "压力"),               # a quantity, not a clause
    ("What the numbers told Professor Haldane surprised her.", "数字告诉教授"),  # a name's first word
    # Before "I", a question word needs its own clause.
    ("How much pressure I felt is hard to describe.", "压力"),
    ("Which project I chose mattered less than I thought.", "那个失败的项目"),
    # "U.S." ends no sentence, so no phrase starts after it.
    ("Funding came from the U.S. National Science Foundation office.", "国家科学基金"),
])
def test_a_sentence_start_is_no_heading_even_when_the_summary_renders_it(sentence, heading):
    lines, _ = _split(_page(sentence), [(heading, 0.5)])
    assert [l.kind for l in lines] == ["paragraph"]


def test_each_summary_heading_names_one_phrase():
    twice = f"{HEADING} {SENTENCE} {HEADING} {SENTENCE}"
    lines, _ = _split(_page(twice), [("给新生的三个建议", 0.5)])
    assert [l.text for l in lines if l.kind == "heading"] == [HEADING]


def test_a_heading_already_found_keeps_its_summary_heading():
    # The page's own heading (a line of its own) pairs with the summary's heading for it, which
    # then names no phrase of the flattened line after it.
    lines = (Line(1, f"It ended there.{PADDING}"), Line(2, HEADING, "heading"),
             Line(3, f"It ended there. {HEADING} {SENTENCE}{PADDING}{PADDING}"))
    out, _ = _split(lines, [("给新生的三个建议", 0.4)])
    assert [l.kind for l in out] == ["paragraph", "heading", "paragraph"]
    out, _ = _split((lines[0], lines[2]), [("给新生的三个建议", 0.4)])  # …as it does without that heading
    assert [l.kind for l in out] == ["paragraph", "paragraph", "heading", "paragraph"]


def _written_pairs() -> list[str]:
    return sorted(p.stem for p in GOLD.glob("*.gold") if (GOLD / p.stem).is_dir())


def test_another_texts_summary_finds_no_heading_by_chance():
    # Each written pair's English flattened into one line, cleaned with every other pair's
    # summary: a heading found so must be one of that English as written (the summaries of
    # essays on research careers share words like "students" and "numbers").
    names = _written_pairs()
    summaries = {name: clean_chinese(read_lines(GOLD / name / "zh.txt"), "zh.txt")[0] for name in names}
    found_by_chance = []
    for name in names:
        written = read_lines(GOLD / name / "en.txt")
        own = {b.text for b in clean_english(written, "en.txt")[0].blocks if b.kind == "heading"}
        page = (Line(1, " ".join(line.text.strip() for line in written if line.text.strip())),)
        alone = {b.text for b in clean_english(page, "en.txt")[0].blocks if b.kind == "heading"}
        for other in names:
            if other == name:
                continue
            en, _ = clean_english(page, "en.txt", summary=summaries[other])
            found_by_chance += [(other, name, b.text) for b in en.blocks
                                if b.kind == "heading" and b.text not in alone and b.text not in own]
    assert not found_by_chance


def test_a_page_pasted_with_a_leading_space_is_read_too():
    lines, _ = _split((Line(1, " " + _page()[0].text),), [("给新生的三个建议", 0.5)])
    assert [l.text for l in lines if l.kind == "heading"] == [HEADING]


def test_a_piece_of_a_sentence_does_not_beat_the_heading():
    # "New students" renders all its words, "What I tell new students" two of three: the words
    # rendered count, not the share, and the heading is the one of its own sentence start.
    text = f"It ended there.{PADDING} New students Gregor sees always ask it. {HEADING} {SENTENCE}{PADDING}"
    lines, _ = _split((Line(1, text),), [("给新生的三个建议", 0.5)])
    assert [l.text for l in lines if l.kind == "heading"] == [HEADING]


def test_a_long_paragraph_of_an_ordinary_page_is_not_searched():
    # Beside other paragraphs holding most of the text, or joined from a hard-wrapped paragraph,
    # a long line is the author's paragraph, not a flattened page.
    long = _page()[0]
    others = tuple(Line(n, PADDING * 2) for n in range(2, 6))
    lines, _ = _split((long, *others), [("给新生的三个建议", 0.1)])
    assert [l.kind for l in lines] == ["paragraph"] * 5
    joined = Line(1, long.text, "paragraph", (2, 3))
    lines, _ = _split((joined,), [("给新生的三个建议", 0.5)])
    assert [l.kind for l in lines] == ["paragraph"]


def test_a_heading_number_renders_no_word():
    # 二、 is the second section, not the word "two": "What two students said" is no heading for
    # it (学生 renders one of its three words).
    lines, _ = _split(_page("What two students said Marta wrote down."), [("二、学生", 0.5)])
    assert [l.kind for l in lines] == ["paragraph"]
    # 第二章 is the second chapter, not the word "second" (学生 renders one of three words).
    lines, _ = _split(_page("What second opinions students want Marta listed."), [("第二章 学生", 0.5)])
    assert [l.kind for l in lines] == ["paragraph"]


def test_a_capital_word_the_page_writes_in_lowercase_too_starts_a_sentence():
    # "Maintenance is…" after "The cost nobody mentions": an ordinary word, capitalized only to
    # start a sentence, so the phrase before it is a heading; "Grace wrote…" is a name's clause.
    lines, _ = _split(_page("The cost nobody mentions Maintenance is slow, and maintenance is unpaid."),
                      [("没人提起的代价", 0.5)])
    assert [l.text for l in lines if l.kind == "heading"] == ["The cost nobody mentions"]
    lines, _ = _split(_page("The paper Grace wrote changed my mind."), [("那篇论文", 0.5)])
    assert [l.kind for l in lines] == ["paragraph"]


def test_the_summarys_first_heading_numbered_is_a_section_not_its_title():
    lines, _ = _split((Line(1, f"{HEADING} {SENTENCE}{PADDING}{PADDING}"),), [("一、给新生的三个建议", 0.0)])
    assert [l.kind for l in lines] == ["heading", "paragraph"]


def test_the_summarys_title_names_only_the_pages_title():
    # 给新生的三个建议 as the summary's first block (its title) names the page's title, found by
    # its typography, and no phrase in the text.
    text = f"{HEADING} {SENTENCE}{PADDING}{PADDING}"
    lines, _ = _split((Line(1, text),), [("给新生的三个建议", 0.0)])
    assert [l.kind for l in lines] == ["paragraph"]
    lines, _ = _split((Line(1, text),), [("给新生的三个建议", 0.01)])
    assert [l.kind for l in lines] == ["heading", "paragraph"]


def test_a_title_before_a_name_of_two_words_is_a_heading():
    # "Three Years of Soybeans Bastien Leclair, a friend…": a title in Title Case, before a name
    # of two words; 在农业公司的三年 renders "three years".
    sentence = "Bastien Leclair, a friend from my course, offered me a job."
    lines, _ = _split(_page(f"Three Years of Soybeans {sentence}"), [("在农业公司的三年", 0.5)])
    assert [(l.kind, l.text[:20]) for l in lines][1:] == [("heading", "Three Years of Soybe"), ("paragraph", sentence[:20])]
    # A summary heading naming the friend too ends the title before his name, not inside it.
    lines, _ = _split(_page(f"Three Years of Soybeans {sentence}"), [("与Bastien在农业公司的三年", 0.5)])
    assert [l.text for l in lines if l.kind == "heading"] == ["Three Years of Soybeans"]


def test_a_title_case_heading_ends_at_the_sentence_opener_not_before_its_last_word():
    # "Students" is capitalized as the last word of a title, not as a name's first word: the
    # heading runs to "Here", which opens the sentence.
    lines, _ = _split(_page("A Checklist for New Students Here is what I tell them."), [("给博士班新生的提醒清单", 0.5)])
    assert [l.text for l in lines if l.kind == "heading"] == ["A Checklist for New Students"]
