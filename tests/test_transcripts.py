"""Transcripts of a video or podcast as English sources: times go, captions join into sentences,
speakers' names head their turns, and an essay that mentions a time is left alone."""

from __future__ import annotations

import pytest

from conftest import ROOT
from duizhao.aligner import align_article
from duizhao.clean import clean_chinese, clean_english
from duizhao.evaluate import read_gold, resolve, score
from duizhao.fixers_en import split_sentences
from duizhao.ingest import read_lines
from duizhao.model import Line

GOLD = ROOT / "tests" / "gold"
SPOKEN = ("I think people overestimate how much compute you need. If you went back to 2018 with hindsight, "
          "a few people could build something close to GPT-3.5 in a year. That's a strong claim. Yeah, I think "
          "it's true. The early OpenAI was pretty informal. It was more like an academic group with a few big "
          "projects. Universe was the right idea, but it came about ten years too early.")
SENTENCES = [  # SPOKEN's sentences, written out by hand
    "I think people overestimate how much compute you need.",
    "If you went back to 2018 with hindsight, a few people could build something close to GPT-3.5 in a year.",
    "That's a strong claim.", "Yeah, I think it's true.", "The early OpenAI was pretty informal.",
    "It was more like an academic group with a few big projects.",
    "Universe was the right idea, but it came about ten years too early.",
]


def captions(text: str, words: int = 6) -> list[str]:
    """``text`` cut into captions of a few words, as a video page shows them."""
    split = text.split()
    return [" ".join(split[k:k + words]) for k in range(0, len(split), words)]


def stamp(seconds: int, sep: str = ".") -> str:
    return f"00:{seconds // 60:02d}:{seconds % 60:02d}{sep}000"


def as_page(parts: list[str]) -> list[str]:
    """A video page's transcript copied with its times: ``0:03`` over each caption."""
    return [line for k, part in enumerate(parts) for line in (f"{3 * k // 60}:{3 * k % 60:02d}", part)]


def as_srt(parts: list[str]) -> list[str]:
    return [line for k, part in enumerate(parts)
            for line in (str(k + 1), f"{stamp(3 * k, ',')} --> {stamp(3 * k + 3, ',')}", part, "")]


def as_vtt(parts: list[str]) -> list[str]:
    return ["WEBVTT", "Kind: captions", "Language: en", ""] + [
        line for k, part in enumerate(parts)
        for line in (f"{stamp(3 * k)} --> {stamp(3 * k + 3)} align:start position:0%", part, "")]


def clean(raw: list[str]):
    return clean_english(tuple(Line(n, text) for n, text in enumerate(raw, 1)), "en.txt")


def sentences(text) -> list[str]:
    return [s.text for block in text.blocks for s in block.sentences]


@pytest.mark.parametrize("layout", [as_page, as_srt, as_vtt, lambda parts: parts])
def test_captions_come_back_as_the_sentences_spoken(layout):
    parts = captions(SPOKEN)
    raw = layout(parts)
    text, log = clean(raw)
    assert sentences(text) == SENTENCES
    # Every caption's line is shown, and every other line's removal recorded: times, cue
    # numbers and the subtitle file's header; nothing else is removed.
    shown = {n for block in text.blocks for n in block.lines}
    assert {n for n, line in enumerate(raw, 1) if line in parts} <= shown
    removed = [c.before for c in log.changes if c.action == "removed"]
    assert sorted(removed) == sorted(line for line in raw if line.strip() and line not in parts)


def test_captions_without_punctuation_are_cut_into_pieces_of_a_few_captions():
    # Automatic captions: no capital, no full stop. Unbroken, they would be one "sentence" of
    # the whole talk, matched by every line of a summary.
    spoken = " ".join([SPOKEN.lower().replace(".", "").replace(",", "")] * 3)
    text, _ = clean(as_page(captions(spoken)))
    units = sentences(text)
    assert len(units) > 3
    assert max(len(u.split()) for u in units) <= 40
    assert " ".join(units) == spoken


