"""Alignment quality: the hand-checked gold of the real pair, and a faithful translation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from duizhao.aligner import Unit, align_article, align_texts
from duizhao.clean import clean_chinese, clean_english
from duizhao.evaluate import normalize, read_gold, resolve, score
from duizhao.fixers_en import split_sentences
from duizhao.ingest import read_lines
from duizhao.model import Line, PinnedLink

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "translations" / "nathan-lambert-path-into-ai"
GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="module")
def pair():
    zh, _ = clean_chinese(read_lines(PAIR / "zh.txt"), "zh.txt")
    en, _ = clean_english(read_lines(PAIR / "en.txt"), "en.txt")
    return zh, en, align_article(zh, en)


@pytest.mark.parametrize("part, min_f1, min_null", [("tune", 0.95, 0.92), ("held-out", 0.80, 0.78)])
def test_gold_alignment(pair, part, min_f1, min_null):
    zh, en, alignment = pair
    gold = resolve(read_gold(GOLD / "nathan-lambert-path-into-ai.gold"), zh, en, part)
    scores = score(alignment, gold)
    assert scores.links >= 60, "the gold no longer resolves against the cleaned texts"
    assert scores.f1 >= min_f1, str(scores)
    assert scores.null_accuracy >= min_null, str(scores)


def test_the_about_page_states_the_figures_measured_now(pair):
    # The About page tells readers how far to trust the alignment: its figures must be the
    # evaluation's and the curator's file's as they stand, in both languages.
    zh, en, alignment = pair
    gold = resolve(read_gold(GOLD / "nathan-lambert-path-into-ai.gold"), zh, en, "held-out")
    held = score(alignment, gold)
    sources, marks = dict(gold.sources), {True: [0, 0], False: [0, 0]}
    for link in alignment.links:
        for block in (b for b in link.zh if b in sources):
            for sentence in link.en:
                marks[link.confident][0] += sentence in sources[block]
                marks[link.confident][1] += 1
    pins = yaml.safe_load((PAIR / "overrides.yml").read_text(encoding="utf-8"))["align"]
    linked, none = sum(bool(pin["en"]) for pin in pins), sum(not pin["en"] for pin in pins)
    percent = [f"{round(100 * figure)}%" for figure in (held.precision, held.recall, held.null_accuracy)]
    (right_unsure, unsure), (right_sure, sure) = marks[False], marks[True]
    expected_zh = [f"有 {percent[0]} 是正确的", f"找到了 {percent[1]}", f"有 {percent[2]} 被认了出来",
                   f"存疑对齐下的 {unsure} 句只有 {right_unsure} 句正确", f"{sure} 句中有 {right_sure} 句正确",
                   f"{linked} 条由编辑核对后指定的对齐", f"{none} 段被指定为摘要自加"]
    expected_en = [f"{percent[0]} of the links shown are right", f"{percent[1]} of the true links",
                   f"{percent[2]} of the lines the summary added", f"{right_unsure} of the {unsure} sentences",
                   f"{right_sure} of {sure} under", f"the {linked} links a curator checked and pinned",
                   f"the {none} lines pinned as the summary's own"]
    about = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    assert [phrase for phrase in expected_zh + expected_en if phrase not in " ".join(about.split())] == []


def _figures_table() -> dict[str, tuple[str, str]]:
    """The About page's table of written test texts: name → (F1 now, additions found)."""
    about = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z-]+)` \|[^|]*\|[^|]*\| ([^|]+) \| ([^|]+) \|$", about, re.MULTILINE)
    return {name: (f1.strip(), found.strip()) for name, f1, found in rows}


def test_the_about_page_table_states_every_written_text_as_measured_now():
    table = _figures_table()
    written = sorted(path.stem for path in GOLD.glob("*.gold") if (GOLD / path.stem).is_dir())
    assert sorted(table) == written  # a new written text is added to the table
    measured = {}
    for name in written:
        zh, en = _cleaned(name)
        scores = score(align_article(zh, en), resolve(read_gold(GOLD / f"{name}.gold"), zh, en))
        measured[name] = (f"{scores.f1:.2f}", f"{round(100 * scores.null_accuracy)}%" if scores.nulls else "—")
    assert {name: row for name, row in table.items() if measured[name] != row} == {}, measured


@pytest.mark.parametrize("gold_file", sorted(GOLD.glob("*.gold")), ids=lambda path: path.stem)
def test_every_gold_key_names_one_english_sentence(gold_file):
    # A key found in two sentences would silently stand for the first; one spanning two
    # sentences for none.
    folder = GOLD / gold_file.stem if (GOLD / gold_file.stem).is_dir() else ROOT / "translations" / gold_file.stem
    en, _ = clean_english(read_lines(folder / "en.txt"), "en.txt")
    sentences = [normalize(s.text) for block in en.blocks for s in block.sentences]
    keys = [key for entry in read_gold(gold_file) for key in entry.keys or ()]
    assert keys
    found = {key: sum(normalize(key) in sentence for sentence in sentences) for key in keys}
    assert {key: n for key, n in found.items() if n != 1} == {}


def test_links_carry_scores_in_unit_range(pair):
    _, _, alignment = pair
    assert alignment.links
    assert all(0.0 <= link.score <= 1.0 for link in alignment.links)
    assert all(link.confident == (link.score >= 0.7) for link in alignment.links)


def _written_pair(name: str):
    """A pair written for evaluation, one unit per line: ``z0…`` and ``e0…``."""
    zh = (GOLD / name / "zh.txt").read_text(encoding="utf-8").splitlines()
    en = (GOLD / name / "en.txt").read_text(encoding="utf-8").splitlines()
    return [Unit(f"z{i}", t) for i, t in enumerate(zh)], [Unit(f"e{i}", t) for i, t in enumerate(en)]


def _lighthouse():
    return _written_pair("lighthouse")


def test_faithful_translation_aligns_one_to_one():
    zh, en = _lighthouse()
    alignment = align_texts(zh, en)
    assert [(link.zh, link.en) for link in alignment.links] == [((f"z{i}",), (f"e{i}",)) for i in range(10)]
    assert not alignment.additions and not alignment.omissions


def test_added_line_and_skipped_sentence():
    zh, en = _lighthouse()
    zh = zh[:5] + [Unit("added", "这个故事告诉我们,坚持总会有回报。")] + zh[5:8] + zh[9:]
    alignment = align_texts(zh, en)
    assert alignment.additions == ("added",)
    assert alignment.omissions == ("e8",)
    assert all(link.zh[0][1:] == link.en[0][1:] for link in alignment.links)


def test_paragraph_translated_whole():
    zh, en = _lighthouse()
    paragraph = [Unit("p1", "".join(u.text for u in zh[:6])), Unit("p2", "".join(u.text for u in zh[6:]))]
    alignment = align_texts(paragraph, en)
    assert [(link.zh, link.en) for link in alignment.links] == [
        (("p1",), tuple(f"e{i}" for i in range(6))), (("p2",), tuple(f"e{i}" for i in range(6, 10)))]


def test_pins_are_kept_and_the_rest_aligned_around_them():
    zh, en = _lighthouse()
    pins = (PinnedLink("z3", ("e5",)), PinnedLink("z6", ()))
    alignment = align_texts(zh, en, pins)
    links = {link.zh: link for link in alignment.links}
    assert links[("z3",)].en == ("e5",) and links[("z3",)].pinned
    assert "z6" in alignment.additions
    assert links[("z0",)].en == ("e0",) and links[("z8",)].en == ("e8",)


def test_a_pin_places_the_lines_around_it_as_any_link_does(pair):
    # A curator pins 但一旦飞轮动起来… to "Once the flywheel is going…". The lines before it
    # render earlier sentences: no rule may place them past the pin's sentence, as if the
    # pin were not there (早期的「爆款」… went to the sentence after it).
    zh, en, _ = pair
    ids = [block.id for block in zh.blocks]
    line = next(k for k, block in enumerate(zh.blocks) if block.text.startswith("但一旦飞轮动起来"))
    order = [s.id for block in en.blocks for s in block.sentences]
    sentence = _sentence_of(en, "Once the flywheel is going")
    alignment = align_article(zh, en, (PinnedLink(ids[line], (sentence,)),))
    links = {z: link.en for link in alignment.links for z in link.zh}
    before = [ids[k] for k in range(line - 3, line) if ids[k] in links]
    assert all(order.index(e) < order.index(sentence) for z in before for e in links[z]), \
        [(z, [order.index(e) for e in links[z]]) for z in before]


def test_a_pin_out_of_the_texts_order_leaves_the_other_lines_as_they_were(pair):
    # The summary opens with a figure the essay gives at its end (如今，他的谷歌引用数已有5千多
    # → "I passed 5K citations"). Pinned, it divided the texts there: every later line was left
    # only the sentences after the essay's end, and a third of the links were lost.
    zh, en, alignment = pair
    line = next(block.id for block in zh.blocks if block.text.startswith("如今，他的谷歌引用数"))
    pinned = align_article(zh, en, (PinnedLink(line, (_sentence_of(en, "I passed 5K citations"),)),))
    before = {z: link.en for link in alignment.links for z in link.zh if z != line}
    after = {z: link.en for link in pinned.links for z in link.zh if z != line}
    moved = [z for z in set(before) | set(after) if before.get(z) != after.get(z)]
    assert len(moved) <= 2, moved


def test_a_line_beside_a_pin_may_render_the_pinned_sentence_too(pair):
    # 他真正「出圈」的起点… and, further on, 结果它成了RLHF关键词下的长期搜索热文… each render a
    # part of one sentence. Pinning the second took the sentence from the first, and the line
    # before it lost its own link in the shuffle.
    zh, en, _ = pair
    def line(start):
        return next(block.id for block in zh.blocks if block.text.startswith(start))

    sentence = _sentence_of(en, "I wrote my first major blog post for HuggingFace on RLHF")
    alignment = align_article(zh, en, (PinnedLink(line("结果它成了RLHF关键词下"), (sentence,)),))
    links = {z: link.en for link in alignment.links for z in link.zh}
    assert sentence in links[line("他真正「出圈」的起点")]
    assert links[line("这些为之后遇到契合项目时")] == (_sentence_of(en, "My work at HuggingFace before ChatGPT"),)


def test_consecutive_lines_expressing_one_sentence_form_one_link(pair):
    zh, en, alignment = pair
    # Raw lines 35 … 49 of the summary all render the one long sentence that opens the PhD story.
    lines = {block.lines[0]: block.id for block in zh.blocks}
    [link] = [link for link in alignment.links if lines[35] in link.zh]
    assert {lines[n] for n in (35, 38, 46, 49)} <= set(link.zh)
    assert len(link.en) == 1
    assert "Starting my PhD in the fall of 2017" in next(
        s.text for block in en.blocks for s in block.sentences if s.id == link.en[0])


def test_chinese_headings_link_only_to_headings():
    heading = Unit("h", "进入AI领域", heading=True)
    zh = [heading, Unit("z0", "灯塔看守人每天晚上六点爬上楼梯。")]
    en = [Unit("e0", "The lighthouse keeper climbed the stairs every evening at six.")]
    alignment = align_texts(zh, en)
    assert "h" in alignment.additions
    titled = align_texts(zh, [Unit("t", "Getting into AI", heading=True)] + en)
    assert [link.zh for link in titled.links] == [("h",), ("z0",)]


def test_a_summarys_heading_is_placed_by_where_its_section_begins():
    # "一、困在“论文工厂”里的三年" retitles "Inside the paper mill" and shares one word with it,
    # too little for any threshold of running text: the lines around it place it, their
    # sentences enclosing that heading alone. "一張清單救了他" stands where "Building the
    # flywheel" does but is the summary's own title, sharing nothing with it. "四／论文缩水，人生
    # 重开机" and "五／从自己的伤口，改变实验室" share no word with "Coming Back Smaller" and "What I
    # Do Now", but the summary numbers its sections as the essay has them: its fourth and fifth
    # headings open the essay's fourth and fifth sections, and "一、离开大厂" the first, though the
    # lead before it quotes sentences of that section. "07 写在最后" stands where the essay has no
    # heading left, and stays the summary's own.
    for name, heading, source in (("paper-mill", "一、困在“论文工厂”里的三年", "Inside the paper mill"),
                                  ("paper-mill", "三、靠小工具找回节奏", "Finding momentum again"),
                                  ("night-shift", "一张清单救了他", None),
                                  ("protein-years", "四／论文缩水，人生重开机", "Coming Back Smaller"),
                                  ("protein-years", "五／从自己的伤口，改变实验室", "What I Do Now"),
                                  ("small-models", "一、离开大厂", "Why I left the lab"),
                                  ("open-speech", "07 写在最后", None)):
        zh, en = _cleaned(name)
        alignment = align_article(zh, en)
        [block] = [block.id for block in zh.blocks if block.text == heading]
        linked = [link.en for link in alignment.links if block in link.zh]
        assert linked == ([(_sentence_of(en, source),)] if source else []), heading


def _swan():
    return _written_pair("swan-bridge")


def test_summary_skips_sentences_and_adds_its_own_lines():
    # A summary, not a translation: 7 lines for 12 sentences, two of them the summary's own
    # comment (z3, z6), and five sentences nobody renders.
    zh, en = _swan()
    alignment = align_texts(zh, en)
    links = _links(alignment)
    assert links["z0"] == ("e0",) and links["z1"] == ("e2",) and links["z2"] == ("e3",)
    assert "e6" in links["z4"]
    assert links["z5"] == ("e10", "e11")
    assert "z6" in alignment.additions
    assert {"e1", "e4", "e5", "e8", "e9"} <= set(alignment.omissions)
    claimed = [sentence for link in alignment.links for sentence in link.en]
    assert len(claimed) == len(set(claimed)), alignment.links  # no sentence in two links (one of them at 0.00)


@pytest.mark.xfail(strict=True, reason="an editorial line using the source's words next to its sentence is linked")
def test_summary_comment_between_links_stays_without_source():
    zh, en = _swan()
    assert "z3" in align_texts(zh, en).additions


@pytest.mark.parametrize("name, remark, rendering", [
    # An editor's remark about people in general shares the essay's topic words (VC, sleep,
    # engineers' work) with the sentence beside it, yet renders none; a line retelling the
    # story around it with the same kind of words does.
    ("small-models", "在融资环境趋冷的当下，一家敢对 VC 说不的五人公司", "目前公司已经实现小规模盈利"),
    ("small-models", "创业圈长期推崇「996」甚至「007」", "睡眠不足带来的判断力下滑"),
    ("open-speech", "这大概是很多高薪技术岗位共同的隐痛", "但他的几乎每个想法"),
    # Nor does a question the summary puts to its own readers, though it says 你.
    ("kitchen-speech", "你怎么看“做数据集算不算研究”", "她的第一个项目"),
])
def test_a_general_remark_needs_more_than_shared_topic_words(name, remark, rendering):
    zh, en = _cleaned(name)
    alignment = align_article(zh, en)
    [added] = [b.id for b in zh.blocks if b.text.startswith(remark)]
    [retold] = [b.id for b in zh.blocks if b.text.startswith(rendering)]
    assert added in alignment.additions
    assert retold not in alignment.additions


def test_a_posts_hashtags_are_no_evidence():
    # "#科研心态" names the thread's topic (research, state of mind), which the essay's "the most
    # underrated force in a research life" shares; the line around it is the poster's reaction.
    zh, en = _cleaned("flywheel-thread")
    [reaction] = [b.id for b in zh.blocks if b.text.startswith("太真实了，读完在工位上发呆了半小时")]
    assert reaction in align_article(zh, en).additions


def test_a_line_quoting_the_essays_title_links_the_title():
    # 标题叫《动量是飞轮，不是火箭》…，下面是我的笔记: the line names the essay by its title; its
    # "momentum" would otherwise join it to the next line's sentence on momentum.
    zh, en = _cleaned("flywheel-thread")
    [line] = [b.id for b in zh.blocks if b.text.startswith("标题叫《动量是飞轮，不是火箭》")]
    assert _links(align_article(zh, en))[line] == (_sentence_of(en, "Momentum Is a Flywheel, Not a Rocket"),)


def test_a_passage_the_summary_moved_is_aligned_where_it_came_from():
    # The digest puts the conversation's middle (on burnout) last; the path, in order, has
    # passed those sentences long before, yet each answer plainly renders them.
    zh, en = _cleaned("open-release-podcast")
    links = _links(align_article(zh, en))
    for answer, source in (("答：我的联合创始人Lena Okafor找我谈话", "My cofounder, Lena Okafor, basically sat me down"),
                           # linked by the path to the talk's last turns, where its words barely reach
                           ("答：2024年初，发布之后大约四个月", "early 2024, about four months after the release"),
                           ("于是我彻底休了五周", "So I took five weeks completely off."),
                           ("问：是什么让你停下来的？", "What made you stop?")):
        [line] = [b.id for b in zh.blocks if b.text.startswith(answer)]
        assert _sentence_of(en, source) in links.get(line, ()), answer


def test_a_digests_question_renders_the_interviewers_turn_before_its_answer():
    # 问：当时已经有别的开源模型，为什么偏偏是你们火了？ shares little with "Why do you think it took
    # off like that? There were other open models around."; the answer after it renders the
    # guest's turn after that one, which opens on "I think timing, mostly."
    zh, en = _cleaned("open-release-podcast")
    links = _links(align_article(zh, en))
    [question] = [b.id for b in zh.blocks if b.text.startswith("问：当时已经有别的开源模型")]
    [answer] = [b.id for b in zh.blocks if b.text.startswith("答：主要是时机")]
    assert set(links[question]) == {_sentence_of(en, "Why do you think it took off"),
                                    _sentence_of(en, "There were other open models")}
    assert _sentence_of(en, "I think timing, mostly.") in links[answer]


def test_a_guides_imperative_heading_is_a_heading_the_summarys_heading_names():
    # "Invest in projects, not papers." heads a section of the guide; the translation's heading
    # 着眼项目，而不是论文 (set over two lines) renders it, so it is found as a heading and linked.
    zh, en = _cleaned("headroom-guidelines")
    assert "Invest in projects, not papers." in [b.text for b in en.blocks if b.kind == "heading"]
    [heading] = [b.id for b in zh.blocks if b.text == "着眼项目，而不是论文"]
    assert _links(align_article(zh, en))[heading] == (_sentence_of(en, "Invest in projects, not papers."),)


def test_a_general_remark_in_the_essay_is_still_rendered(pair):
    # "A lot of people overestimate others' abilities…": the essay says it, so the summary's
    # line saying it links, though it speaks of people in general as a remark does.
    zh, en, alignment = pair
    line = next(b.id for b in zh.blocks if b.text.startswith("很多人会高估别人的执行力"))
    links = _links(alignment)
    assert links[line] == (_sentence_of(en, "A lot of people overestimate others"),)


@pytest.mark.parametrize("name, min_f1, min_null", [
    # A summary with condensed, split, skipped, added and moved material.
    ("repair-cafe", 0.96, 0.99),
    # A loose third-person retelling: a skipped paragraph, a sentence moved two paragraphs on,
    # a heading of its own and editorial lines reusing the source's words.
    ("night-running", 0.99, 0.99),
    # A full translation, one sentence per line, with one 1-2 and one 2-1 line.
    ("beekeeper", 0.99, 0.99),
    # A free full translation of 39 sentences of the real essay, written after the parameters
    # were chosen (word order moved, sentences split and joined). Its errors led to one rule,
    # ``_trim_shared_edges``, which also helped both halves of the real pair's gold.
    ("momentum-translation", 0.95, 0.99),
    # A summary of 58 further sentences in the manner of the real one, written after the
    # parameters were chosen: a passage moved, lines joined and split, nine sentences skipped,
    # four editorial lines (one reusing the source's key word), a heading of its own. Its
    # errors led to the wider placement of ``_fill_gaps`` and to section headings in English.
    ("gravity-summary", 0.90, 0.75),
    # Two summaries written for evaluation by someone who had not seen the aligner's rules,
    # in the free manner of media summaries: a WeChat summary in Simplified script (editorial
    # asides, a hook, a sentence split over two lines, two moved) and a Traditional one
    # (heavy condensing, a whole paragraph in one line, traps for headings and comments).
    # Their errors led to ``_place_headings`` and to more headings found on a flattened page.
    ("paper-mill", 0.87, 0.90),
    ("night-shift", 0.82, 0.90),
    # Two more, written in the same way and never tuned on (the figures were measured once the
    # rules above were chosen): a summary of an open-weights release in Simplified script, and
    # a complete translation with a translator's preface, a note and mixed line layouts.
    ("open-weights", 0.95, 0.90),
    ("slow-momentum", 0.99, 0.99),
    # Two more, written in the same way once every rule above was in place, and measured once
    # before the fixes they led to: a free media summary (F1 0.89, 7 of its 9 additions kept
    # apart) and a complete translation into Traditional script whose paragraphs join and split
    # the source's (F1 0.97, null accuracy 0.67). Its translator's note (譯註：) named the
    # sentence before it ("counsellor") and took it from its line; such notes now link to
    # nothing (notes.is_editorial_note): 0.985 and 1.00. The summary's source has a heading of
    # nine words ("Learning to write, and the person who taught me"), which was read as a
    # paragraph and joined to the next line's link; headings of up to ten words now stand as
    # such (fixers_en.SECTION_HEADING_WORDS): 0.906.
    ("eleven-years", 0.92, 0.88),
    ("running-on-empty", 0.98, 0.99),
    # Back-translations of two seeds' Chinese, written after the parameters were chosen and
    # never tuned on: a Traditional compiled translation with readings in brackets, one
    # paragraph per line against English paragraphs of up to eight sentences; and a video
    # transcript of one subtitle phrase per line, which cleaning joins into paragraphs that
    # each render five or six sentences of an interview.
    ("stress-translation", 0.95, 1.0),
    ("compute-interview", 0.85, 1.0),
    # A compiled translation (編譯) in Traditional script, as Chinese media publish one, written
    # with its gold by someone who had not seen the aligner and measured once, with no change
    # made after: an editor's note and closing comment of its own, five lines that each render
    # a whole paragraph, sentences split and joined, six cut, one moved, a translator's note,
    # an added heading and page junk. First and only measurement: F1 0.982, null accuracy 1.00.
    ("compiled-translation", 0.97, 0.99),
    # A faithful translation one paragraph a line on both sides, from a review of the command
    # line: its sixth line, rendering its paragraph whole, was linked to the first sentence
    # only; ``_close_gaps`` gives it the two after, which lie free before the next line's link.
    ("library-paragraphs", 0.99, 0.99),
    # A second compiled translation (编译), in Simplified script, written with its gold by
    # someone who had not seen the aligner, after names written by sound were matched: invented
    # Dutch, Polish, Nigerian, Greek, Russian and Finnish names and small places transliterated
    # (Latin only twice), nine lines rendering whole paragraphs, ten sentences cut, one paragraph
    # moved, an editor's note and commentary. First and only measurement: F1 0.952, null
    # accuracy 1.00 (without names by sound: 0.951). Its English flattened to one line is no
    # longer unseen: the rule for a heading before a year (fixers_en) was made from its
    # "Oulu, and what I tell students now Since 2022 I…".
    ("four-countries", 0.94, 0.99),
    # A third compiled translation (编译), in Simplified script, written with its gold by someone
    # who had not seen the aligner: an editor's note and four comments, adapted headings, names
    # by sound or in Latin letters, sentences split over lines, passages skipped. First and only
    # measurement: F1 0.933 (P 0.962, R 0.905), null accuracy 0.50 (two of its four comments
    # linked); 0.926 with its English flattened into one line, 0.933 one sentence a line. Since:
    # F1 0.945, its heading of two parts (重返校园，一无所成的第一年) taken for one (fixers_zh); 0.938
    # flattened, a title before a name of two words found there (named_headings).
    ("long-way-back", 0.95, 0.74),
    # Two written as real media summaries are, with their gold, by someone who had not seen the
    # aligner: retold in the third person, the editor's own numbered headings and comments, loose
    # paraphrase, passages skipped and moved, and the page's furniture. A WeChat-style summary in
    # Simplified script (open-speech): first measurement F1 0.916, null accuracy 0.75. A Taiwanese
    # news summary in Traditional script (protein-years): F1 0.836, null accuracy 0.50. Since: the
    # Chinese title is taken for one when long (fixers_zh), so is the English one in Title Case
    # (fixers_en), page furniture is a publisher's note (notes), no line of running text links a
    # source heading, and numbered headings are placed by their number (aligner): 0.916 and 0.865.
    ("open-speech", 0.92, 0.87),
    ("protein-years", 0.87, 0.74),
    # A third written so (small-models), in the manner of 机器之心, after the fixes the two above
    # led to: first and only measurement F1 0.898 (P 0.938, R 0.862), null accuracy 0.60. Since:
    # 0.915, a plain text's numbered lines read as list items, not "1." as a sentence (fixers_en),
    # and its first numbered heading placed by its number, though its lead quotes that section.
    # Since all of the above, an editor's remark about people in general needs stronger evidence
    # (remarks, aligner.REMARK_LEVELS): null accuracy 0.75 → 0.875, 0.50 → 0.625, 0.60 → 0.80 on
    # these three, 0.82 → 0.91 on paper-mill, 0.78 → 0.89 on eleven-years, 0.50 → 0.75 on
    # long-way-back; F1 rose on each, none fell. With five spreads rather than three (after the
    # pairs below were written): 0.930, 1.00.
    ("small-models", 0.92, 0.99),
    # Written the same way after the rule for general remarks, and measured once with no change
    # made after: a Taiwanese news summary in Traditional script of a maintainer's blog post
    # (a reporter line, related links, a helpline note, pull quotes in the English, an invented
    # local expert's view): F1 0.866 (P 0.955, R 0.792), null accuracy 0.89 (0.78 and F1 0.862
    # without the rule); 0.859 with its English flattened into one line.
    ("broken-benchmark", 0.86, 0.88),
    # And a 36氪-style long summary of a speech researcher's essay, written and measured the same
    # way: F1 0.858 (P 0.890, R 0.829), null accuracy 0.64 (0.57 and F1 0.855 without the rule);
    # 0.858 flattened. Since: a remark may call the story an industry's 通病 and speak of 很多 people
    # at more words' distance (remarks): 0.862 and 0.71 (protein-years 0.873 and 0.75). Since: a
    # line turning to the summary's readers (你怎么看…？欢迎在评论区聊聊) is a remark too: 0.866, 0.79.
    # Since: a remark needs five spreads more evidence, not three (aligner.REMARK_LEVELS): 0.86.
    ("kitchen-speech", 0.86, 0.85),
    # Two more, written the same way and measured once before any change: a complete translation
    # posted on a WeChat account (a translator's preface, notes, cuts) of a Markdown blog post
    # with its page (impostor-years): F1 0.960 (P 0.985, R 0.937), null accuracy 0.75; and a
    # Xiaohongshu-style thread (flywheel-thread) whose lines each compress a section, with emoji,
    # hashtags and the poster's reactions among them, against a Medium page: F1 0.833 (P 0.920,
    # R 0.762), null accuracy 0.82. Since: Medium's buttons and footer are taken off the page
    # (post_edges), which makes the essay's title a heading; the thread's line naming it then
    # shares a sentence with the next line instead (0.800, 0.73). A post's hashtags are no
    # evidence (aligner): 0.804, 0.82. A line quoting the essay's title as such (标题叫《…》,
    # 这篇题为〈…〉的文章) links the title (aligner._name_the_title): 0.815. A remark needs five
    # spreads more evidence (its reaction 正在低谷的姐妹们…评论区…, a remark, was linked): 0.819, 0.91.
    ("impostor-years", 0.95, 0.74),
    ("flywheel-thread", 0.81, 0.90),
    # Two more, written and measured the same way: a Hong Kong feature in Traditional script (a
    # reporter's byline, a photo credit, a local lead and context, headings of its own, a
    # passage from the end moved to the lead): F1 0.875 (P 0.938, R 0.820), null accuracy 0.80;
    # since its byline and credit are the publisher's (notes): 0.876. And a Q&A digest (问：/答：)
    # of a podcast transcript, one Q&A passage moved from the middle to the end: F1 0.673 (P 0.882,
    # R 0.545), null accuracy 1.00; since a moved passage is aligned where it came from
    # (aligner._moved_passages): 0.759. Its short questions, rewritten from the host's turns,
    # mostly find nothing; since a question is placed by the transcript's turns, as the
    # interviewer's turn before the guest's that its answer renders (_place_questions): 0.795;
    # since a line of the moved passage that the path took along to the talk's end, where its
    # words barely reach, is aligned with the passage: 0.831.
    ("quiet-flywheel", 0.87, 0.79),
    ("open-release-podcast", 0.82, 0.99),
    # A translation in the manner of 机器之心编译 of a guide whose headings are short imperative
    # sentences ("Invest in projects, not papers."), two of them split over two lines in the
    # Chinese, words of a scraped page injected into eight lines: F1 0.934 (P 0.964, R 0.905),
    # null accuracy 0.83. Since such a sentence that a heading of the summary names stands as a
    # heading (named_headings): 0.976.
    ("headroom-guidelines", 0.97, 0.83),
    # A video narration of an interview, one subtitle phrase a line, in the manner of the seed's
    # 最佳拍档 (the cleaning joins its 334 phrases into 14 paragraphs, each retelling a stretch of
    # the talk between the narrator's own commentary), against a transcript with speakers' names
    # and times: F1 0.755 (P 0.770, R 0.740), null accuracy 1.00 (no paragraph is all
    # commentary). A paragraph mixes commentary with retold sentences that skip the host's, and
    # one retells an anecdote from much later: a link is a run of sentences, so such paragraphs
    # take in, or leave out, the sentences between.
    ("lantern-narration", 0.75, 0.99),
])
def test_written_pairs_against_their_gold(name, min_f1, min_null):
    zh, en = _cleaned(name)
    gold = resolve(read_gold(GOLD / f"{name}.gold"), zh, en)
    scores = score(align_article(zh, en), gold)
    assert scores.links >= 15 and not scores.unresolved, str(scores)
    assert scores.f1 >= min_f1, str(scores)
    assert scores.null_accuracy >= min_null, str(scores)


def _cleaned(name: str):
    """A written pair cleaned as the build and the command line clean it: the English beside its summary."""
    zh, _ = clean_chinese(read_lines(GOLD / name / "zh.txt"), "zh.txt")
    en, _ = clean_english(read_lines(GOLD / name / "en.txt"), "en.txt", summary=zh)
    return zh, en


def _links(alignment) -> dict[str, tuple[str, ...]]:
    """Chinese block id → the English sentence ids its link expresses."""
    return {zh_id: link.en for link in alignment.links for zh_id in link.zh}


def _sentence_of(en, key):
    return next(s.id for block in en.blocks for s in block.sentences if key in s.text)


def test_a_line_ending_mid_sentence_is_placed_by_the_line_it_leads_into(pair):
    # "…心里一直有一个明确的目标——" / "拿下一份工业界研究岗…": the dash carries the sentence
    # on, so both lines render the one sentence about the industry job.
    zh, en, alignment = pair
    lines = {block.lines[0]: block.id for block in zh.blocks}
    links = _links(alignment)
    assert links.get(lines[234]) == links[lines[237]]
    # A line ending in a colon renders the source's sentence that ends in one just before
    # what both introduce.
    folder = GOLD / "gravity-summary"
    zh, _ = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt")
    en, _ = clean_english(read_lines(folder / "en.txt"), "en.txt")
    alignment = align_article(zh, en)
    [intro] = [block.id for block in zh.blocks if block.text.startswith("他目前主要做三件事")]
    [link] = [link for link in alignment.links if intro in link.zh]
    assert link.en == (_sentence_of(en, "The things I do are:"),)


def test_a_sentence_pinned_to_one_line_is_taken_by_no_rule_for_another():
    # The curator says the paragraph before "他目前主要做三件事:" renders "The things I do
    # are:": the colon rule must not give that sentence to the colon line as well.
    folder = GOLD / "gravity-summary"
    zh, _ = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt")
    en, _ = clean_english(read_lines(folder / "en.txt"), "en.txt")
    sentence = _sentence_of(en, "The things I do are:")
    ids = [block.id for block in zh.blocks]
    intro = next(block.id for block in zh.blocks if block.text.startswith("他目前主要做三件事"))
    alignment = align_article(zh, en, (PinnedLink(ids[ids.index(intro) - 1], (sentence,)),))
    assert [link.pinned for link in alignment.links if sentence in link.en] == [True]


def test_a_figure_only_one_sentence_states_places_a_line_the_summary_moved(pair):
    # The summary opens with a figure its source gives near the end: 5千多 citations, 5K.
    zh, en, alignment = pair
    lines = {block.lines[0]: block.id for block in zh.blocks}
    links = _links(alignment)
    assert links.get(lines[22]) == (_sentence_of(en, "I passed 5K citations"),)


def test_a_line_condensing_sentences_apart_links_to_each_of_them(pair):
    # "用惯性传感器数据优化步态、避障,甚至控制真实飞行器": two sentences of the list of
    # research directions, then the fifth, past two the summary leaves out.
    zh, en, alignment = pair
    lines = {block.lines[0]: block.id for block in zh.blocks}
    links = _links(alignment)
    assert _sentence_of(en, "using learning to control the real ionocraft") in links[lines[137]]
    assert _sentence_of(en, "using inertial sensor data to optimize gait") in links[lines[137]]


def test_caption_line_echoing_the_next_sentence_stays_without_source():
    zh, en = _lighthouse()
    zh = zh[:3] + [Unit("caption", "伦敦信件:")] + zh[3:]
    alignment = align_texts(zh, en)
    assert "caption" in alignment.additions
    assert [(link.zh, link.en) for link in alignment.links][3] == (("z3",), ("e3",))


def test_caption_line_links_to_a_caption_of_the_source():
    zh = [Unit("c", "看守人信件:"), Unit("z0", "灯塔看守人每天傍晚六点爬上楼梯。")]
    en = [Unit("l", "The keeper's letter:"), Unit("e0", "The lighthouse keeper climbed the stairs every evening at six.")]
    assert [(link.zh, link.en) for link in align_texts(zh, en).links] == [(("c",), ("l",)), (("z0",), ("e0",))]


def test_run_on_chinese_page_is_aligned_sentence_by_sentence():
    # The free translation again, as a page copied without its line breaks: one line of 40
    # sentences. Each sentence should find the English its line of the original renders.
    folder = GOLD / "momentum-translation"
    by_line, _ = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt")
    en, _ = clean_english(read_lines(folder / "en.txt"), "en.txt")
    gold = dict(resolve(read_gold(GOLD / "momentum-translation.gold"), by_line, en).sources)
    sources = {block.text: gold[block.id] for block in by_line.blocks}
    page = "".join(block.text for block in by_line.blocks)
    run_on, _ = clean_chinese((Line(1, page),), "zh.txt")
    expected = {(piece.id, sentence) for piece in run_on.blocks
                for text, sentences in sources.items() if piece.text in text for sentence in sentences}
    found = {(zh, sentence) for link in align_article(run_on, en).links for zh in link.zh for sentence in link.en}
    assert len(run_on.blocks) == 40
    precision, recall = len(found & expected) / len(found), len(found & expected) / len(expected)
    assert 2 * precision * recall / (precision + recall) >= 0.9, (precision, recall)


def test_run_on_english_page_keeps_its_list_items_apart():
    # The summary's source copied as one line: its list of three "• Making … happen." items,
    # each followed by a sentence of its own, must not melt into the sentence before it.
    folder = GOLD / "gravity-summary"
    zh, _ = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt")
    page = " ".join(line.strip() for line in (folder / "en.txt").read_text(encoding="utf-8").splitlines())
    en, _ = clean_english((Line(1, page),), "en.txt", summary=zh)
    sentences = [s.text for block in en.blocks for s in block.sentences]
    assert "Making OLMo-Instruct happen." in sentences and "The things I do are:" in sentences
    scores = score(align_article(zh, en), resolve(read_gold(GOLD / "gravity-summary.gold"), zh, en))
    assert scores.f1 >= 0.9, str(scores)


def test_run_on_english_page_keeps_its_headings_apart():
    # The translation's source copied as one line with spaces for its breaks: each section
    # heading ("…itself. Nowhere to hide A few months ago…") must stand on its own again.
    folder = GOLD / "stress-translation"
    written = [line.strip() for line in (folder / "en.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    headings = ["Nowhere to hide", "An invisible competition", "Work that touches the bottom line"]
    assert all(h in written for h in headings)  # lines of their own as written
    zh, _ = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt")
    en, log = clean_english((Line(1, " ".join(written)),), "en.txt", summary=zh)
    assert [b.text for b in en.blocks if b.kind == "heading"] == headings
    assert not any(h in s.text for b in en.blocks if b.kind != "heading" for s in b.sentences for h in headings)
    assert any("Nowhere to hide ¶ A few months ago" in change.after for change in log.changes)  # reported
    scores = score(align_article(zh, en), resolve(read_gold(GOLD / "stress-translation.gold"), zh, en))
    assert scores.f1 >= 0.95, str(scores)


# A flattened page cannot give back every heading. Typography alone cannot tell one in
# sentence case before "I" or a name ("What I tell new students I defended my thesis…",
# "What the numbers said Kestrel-7B has…") from the start of a sentence; the summary's own
# heading there tells it (给新生的三个建议 renders "new students"), when it renders half of the
# phrase's words. Lost still: a heading after a list item without a full stop ("…does not get
# added The cost nobody mentions Maintenance is…"), one whose summary heading renders too little
# of it ("What users actually want" by 使用者真正要的是什么, "Habits That Keep Me Steady" by
# 让我站稳脚步的习惯), and one holding a comma ("Learning to write, and the person who taught me").
# In long-way-back, written after these rules, the summary's headings found none of the five
# its typography misses, and its F1 fell from 0.933 to 0.926. One of them it finds since: a
# title before a name of two words ("Three Years of Soybeans Bastien Leclair, a friend…", by
# 在农业公司的三年). Lost still: "Leaving the lab" (退学那一年 renders none of its words), "What
# I would tell my younger self" (如果能对当年的自己说几句 one of three), "The year nothing worked
# I wrote…" (a phrase of time before "I" is how a sentence starts, though 重返校园，一无所成的
# 第一年 renders it), and one the summary has none for. That lost heading costs it F1 0.945 →
# 0.938 on one line.
# The two pairs written as real media summaries lost headings in ways not met before: a title
# of thirteen words with its subtitle, a Title-Case heading of seven words ("Lab Culture and the
# Collaboration That Failed While I was away…", which the shortest phrase there, "Lab", hid), one
# keeping the sentence's conjunction ("Coming Back Smaller When | I returned…"). Those come back
# (fixers_en). Lost still, in open-speech: "Walking Away From the Desk I joined…", cut after
# "Away" (a sentence may open on "From the", and "At the University of Toronto I studied…" is
# one, so a title going on past such a word cannot be told), and "Learning to Write in Public
# After Tern, I made myself a rule" (a name after the opener, then a comma). small-models writes
# its title and headings in sentence case, and four of seven stay glued: the title and the first
# heading before a sentence on a date ("Two years outside the big lab Why I left the lab In
# March 2023 I walked…"), one before a name ("Shipping to Lakeshore Bramble-3 shipped…"), one
# holding a comma ("Compute, investors and sleep The biggest lesson…").
# broken-benchmark, written after, loses four of six sentence-case headings the same ways (before a
# year, "Where Quillmark came from In 2020 I was…"; before a name or a number, "Version 0.9
# Quillmark 0.9 shipped…"; before "I", "The months I don't remember well I would like…"), and its
# title stays glued to the date and byline after it. kitchen-speech loses three Title-Case
# headings before "I" or a name ("The Lab on the Lake I joined…", "Still Listening I became…",
# "What a Benchmark Owes KitchenTalk has…"), and one is cut after its first word, "Leaving | With
# a Box of Microphones…", a sentence may open so. flywheel-thread's title stays glued to the author's
# name after it ("Momentum Is a Flywheel, Not a Rocket Lena Ashworth For most of my twenties…"), at
# no cost to its alignment. So do quiet-flywheel's Title-Case title and first heading, one after
# the other ("…About Language Models How I Stopped Building Robots"), and two headings before "I"
# or a year; and open-release-podcast's episode title, before the host's first turn: at no cost
# to either's alignment. headroom-guidelines' headings are imperative sentences ending in a full
# stop ("Invest in projects, not papers."): flattened, they read as the sentences they are, and
# its alignment loses what finding them gave (0.976 → 0.899). lantern-narration's title stays
# glued to the first turn after it ("…in Conversation with Elena Vasquez [00:00:00] Sam Ortiz:"),
# at no cost to its alignment.
_HEADINGS_LOST_ON_ONE_LINE = {"broken-benchmark", "compiled-translation", "eleven-years", "flywheel-thread",
                              "headroom-guidelines", "kitchen-speech", "lantern-narration", "long-way-back",
                              "open-release-podcast", "open-speech", "quiet-flywheel", "running-on-empty",
                              "small-models"}
# Of these, the heading eleven-years loses costs its alignment nothing.
_ALIGNS_WORSE_ON_ONE_LINE = {"broken-benchmark", "compiled-translation", "headroom-guidelines", "kitchen-speech",
                             "long-way-back", "open-speech", "running-on-empty", "small-models"}


# impostor-years' English is a Markdown file (front matter, a fenced code block): a file is never
# copied without its line breaks, and flattened, its front matter and code would join the prose.
_MARKDOWN_FILES = {"impostor-years"}


def _pages() -> list[str]:
    """The written pairs whose English is a page's text, which may come flattened."""
    return [p.stem for p in sorted(GOLD.glob("*.gold")) if (GOLD / p.stem).is_dir() and p.stem not in _MARKDOWN_FILES]


def _flattened(written):
    """The English copied from a web page without its line breaks (spaces where they were)."""
    return (Line(1, " ".join(line.text.strip() for line in written if line.text.strip())),)


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.xfail(strict=True, reason="a heading the flattened page hides"))
    if name in _HEADINGS_LOST_ON_ONE_LINE else name for name in _pages()])
def test_a_one_line_page_gives_back_every_heading(name):
    written = read_lines(GOLD / name / "en.txt")
    zh, _ = clean_chinese(read_lines(GOLD / name / "zh.txt"), "zh.txt")
    headings = [[b.text for b in clean_english(lines, "en.txt", summary=zh)[0].blocks if b.kind == "heading"]
                for lines in (written, _flattened(written))]
    assert headings[1] == headings[0]


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.xfail(strict=True, reason="a heading the flattened page hides"))
    if name in _ALIGNS_WORSE_ON_ONE_LINE else name for name in _pages()])
def test_a_written_pair_aligns_as_well_from_a_one_line_page(name):
    # The same English copied from a web page without its line breaks (spaces where they
    # were): headings, speaker turns, list items and sentence ends must come back well
    # enough that the alignment is as good as with the text as written.
    _aligns_as_well(name, _flattened)


# An interview transcript set out a sentence a line loses its turns, one paragraph each: two of
# lantern-narration's long narrated paragraphs then begin a sentence or three later (0.755 → 0.740).
_ALIGNS_WORSE_A_SENTENCE_A_LINE = {"lantern-narration"}


@pytest.mark.parametrize("name", [
    pytest.param(p.stem, marks=pytest.mark.xfail(strict=True, reason="a transcript's turns lost"))
    if p.stem in _ALIGNS_WORSE_A_SENTENCE_A_LINE else p.stem
    for p in sorted(GOLD.glob("*.gold")) if (GOLD / p.stem).is_dir()])
def test_a_written_pair_aligns_as_well_with_one_english_sentence_a_line(name):
    # The same English set out one sentence a line, as a literary translation is: a section
    # heading is followed by one sentence, not a long paragraph, and must still be a heading.
    _aligns_as_well(name, lambda written: tuple(Line(n, sentence) for n, sentence in enumerate(
        (s for line in written if line.text.strip() for s in split_sentences(line.text)), 1)))


def _aligns_as_well(name, relay) -> None:
    """The written pair ``name`` aligns as well with its English laid out by ``relay`` as written."""
    zh, _ = clean_chinese(read_lines(GOLD / name / "zh.txt"), "zh.txt")
    written = read_lines(GOLD / name / "en.txt")
    figures = []
    for lines in (written, relay(written)):
        en, _ = clean_english(lines, "en.txt", summary=zh)
        figures.append(score(align_article(zh, en), resolve(read_gold(GOLD / f"{name}.gold"), zh, en)))
    as_written, relaid = figures
    assert not relaid.unresolved, str(relaid)
    assert relaid.f1 >= as_written.f1 - 0.005, (str(as_written), str(relaid))
    assert relaid.null_accuracy >= as_written.null_accuracy - 0.005, (str(as_written), str(relaid))


def test_paragraph_per_line_translation_links_whole_paragraphs():
    # The free translation with its lines joined into the source's paragraphs (one of them ten
    # sentences long): each Chinese paragraph should link exactly its English paragraph.
    folder = GOLD / "momentum-translation"
    by_line, _ = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt")
    en, _ = clean_english(read_lines(folder / "en.txt"), "en.txt")
    gold = dict(resolve(read_gold(GOLD / "momentum-translation.gold"), by_line, en).sources)
    paragraph_of = {s.id: k for k, block in enumerate(en.blocks) for s in block.sentences}
    joined: dict[int, str] = {}
    for block in by_line.blocks:
        k = paragraph_of[min(gold[block.id])]
        joined[k] = joined.get(k, "") + block.text
    zh, _ = clean_chinese(tuple(Line(n, joined[k]) for n, k in enumerate(sorted(joined), 1)), "zh.txt")
    expected = {(zh.blocks[n].id, s.id) for n, k in enumerate(sorted(joined)) for s in en.blocks[k].sentences}
    found = {(z, sentence) for link in align_article(zh, en).links for z in link.zh for sentence in link.en}
    assert len(zh.blocks) == len(en.blocks) == 9
    precision, recall = len(found & expected) / len(found), len(found & expected) / len(expected)
    assert 2 * precision * recall / (precision + recall) >= 0.98, (precision, recall)


def test_evaluation_script_reports_every_gold_file_and_section(capsys, monkeypatch):
    import runpy

    monkeypatch.setattr("sys.argv", ["eval_align.py"])
    with pytest.raises(SystemExit) as stop:
        runpy.run_path(str(ROOT / "benchmarks" / "eval_align.py"), run_name="__main__")
    assert stop.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    reported = {tuple(line.split()[:2]) for line in lines}
    expected = {(gold.stem, entry.part) for gold in GOLD.glob("*.gold") for entry in read_gold(gold)}
    assert reported == expected
    assert all("F1=" in line and "null-accuracy=" in line for line in lines)


def test_error_kinds_account_for_every_wrong_and_missing_link(pair):
    import runpy

    error_kinds = runpy.run_path(str(ROOT / "benchmarks" / "eval_align.py"))["error_kinds"]
    zh, en, alignment = pair
    gold = resolve(read_gold(GOLD / "nathan-lambert-path-into-ai.gold"), zh, en, "held-out")
    scores = score(alignment, gold)
    kinds = error_kinds(alignment, gold, en)
    hits = round(scores.recall * scores.links)
    wrong = sum(count for kind, count in kinds.items() if kind.startswith("wrong"))
    missing = sum(count for kind, count in kinds.items() if kind.startswith("missing"))
    assert missing == scores.links - hits
    assert wrong == round(hits / scores.precision) - hits
    assert wrong and missing


def test_marked_precision_splits_the_scored_pairs_by_the_links_mark(pair):
    import runpy

    marked_precision = runpy.run_path(str(ROOT / "benchmarks" / "eval_align.py"))["marked_precision"]
    zh, en, alignment = pair
    gold = resolve(read_gold(GOLD / "nathan-lambert-path-into-ai.gold"), zh, en, "held-out")
    scores = score(alignment, gold)
    marks = marked_precision(alignment, gold)
    right = sum(r for r, _ in marks.values())
    pairs = sum(p for _, p in marks.values())
    assert right / pairs == pytest.approx(scores.precision)
    assert right == round(scores.recall * scores.links)
    assert all(pairs for _, pairs in marks.values())  # the real pair has links of both marks


def test_unrelated_english_links_nothing_unless_a_curator_pins_a_link():
    zh, _ = clean_chinese(read_lines(ROOT / "translations" / "omar-khattab-research-impact" / "zh.txt"), "zh.txt")
    en, _ = clean_english(read_lines(PAIR / "en.txt"), "en.txt")
    alignment = align_article(zh, en)
    assert alignment.unrelated and not alignment.links
    assert len(alignment.additions) == len(zh.blocks)
    pin = PinnedLink(zh.blocks[0].id, (en.blocks[0].sentences[0].id,), 1)
    pinned = align_article(zh, en, (pin,))
    assert not pinned.unrelated and pinned.links


@pytest.mark.parametrize("short_side", ["zh", "en"])
def test_a_short_unrelated_text_links_nothing(short_side):
    # Ten lines of a story against the whole Lambert text, either way round: every line still
    # finds a best match that stands out from its own noise, but the matches keep no order.
    zh, en = _lighthouse()
    zh_long, _ = clean_chinese(read_lines(PAIR / "zh.txt"), "zh.txt")
    en_long, _ = clean_english(read_lines(PAIR / "en.txt"), "en.txt")
    if short_side == "zh":
        en = [Unit(s.id, s.text) for block in en_long.blocks for s in block.sentences]
    else:
        zh = [Unit(block.id, block.text) for block in zh_long.blocks]
    alignment = align_texts(zh, en)
    assert alignment.unrelated and not alignment.links


def test_a_short_summary_that_moves_a_line_is_in_doubt_not_refused():
    # Eight lines on the library of the paragraph-per-line pair, one of them the editor's own
    # and one moved: six of seven clear matches keep the order, more than shuffled matches
    # usually do but not beyond chance. It used to be refused outright, nothing linked.
    folder = GOLD / "library-paragraphs"
    zh, _ = clean_chinese(read_lines(folder / "summary.txt"), "zh.txt")
    en, _ = clean_english(read_lines(folder / "en.txt"), "en.txt")
    alignment = align_article(zh, en)
    assert not alignment.unrelated and "keep the order" in alignment.unsure, alignment.unsure
    assert len(alignment.links) >= 6 and not any(link.confident for link in alignment.links)
    by_line = _links(alignment)
    sentences = {s.id: s.text for block in en.blocks for s in block.sentences}
    closing = next(b.id for b in zh.blocks if b.text.startswith("她说，是这个镇拯救了图书馆"))
    assert any(sentences[s].startswith("The town had saved it") for s in by_line[closing])


BREAD = """Good bread needs only flour, water, salt and yeast. Mix the flour and water first and let the dough
rest for half an hour. Then add the salt and the yeast and knead for ten minutes. The dough should feel smooth
and spring back when pressed. Leave it in a warm place until it doubles in size. Shape it gently, without
pressing out all the air. Let it rise a second time on a floured cloth. Heat the oven as hot as it will go,
with a tray of water at the bottom. Bake the loaf for forty minutes, until it sounds hollow when tapped. Let it
cool before cutting, however hard that is."""


def test_texts_too_short_to_judge_have_every_link_marked_uncertain():
    # Ten lines of a story and ten sentences on baking share four stray words ("feel" in 觉得
    # and in "should feel smooth"): too few matches to show the texts do not correspond, so
    # they are linked, but no link can be more certain than the pair itself.
    zh, _ = _lighthouse()
    en, _ = clean_english((Line(1, BREAD),), "en.txt")
    alignment = align_texts(zh, [Unit(s.id, s.text) for block in en.blocks for s in block.sentences])
    assert not alignment.unrelated and "too few" in alignment.unsure
    assert alignment.links and not any(link.confident for link in alignment.links)
    assert max(link.score for link in alignment.links) <= 0.5  # a program reading only the scores sees it too
    # A pair long enough to judge is not in doubt, nor is a pair a curator has pinned.
    assert not align_article(*_long_written_texts()["repair-cafe"]).unsure
    pinned = align_texts(zh, [Unit(s.id, s.text) for block in en.blocks for s in block.sentences],
                         (PinnedLink(zh[0].id, (en.blocks[0].sentences[0].id,), 1),))
    assert not pinned.unsure


def test_paragraph_rendering_twenty_sentences_links_them_all():
    # The free translation as two long paragraphs whose sentences end in commas, the way a
    # transcript's phrases are joined: each renders about twenty English sentences, more
    # than a line may usually express. Its length makes room for them.
    folder = GOLD / "momentum-translation"
    by_line, _ = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt")
    en, _ = clean_english(read_lines(folder / "en.txt"), "en.txt")
    gold = dict(resolve(read_gold(GOLD / "momentum-translation.gold"), by_line, en).sources)
    halves = [by_line.blocks[:20], by_line.blocks[20:]]
    texts = ["".join(block.text for block in half) for half in halves]
    texts = [text[:-1].replace("。", "，") + text[-1] for text in texts]
    zh, _ = clean_chinese(tuple(Line(n, text) for n, text in enumerate(texts, 1)), "zh.txt")
    expected = {(zh.blocks[k].id, s) for k, half in enumerate(halves) for block in half for s in gold[block.id]}
    found = {(z, sentence) for link in align_article(zh, en).links for z in link.zh for sentence in link.en}
    assert len(zh.blocks) == 2 and min(len({s for z, s in expected if z == b.id}) for b in zh.blocks) >= 18
    precision, recall = len(found & expected) / len(found), len(found & expected) / len(expected)
    assert 2 * precision * recall / (precision + recall) >= 0.95, (precision, recall)


def _long_written_texts():
    """Every written pair with at least twenty units each side: long enough to be judged."""
    texts = {}
    for gold in sorted(GOLD.glob("*.gold")):
        if (GOLD / gold.stem).is_dir():
            zh, _ = clean_chinese(read_lines(GOLD / gold.stem / "zh.txt"), "zh.txt")
            en, _ = clean_english(read_lines(GOLD / gold.stem / "en.txt"), "en.txt")
            if len(zh.blocks) >= 20 and sum(len(b.sentences) for b in en.blocks) >= 20:
                texts[gold.stem] = (zh, en)
    return texts


def test_no_written_summary_is_taken_for_a_rendering_of_another_text():
    # The written pairs share a subject and a narrator's voice (first-person essays on research
    # careers, and stories told the same way), so each Chinese text finds words in every other
    # English one; only its own English may be taken for its source.
    texts = _long_written_texts()
    assert len(texts) >= 8
    wrongly_linked = {(a, b): len(align_article(texts[a][0], texts[b][1]).links)
                      for a in texts for b in texts if a != b}
    assert {pair: n for pair, n in wrongly_linked.items() if n} == {}


def _with_sections(name: str) -> bool:
    """Whether the written pair's summary has sections of its own (a title and two headings)."""
    zh, _ = clean_chinese(read_lines(GOLD / name / "zh.txt"), "zh.txt")
    return sum(block.kind == "heading" for block in zh.blocks) >= 3


@pytest.mark.parametrize("name", [p.stem for p in sorted(GOLD.glob("*.gold"))
                                  if (GOLD / p.stem).is_dir() and _with_sections(p.stem)])
def test_a_line_of_running_text_links_no_heading_among_sentences(name):
    # A heading opens a section: a paragraph of a summary with sections of its own renders
    # sentences of one section, never the end of one and the start of the next (protein-years'
    # "现在教授会要求每位新生…" took in "A Checklist for New Students" and the sentence after it,
    # which its own line renders). A line may render a heading alone: 博文的标题颇为自嘲：《在机器学习里
    # 犯错的十一年》.
    zh, _ = clean_chinese(read_lines(GOLD / name / "zh.txt"), "zh.txt")
    en, _ = clean_english(read_lines(GOLD / name / "en.txt"), "en.txt")
    order = [(s.id, block.kind == "heading") for block in en.blocks for s in block.sentences]
    at = {sentence: k for k, (sentence, _) in enumerate(order)}
    headings = [k for k, (_, heading) in enumerate(order) if heading]
    running = {block.id for block in zh.blocks if block.kind != "heading"}
    assert [link for link in align_article(zh, en).links if set(link.zh) <= running and len(link.en) > 1
            and any(min(at[e] for e in link.en) <= k <= max(at[e] for e in link.en) for k in headings)] == []



def test_a_summary_without_sections_may_condense_across_a_heading_of_the_source():
    # The summary keeps no headings: its line may render the end of one section and the start
    # of the next, the heading between them skipped.
    en = [Unit("h0", "Summer", heading=True), Unit("e0", "The lighthouse keeper climbed the stairs every evening at six."),
          Unit("e1", "He lit the lamp and watched the ships pass."), Unit("h", "Winter", heading=True),
          Unit("e2", "In winter the sea froze near the rocks."),
          Unit("e3", "The keeper walked across the ice to the village for bread.")]
    zh = [Unit("z0", "灯塔看守人每天晚上六点爬上楼梯。"), Unit("z1", "他点亮灯，看着船只驶过；冬天，礁石附近的海面结了冰。"),
          Unit("z2", "看守人踩着冰走到村里买面包。")]
    links = {line: set(link.en) for link in align_texts(zh, en).links for line in link.zh}
    assert {"e1", "e2"} <= links["z1"] and "h" not in links["z1"]
    # With a title and sections of its own, the summary keeps the source's.
    zh = [Unit("t", "灯塔看守人的一年", heading=True), Unit("s", "夏天", heading=True), zh[0],
          Unit("z1", "他点亮灯，看着船只驶过。"), Unit("w", "冬天", heading=True),
          Unit("z2", "礁石附近的海面结了冰。"), Unit("z3", "看守人踩着冰走到村里买面包。")]
    links = {line: set(link.en) for link in align_texts(zh, en).links for line in link.zh}
    assert links["z1"] == {"e1"} and links["w"] == {"h"} and links["z2"] == {"e2"}


@pytest.mark.parametrize("summary, numbered", [
    # The summary numbers its own points (1. 2. 3.) inside the essay's one section "Three
    # lessons": no point is the essay's section of its number.
    ("zh.txt", {"1. 面粉价格决定一切": None, "2. 熟客比游客重要": None, "3. 睡眠不是可选项": None}),
    # Its sections cut the essay's otherwise: 一 opens "Three lessons" (its lead renders "Starting
    # out"), 二 half of it, 三 "Closing the doors". Numbers that disagree place nothing; where
    # they agree, the heading is placed though its words (尾声, "epilogue") share none.
    ("zh-sections.txt", {"二、身体垮了": None, "三、尾声": "Closing the doors"}),
])
def test_a_summarys_numbered_heading_is_placed_by_its_number_only_where_its_section_begins(summary, numbered):
    folder = GOLD / "bakery-points"
    zh, _ = clean_chinese(read_lines(folder / summary), "zh.txt")
    en, _ = clean_english(read_lines(folder / "en.txt"), "en.txt")
    alignment = align_article(zh, en)
    for heading, source in numbered.items():
        [block] = [block.id for block in zh.blocks if block.text == heading]
        linked = [link.en for link in alignment.links if block in link.zh]
        assert linked == ([(_sentence_of(en, source),)] if source else []), heading


def test_numbered_headings_are_placed_in_a_source_without_a_title():
    # The essay copied without its title starts with its first section's heading, which is taken
    # for the title and shifts the count by one: the headings are placed by where their sections
    # begin all the same.
    zh, _ = clean_chinese(read_lines(GOLD / "protein-years" / "zh.txt"), "zh.txt")
    en, _ = clean_english(read_lines(GOLD / "protein-years" / "en.txt")[1:], "en.txt")
    alignment = align_article(zh, en)
    for heading, source in (("二／第四年，全面崩溃", "The Year Everything Broke"), ("四／论文缩水，人生重开机", "Coming Back Smaller"),
                            ("五／从自己的伤口，改变实验室", "What I Do Now")):
        [block] = [block.id for block in zh.blocks if block.text == heading]
        assert [link.en for link in alignment.links if block in link.zh] == [(_sentence_of(en, source),)], heading
