"""Chinese fixers on real fragments of the seeds, and a negative set that must come through unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from duizhao.clean import clean_chinese
from duizhao.errors import InputError
from duizhao.fixers_zh import find_mojibake, looks_like_subtitles, reading_length
from duizhao.ingest import load_overrides, read_lines
from duizhao.model import Line, Overrides, SpamFragment, TextFix

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "translations"


def clean(texts: list[str], overrides: Overrides | None = None):
    lines = tuple(Line(n, t) for n, t in enumerate(texts, start=1))
    return clean_chinese(lines, "zh.txt", overrides)


def shown(texts: list[str], overrides: Overrides | None = None) -> list[str]:
    return [block.text for block in clean(texts, overrides)[0].blocks]


# --- negative set: well-formed Chinese must come through untouched --------------------------

NEGATIVE = {
    "prose": [
        "他写了很多申请，但直到毕业才拿到一些拨款，也算是前人栽树，后人乘凉。尽管实习体验不尽如人意，但他由此积累了宝贵的技术经验与人脉资源。",
        "这条路很清楚：一旦你突破了第一道门槛，后面就会顺一点。前提是你一直踩着油门往前冲。",
    ],
    "one sentence per line": [
        "基础不是障碍，反而是势能的起点。",
        "最难的是第一步。",
        "愿意埋头学基础的人，最终会在别人止步之处继续前进。",
        "他慢慢觉得不再快乐了。",
    ],
    "dialogue": [
        "博士生导师曾对他说过：「每天专注4小时，你也能改变世界。」",
        "“你为什么不去试试？”她问。",
        "“因为我还没准备好。”他回答。",
    ],
    "list": [
        "我们可以尝试：",
        "一、优化腿部几何形状的学习算法；",
        "二、为机器人生成复杂地形进行测试；",
        "三、用仿真优化新设计，再用硅材料制造出来测试。",
    ],
    "questions": [
        "写论文？那只是研究其中的一小步。",
        "我们应该如何开展研究，才能在已经相当拥挤的人工智能领域有所作为？",
        "由于公司估值与LLM性能（难以分割地？）挂钩，这些波动可能导致股价出现数十亿美元的起伏。",
    ],
    "parentheticals": [
        "他的学术背景是MEMS（微机电系统）、高能物理/激光。",
        "出于同样原因，他们显然会对以下方面越来越感兴趣：(i) 表达更复杂的模块组合；(ii) 弄清楚应该如何监督。",
        "但很可能连内观禅修（Vipassana）也被AI渗透了，这不会让我惊讶。",
    ],
    # ASCII marks where no Chinese stands beside them: a figure, a time, a Latin list, an address.
    "ascii among figures and names": [
        "有1,000名用户报名，会议在12:30开始。",
        "他比较了 GPT-4, Claude (2023) and Gemini 三个模型。",
        "论文链接：https://arxiv.org/abs/1901.03737?v=1,2",
    ],
    "repeated short lines": ["他认为。", "因此，这是对的。", "他认为。", "因此，这是对的。", "他认为。", "因此，这是对的。"],
    # A story that returns to its first line, and a line of dialogue said three times: a
    # headline repeated as alt text ends bare, these end like prose.
    "refrain": ["那年冬天，河水结冰了。", "我每天早上沿着河岸走到学校。", "祖母说，冰下的鱼还活着。", "那年冬天，河水结冰了。"],
    "repeated dialogue": ["他说：“你明天还会回来吗？我会一直在这里等你。”", "祖母说，冰下的鱼还活着。",
                          "他说：“你明天还会回来吗？我会一直在这里等你。”", "我不相信，就趴在冰面上往下看。",
                          "他说：“你明天还会回来吗？我会一直在这里等你。”"],
    "code in prose": ["模型在生成结束时会输出 <|endoftext|> 标记，也就是说 x < y > z 时才停止。"],
}


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_well_formed_text_is_unchanged(name):
    text, log = clean(NEGATIVE[name])
    assert [b.text for b in text.blocks] == NEGATIVE[name]
    assert {b.kind for b in text.blocks} == {"paragraph"}
    assert text.changes == () and log.problems == []


@pytest.mark.parametrize("copies", [2, 3])
def test_a_text_pasted_more_than_once_keeps_one_whole_copy(copies):
    raw = read_lines(SEEDS / "nathan-lambert-path-into-ai" / "zh.txt")
    once, _ = clean_chinese(raw, "zh.txt")
    pasted = tuple(Line(n, line.text) for n, line in enumerate(list(raw) * copies, start=1))
    again, log = clean_chinese(pasted, "zh.txt")
    assert [b.text for b in again.blocks] == [b.text for b in once.blocks]
    # Every line of the other copies is reported removed: most as a repeat, the rest by the
    # fixer that removes them from the first copy too (page metadata, spam).
    later = {line.number for line in pasted[len(raw):] if line.text.strip()}
    assert later <= {c.line for c in log.changes if c.action == "removed"}
    assert len({c.line for c in log.changes if c.fixer == "drop_repeated_passages"}) > 0.9 * len(later)


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_well_formed_text_shows_no_mojibake(name):
    assert [find_mojibake(t) for t in NEGATIVE[name]] == [[] for _ in NEGATIVE[name]]


# --- page junk -----------------------------------------------------------------------------

HEADLINE = "顶会0篇,一夜RLHF爆文刷屏!他靠写作逆袭AI圈,院士都说好"


def test_headline_repeated_as_alt_text_is_removed_everywhere():
    texts = [HEADLINE, "", HEADLINE, "", "如今,他的谷歌引用数已有5千多,h指数为32。", "", "", HEADLINE, "", "",
             "2017年秋天,他开始在加州大学伯克利分校读博。", HEADLINE, "他还在特斯拉做过电池工程实习。"]
    text, _ = clean(texts)
    assert [b.text for b in text.blocks] == ["如今，他的谷歌引用数已有5千多，h指数为32。", "2017年秋天，他开始在加州大学伯克利分校读博。",
                                             texts[12]]
    assert sorted(c.line for c in text.changes if c.action == "removed") == [1, 3, 8, 12]


def test_counters_navigation_and_caption_are_removed_and_recorded():
    texts = [HEADLINE, "", "4.8", "0热度", "", "但他没能真正融入伯克利AI实验室。", "", HEADLINE, "", "世界顶尖学术AI研究实验室", "", "",
             "事后回顾,他已有一些基本特质:", HEADLINE, "", "首页 发现", "看过 我的", "扫码关注", "点击阅读原文"]
    text, _ = clean(texts)
    assert [b.text for b in text.blocks] == ["但他没能真正融入伯克利AI实验室。", "事后回顾，他已有一些基本特质："]
    removed = {c.before for c in text.changes if c.action == "removed"}
    assert {"4.8", "0热度", "世界顶尖学术AI研究实验室", "首页 发现", "看过 我的", "扫码关注", "点击阅读原文"} <= removed


def test_informative_caption_is_kept():
    caption = "Roberto Calandra现任德累斯顿工业大学正教授(W3教授级别),并领导该校「学习、自适应系统与机器人」实验室(LASR)"
    texts = [HEADLINE, HEADLINE, "导师帮他牵线认识了Roberto Calandra。", HEADLINE, "", caption, "", "", "这才算搭上AI的边:"]
    assert "Roberto Calandra现任德累斯顿工业大学正教授（W3教授级别），并领导该校「学习、自适应系统与机器人」实验室（LASR）" \
        in shown(texts)


def test_truncated_teaser_is_removed():
    teaser = ("Ai2的高级研究科学家Nathan Lambert,最近分享了他如何走上AI之路。尽管起步艰难、几经波折,他依旧在AI领域站稳脚跟。"
              "深度RL:转行契机2017年秋天,他开始读博。他的学术背景是MEMS(微机电系统)、高能物理/")
    body = ["Ai2的高级研究科学家Nathan Lambert,最近分享了他如何走上AI之路。", "尽管起步艰难、几经波折,他依旧在AI领域站稳脚跟。",
            "深度RL:转行契机", "2017年秋天,他开始读博。", "他的学术背景是MEMS(微机电系统)、高能物理/激光。"]
    text, _ = clean([teaser, ""] + body)
    assert [b.text for b in text.blocks] == [
        "Ai2的高级研究科学家Nathan Lambert，最近分享了他如何走上AI之路。", "尽管起步艰难、几经波折，他依旧在AI领域站稳脚跟。",
        "深度RL：转行契机", "2017年秋天，他开始读博。", "他的学术背景是MEMS（微机电系统）、高能物理/激光。"]
    assert [c.line for c in text.changes if c.action == "removed"] == [1]


# --- conversion debris ---------------------------------------------------------------------

def test_pinyin_glosses_go_but_real_parentheticals_stay():
    texts = ["自2023年初以來,他一直在與嚴重的精神疾病作斗爭。期間,他表現(xiàn)出了重度抑郁。",
             "1月11日,F(xiàn)elix的葬禮將于倫敦北部舉行,屆時將進行現(xiàn)場直播。",
             "我構思了使用門控卷積編碼器(Gated Convolutional Encoder)來替代基于循環神經網絡(RNN)的編碼器。"]
    out = shown(texts)
    assert out[0].endswith("他表现出了重度抑郁。") and "(" not in out[0] and "（" not in out[0]
    assert out[1].startswith("1月11日，Felix的葬礼")
    assert "（Gated Convolutional Encoder）" in out[2] and "（RNN）" in out[2]


def test_broken_html_tail_is_removed_and_a_lost_quote_reported():
    text, log = clean(["「他本應該成為一個很好的朋友。我想認識他,但現(xiàn)在已經(jīng)不可能了?!?/p>"])
    assert not text.blocks[0].text.endswith("/p>")
    assert any(c.fixer == "drop_broken_html_tails" for c in text.changes)
    assert any(p.line == 1 and "broken HTML tail" in p.message for p in log.problems)


def test_markup_and_invisible_characters_a_copy_kept_are_removed_and_recorded():
    text, _ = clean(['<div class="post"><p>他有十一个蜂箱。</p><br/>', "<script>track()</script>",
                     "蜜\u200b蜂在山坡上&nbsp;嗡嗡作响。\x07\x1b[31m"])
    assert [b.text for b in text.blocks] == ["他有十一个蜂箱。", "蜜蜂在山坡上 嗡嗡作响。"]
    assert {c.line for c in text.changes if c.fixer == "strip_html_markup"} == {1, 2, 3}
    assert {c.line for c in text.changes if c.fixer == "remove_invisible_characters"} == {3}


def test_ascii_punctuation_beside_chinese_gets_its_full_width_and_is_recorded():
    # A width-folding copy turned the page's ，：（） into ASCII; a figure's comma stays.
    text, _ = clean(["如今,他的谷歌引用数已有5千多(h指数为32):一年前只有1,000多!", "论文链接:https://arxiv.org/abs/2403.13787"])
    assert [b.text for b in text.blocks] == ["如今，他的谷歌引用数已有5千多（h指数为32）：一年前只有1,000多！",
                                             "论文链接：https://arxiv.org/abs/2403.13787"]
    assert {c.line for c in text.changes if c.fixer == "restore_chinese_punctuation"} == {1, 2}


def test_code_mojibake_and_addresses_keep_their_ascii_marks():
    lines = ["说明如下,请看:", "```", 'print("你好,世界")', "```", "锟斤拷锟斤拷,烫烫烫。", "他说:这个\ufffd很好,真的。",
             "见 https://zh.wikipedia.org/wiki/图灵(数学家) 与 `f(中文)`,好开心:)然后:(i) 第一;(ii) 第二。"]
    text, log = clean(lines)
    assert [b.text for b in text.blocks] == [
        "说明如下，请看：", "```", 'print("你好,世界")', "```", lines[4], lines[5],
        "见 https://zh.wikipedia.org/wiki/图灵(数学家) 与 `f(中文)`，好开心:)然后：(i) 第一；(ii) 第二。"]
    assert {p.line for p in log.problems if p.message.startswith("mojibake")} == {5, 6}


def test_no_ascii_comma_is_left_beside_chinese_in_the_seeds():
    for name in ("nathan-lambert-path-into-ai", "felix-hill-weights-of-responsibility", "omar-khattab-research-impact"):
        raw = read_lines(SEEDS / name / "zh.txt")
        assert sum(len(re.findall(r"[\u4e00-\u9fff],", line.text)) for line in raw) > 100  # as received
        cleaned, log = clean_chinese(raw, "zh.txt")
        # A line with mojibake keeps its marks until the curator restores it.
        damaged = {p.line for p in log.problems if p.message.startswith("mojibake")}
        assert [b.text for b in cleaned.blocks if not damaged & set(b.lines) and re.search(r"[\u4e00-\u9fff][,:;?!(]|[,:;?!)][\u4e00-\u9fff]", b.text)] == []


MOJIBAKE_LINES = {
    87: "我?guī)硐M纳贁?shù)事情",
    103: "很重要?;蛟S他們",
    116: "適當?shù)募s束",
    121: "深入?yún)s不失",
    125: "嚴謹?shù)膶W術",
}


def test_every_mojibake_run_of_the_seed_is_reported_with_its_line():
    folder = SEEDS / "felix-hill-weights-of-responsibility"
    _, log = clean_chinese(read_lines(folder / "zh.txt"), "translations/felix-hill-weights-of-responsibility/zh.txt")
    reported = {p.line for p in log.problems if "mojibake" in p.message}
    assert set(MOJIBAKE_LINES) <= reported
    assert {27, 28} <= {p.line for p in log.problems}  # the HTML tails that swallowed 」
    assert all(str(p).startswith("translations/felix-hill-weights-of-responsibility/zh.txt:") for p in log.problems)


def test_a_question_asked_with_two_marks_is_no_mojibake():
    # "??" before Chinese is how a misread character looks, but after a question particle or
    # a question word it is emphasis: reported as mojibake, the line also kept its ASCII marks.
    text, log = clean_chinese((Line(1, "他问：真的吗??我不信。"), Line(2, "你到底在干什么??快回来。"),
                               Line(3, "不为人知的困境??上У氖?,很多人仍然低估了心理健康。")), "zh.txt")
    assert [b.text for b in text.blocks][:2] == ["他问：真的吗？？我不信。", "你到底在干什么？？快回来。"]
    assert {p.line for p in log.problems} == {3}  # the misread line is still reported, and left alone
    assert "困境??上У氖?," in text.blocks[2].text


@pytest.mark.parametrize("damaged", ["无论如何都要面对困境??惜的是，很多人。", "谁也不知道他正经历着困境??惜的是。",
                                     "他那么??力地工作。", "这个问题是否??要解决。"])
def test_two_marks_after_any_other_word_are_still_mojibake(damaged):
    # Only a question word or particle right before the marks makes them a question: one
    # earlier in the clause (无论如何, 谁也), or 那么 and 是否, must not hide a lost character.
    text, log = clean_chinese((Line(1, damaged),), "zh.txt")
    assert [p.line for p in log.problems] == [1] and text.blocks[0].text == damaged


def test_curator_fixes_silence_the_detector():
    folder = SEEDS / "felix-hill-weights-of-responsibility"
    overrides = load_overrides(folder, ROOT)
    text, log = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt", overrides)
    assert log.problems == []
    joined = "\n".join(b.text for b in text.blocks)
    assert "适当的约束" in joined and "深入却不失" in joined and "严谨的学术" in joined


def test_stale_fix_names_the_override():
    overrides = Overrides("overrides.yml", fixes=(TextFix(1, "不存在的文字", "x", at=4),))
    with pytest.raises(InputError, match="overrides.yml:4"):
        clean(["即使在嚴謹?shù)膶W術研究中,我們依然保持著這種愉快的合作方式。"], overrides)


# --- SEO spam ------------------------------------------------------------------------------

def test_page_metadata_and_placeholder_companies_are_removed_automatically():
    texts = ["发布时间:2024-11-28 13:33:56 来源:成都市某某轴承有限责任公司 作者:热点", "机器之心编译",
             "但这是平顶山市某某投资管理运营部一个你最终必须离开的阶段。"]
    text, _ = clean(texts)
    assert [b.text for b in text.blocks] == ["机器之心编译", "但这是一个你最终必须离开的阶段。"]
    assert [(c.line, c.action) for c in text.changes] == [(1, "removed"), (3, "changed")]


def test_curator_spam_is_removed_except_where_genuine():
    spam = Overrides(spam=(SpamFragment("斯隆", ("斯隆奖得主",)), SpamFragment("主弟"), SpamFragment("博士", ("在读博士",))))
    texts = ["太多人认为,长期的博士项目无法产生足够的激励作用,然后又要回去做「真正的斯隆」研究。",
             "最近,斯坦福大学 NLP 组在读博士 Omar Khattab 发布了一篇博文,主弟讨论了有影响力的研究。",
             "这也许是我的导师 Matei Zaharia(斯隆奖得主、Apache Spark 创始人)给我的第一条研究建议。"]
    assert shown(texts, spam) == [
        "太多人认为，长期的项目无法产生足够的激励作用，然后又要回去做「真正的」研究。",
        "最近，斯坦福大学 NLP 组在读博士 Omar Khattab 发布了一篇博文，讨论了有影响力的研究。",
        "这也许是我的导师 Matei Zaharia（斯隆奖得主、Apache Spark 创始人）给我的第一条研究建议。",
    ]


def test_spam_fragments_written_in_traditional_still_match():
    assert shown(["他们讨论了亲身人工智能领域。"], Overrides(spam=(SpamFragment("親身"),))) == ["他们讨论了人工智能领域。"]


# --- script --------------------------------------------------------------------------------

def test_a_text_received_in_simplified_keeps_its_own_characters():
    # 著 is a Simplified character (显著, 著有, 著作): the Taiwan converter would make it 着,
    # silently. A stray Traditional character (項目) is still folded, and recorded.
    lines = ["他著有多部作品，影响显著。", "这个項目对他来说很重要，所以他每天都在做。", "这对他意味着很多。"]
    text, _ = clean(lines)
    assert [b.text for b in text.blocks] == [lines[0], "这个项目对他来说很重要，所以他每天都在做。", lines[2]]
    assert [(c.line, c.fixer) for c in text.changes] == [(2, "to_simplified_script")]


def test_a_text_received_in_traditional_keeps_its_own_words_in_traditional():
    # The Taiwan phrase step would turn 項目 into 專案 and 消息 into 訊息: words the text never
    # used. Stray Simplified characters of a broken conversion (于, 后) are still mended.
    received, _ = clean(["這個項目的消息傳來后，大家都很高興。", "研究人員對于性能的要求越來越高。"])
    assert received.script == "hant"
    assert [b.text_hant for b in received.blocks] == ["這個項目的消息傳來後，大家都很高興。",
                                                      "研究人員對於性能的要求越來越高。"]
    # A text received in Simplified is shown in Traditional with Taiwan vocabulary.
    simplified, _ = clean(["这个项目的消息传来后，大家都很高兴。"])
    assert simplified.script == "hans"
    assert simplified.blocks[0].text_hant == "這個專案的訊息傳來後，大家都很高興。"


def test_the_received_traditional_seed_reads_in_its_own_vocabulary():
    folder = SEEDS / "felix-hill-weights-of-responsibility"
    raw = (folder / "zh.txt").read_text(encoding="utf-8")
    text, _ = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt")
    shown = "".join(block.text_hant for block in text.blocks)
    for taiwan, received in (("訊息", "消息"), ("專案", "項目"), ("效能", "性能"), ("智慧", "智能")):
        assert received in raw and taiwan not in raw
        assert taiwan not in shown, taiwan


# --- subtitles -----------------------------------------------------------------------------

def test_subtitle_layout_is_detected_only_on_the_transcript():
    verdicts = {folder.name: looks_like_subtitles(read_lines(folder / "zh.txt")) for folder in SEEDS.iterdir() if folder.is_dir()}
    assert verdicts == {"john-schulman-interview": True, "nathan-lambert-path-into-ai": False,
                        "omar-khattab-research-impact": False, "felix-hill-weights-of-responsibility": False}


def test_transcript_becomes_punctuated_paragraphs():
    lines = read_lines(SEEDS / "john-schulman-interview" / "zh.txt")
    text, _ = clean_chinese(lines, "zh.txt")
    assert 15 <= len(text.blocks) <= 80
    for block in text.blocks:
        assert block.text[-1] in "。？", block.text
        assert 10 <= reading_length(block.text) <= 600, block.text
    assert text.blocks[0].text.startswith("大家好，这里是最佳拍档。最近，OpenAI的创始元老")
    merged = [c for c in text.changes if c.action == "merged"]
    assert len(merged) + len(text.blocks) == len([line for line in lines if line.text.strip()])


# --- block kinds ---------------------------------------------------------------------------

def test_headings_items_and_two_line_headings():
    texts = ["首先,以下是指导原则:", "着眼项目", "而不是论文", "这是一个至关重要的思维,其他的一切都基于此。",
             "深度RL:转行契机", "2017年秋天,他开始在加州大学伯克利分校电气工程与计算机科学系读博。",
             "事后回顾,他已有一些基本特质:", "  • 很会专注,能独自钻研技术难题。", "  • 有很多冲劲,但没方向。",
             "结果发了后,又过了三个月才有人发竞品", "所以,RewardBench是RLHF奖励模型的第一个评估工具。",
             "錢,", "錢,還是錢", "大多數AI研究人員,當初投身研究並不是為了賺錢。"]
    text, _ = clean(texts)
    kinds = [(b.kind, b.text) for b in text.blocks]
    assert ("heading", "着眼项目，而不是论文") in kinds
    assert ("heading", "深度RL：转行契机") in kinds
    assert ("item", "很会专注，能独自钻研技术难题。") in kinds and ("item", "有很多冲劲，但没方向。") in kinds
    assert ("paragraph", "结果发了后，又过了三个月才有人发竞品") in kinds
    assert ("heading", "钱，钱，还是钱") in kinds
    assert ("paragraph", "首先，以下是指导原则：") in kinds


def test_a_heading_of_two_parts_is_a_heading_and_a_sentence_without_its_stop_is_not():
    # A section heading of two parts parted by a comma (14 reading units at most among short
    # paragraphs), and a sentence that lost its full stop (longer): one each in the same text.
    texts = ["2017年春天，我给露丝写信，问能否回去。", "重返校园，一无所成的第一年", "我并没有放慢。入学时我自以为比别人快。",
             "周围的同事，年轻、优秀、富有驱动力", "他们每天都工作到深夜。"]
    kinds = [(b.kind, b.text) for b in clean(texts)[0].blocks]
    assert ("heading", "重返校园，一无所成的第一年") in kinds
    assert ("paragraph", "周围的同事，年轻、优秀、富有驱动力") in kinds


def test_a_long_first_line_is_the_title_and_the_same_line_later_is_not_a_heading():
    # A title with its subtitle after a colon runs longer than any section heading; the byline
    # above it (a publisher's note) is no title. The same line among the paragraphs is a sentence
    # that lost its stop.
    title = "在蛋白质里待了五年：一位计算生物博士生的过劳与归来"
    body = ["她在2018年秋天开始读博。", "她以为自己会花五年教电脑预测蛋白质如何折叠。"]
    kinds = [(b.kind, b.text) for b in clean(["撰文／林怡君 2025.04.18", title, *body])[0].blocks]
    assert kinds[:2] == [("paragraph", "撰文／林怡君 2025.04.18"), ("heading", title)]
    kinds = [(b.kind, b.text) for b in clean([body[0], title, body[1]])[0].blocks]
    assert ("paragraph", title) in kinds
    # Without a subtitle, a title is short; a longer first line is the lead, without its stop.
    for lead in ("2017年秋天，我从北京飞到旧金山，开始了在斯坦福的博士生涯", "今天给大家分享一篇来自 Nathan Lambert 的长文，讲述他如何一步步走进 AI 领域"):
        assert clean([lead, *body])[0].blocks[0].kind == "paragraph", lead
    assert clean(["他走过的弯路，可能正是你要避开的坑", *body])[0].blocks[0].kind == "heading"


def test_a_numbered_heading_after_the_title_is_a_heading_of_its_own():
    # Two short lines in a row are one heading broken in two, unless the second is numbered.
    texts = ["开面包店八年，他学到的三件事", "一、缘起", "2015 年，他辞去了利兹一家保险公司的工作，在海德公园路买下了一家小面包店。"]
    assert [(b.kind, b.text) for b in clean(texts)[0].blocks][:2] == [("heading", texts[0]), ("heading", texts[1])]


def test_colophon_is_never_a_heading():
    text, _ = clean(["机器之心编译", "作者:Omar Khattab", "编辑:蛋酱、泽南", "写论文?那只是影响研究其中的一小步。"])
    assert {b.kind for b in text.blocks} == {"paragraph"}