def test_a_podcast_page_gives_each_turn_its_speaker_and_no_times():
    raw = ["(00:00:00) – Pre-training, post-training, and future capabilities", "",
           "Dwarkesh Patel 00:00:00", "", "Today I have the pleasure to speak with John Schulman. John, thanks for coming on.", "",
           "John Schulman 00:00:10", "", "Thanks for having me.", "",
           "Dwarkesh Patel 00:00:12", "", "First question. What is the difference between pre-training and post-training?", "",
           "John Schulman 00:00:20", "", "Pre-training imitates content on the Internet. Post-training targets a narrower range of behavior."]
    text, log = clean(raw)
    paragraphs = [(b.kind, b.text) for b in text.blocks]
    assert paragraphs[1:] == [
        ("paragraph", "Dwarkesh Patel: Today I have the pleasure to speak with John Schulman. John, thanks for coming on."),
        ("paragraph", "John Schulman: Thanks for having me."),
        ("paragraph", "Dwarkesh Patel: First question. What is the difference between pre-training and post-training?"),
        ("paragraph", "John Schulman: Pre-training imitates content on the Internet. Post-training targets a narrower range of behavior."),
    ]
    assert paragraphs[0][1] == "Pre-training, post-training, and future capabilities"
    assert not any(":00" in block.text for block in text.blocks)
    assert ("drop_timestamps", 3, "changed", "Dwarkesh Patel 00:00:00", "Dwarkesh Patel") in \
        {(c.fixer, c.line, c.action, c.before, c.after) for c in log.changes}


@pytest.mark.parametrize("raw", [
    # an essay that mentions times, and a short schedule
    ["We met at 12:30 and talked until the café closed.", "", "The schedule was tight:", "9:00 Registration",
     "9:30 Keynote on evaluation", "", "Nobody came to the keynote. I still think about it.", "",
     "By 18:45 the room was empty, and we went home."],
    # an essay wrapped at 60 columns: short lines, but blank lines part its paragraphs
    ["When I started my PhD I thought that research was mostly", "about ideas, and that the code was something you", "wrote once",
     "and then forgot about.", "", "That turned out to be wrong in almost every way that", "matters, and it took me",
     "four years to see it.", "", "The code is where the ideas meet the world, and the", "world pushes back."],
    # speakers' names standing once are headings of an essay, not an interview
    ["Early Days", "", "I was born in a small town. I left it at eighteen.", "", "Later Years", "",
     "I came back to teach. The town had not changed."],
    # …nor are headings listed under "Contents" and standing again over their sections
    ["Contents", "Early Days", "Later Years", "Conclusion", "", "Early Days", "", "I was born in a small town.", "",
     "Later Years", "", "I came back to teach.", "", "Conclusion", "", "It was worth it."],
    # page furniture standing alone now and then
    ["ADVERTISEMENT", "The first prototype was slow.", "Read More", "We moved out in May.", "ADVERTISEMENT",
     "The second prototype was faster.", "Read More", "Then the money ran out."],
    # a race's results: the times are the content
    ["Kiptum broke the record in Chicago.", "", "Results:", "Kelvin Kiptum 2:00:35", "Benson Kipruto 2:04:02",
     "Daniel Mateiko 2:04:24", "", "It was a fast day. The weather was cool and the course flat."],
    # a timeline, as a live blog keeps it
    ["8:46 The first plane hits the north tower.", "9:03 The second plane hits the south tower.",
     "9:37 A third plane hits the Pentagon.", "It was a clear Tuesday morning."],
    # verse: short lines, few full stops, each line starting with a capital
    ["The Road Not Taken", "Two roads diverged in a yellow wood,", "And sorry I could not travel both",
     "And be one traveler, long I stood", "And looked down one as far as I could", "To where it bent in the undergrowth;",
     "Then took the other, as just as fair,", "And having perhaps the better claim,", "Because it was grassy and wanted wear;"],
])
def test_texts_that_are_no_transcript_keep_their_lines(raw):
    text, log = clean(raw)
    assert not [c for c in log.changes if c.fixer in ("drop_timestamps", "join_speaker_names", "join_captions")]
    shown = {n for block in text.blocks for n in block.lines}
    assert [line for n, line in enumerate(raw, 1) if line.strip() and n not in shown] == []


def test_a_chinese_schedule_keeps_its_times():
    raw = ["会议日程如下，欢迎大家参加。", "上午 9:00", "开幕式由校长主持，随后是嘉宾致辞。", "中午 12:00", "午餐在学校食堂，请大家凭票就餐。",
           "下午 14:30", "分组讨论在三楼会议室举行，各组自行安排。", "晚上 19:00", "晚宴。"]
    text, log = clean_chinese(tuple(Line(n, t) for n, t in enumerate(raw, 1)), "zh.txt")
    assert "上午 9:00" in [b.text for b in text.blocks]
    assert not [c for c in log.changes if c.fixer == "drop_timestamps"]


def test_automatic_captions_with_a_stray_question_mark_are_still_cut():
    spoken = " ".join([SPOKEN.lower().replace(".", "").replace(",", "")] * 3)
    parts = captions(spoken)
    parts[5] += " right?"
    text, _ = clean(as_page(parts))
    assert max(len(u.split()) for u in sentences(text)) <= 40


def test_a_subtitle_file_after_a_blank_line_and_with_cue_tags_gives_only_its_words():
    raw = [""] + as_vtt(["<v Jane Doe>I think people</v>", "<c.yellow>overestimate</c> how much", "<00:00:07.100>"] + captions(SPOKEN)[2:])
    text, log = clean(raw)
    shown = " ".join(sentences(text))
    assert "WEBVTT" not in shown and "Kind" not in shown and "<" not in shown
    assert shown.startswith("I think people overestimate how much")
    removed = {c.line for c in log.changes if c.action == "removed"}
    kept = {n for block in text.blocks for n in block.lines}
    assert [n for n, line in enumerate(raw, 1) if line.strip() and n not in removed | kept] == []


def test_a_chinese_transcript_copied_with_its_times_loses_only_the_times():
    # The first phrases of the video transcript among the seeds, each under its time.
    phrases = [line.text for line in read_lines(ROOT / "translations" / "john-schulman-interview" / "zh.txt")[:80]]
    timed = [line for k, phrase in enumerate(phrases) for line in (f"{k // 60:02d}:{k % 60:02d}", phrase)]
    plain, _ = clean_chinese(tuple(Line(n, t) for n, t in enumerate(phrases, 1)), "zh.txt")
    stamped, log = clean_chinese(tuple(Line(n, t) for n, t in enumerate(timed, 1)), "zh.txt")
    assert len(plain.blocks) > 2
    assert [b.text for b in stamped.blocks] == [b.text for b in plain.blocks]
    assert sum(c.fixer == "drop_timestamps" and c.action == "removed" for c in log.changes) == len(phrases)


def test_an_interview_aligns_as_well_from_its_captions():
    # The interview pair's English given as a video page's captions: turns and sentences must
    # come back well enough that the alignment is as good as with the text as written.
    folder = GOLD / "compute-interview"
    zh, _ = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt")
    gold = read_gold(GOLD / "compute-interview.gold")
    written = read_lines(folder / "en.txt")
    raw = as_page([part for line in written if line.text.strip() for part in captions(line.text)])
    figures = []
    for lines in (written, tuple(Line(n, t) for n, t in enumerate(raw, 1))):
        en, _ = clean_english(lines, "en.txt")
        figures.append(score(align_article(zh, en), resolve(gold, zh, en)))
    as_written, from_captions = figures
    assert not from_captions.unresolved, str(from_captions)
    assert from_captions.f1 >= as_written.f1 - 0.005, (str(as_written), str(from_captions))
