"""Aligned rows: additions marked, skipped English shown in place, weak links flagged, text escaped."""

from __future__ import annotations

import re
from dataclasses import replace

from duizhao.markup import Decorations
from duizhao.model import Alignment, Article, ArticleMeta, Block, CleanText, Link, Sentence
from duizhao.render import article_page
from duizhao.render_rows import aligned_body, coverage_panel, english_body, links_in_source_order

META = ArticleMeta(slug="a", title_zh="标题", title_en="Title", author="A", publisher="P", script="hans")


def zh_block(i: int, text: str, kind: str = "paragraph") -> Block:
    return Block(id=f"zh-{i}", kind=kind, text=text, lines=(i,), text_hant=text.replace("飞轮", "飛輪"))


def en_block(i: int, *texts: str) -> Block:
    sentences = tuple(Sentence(f"en-{i}{j}", t, 1) for j, t in enumerate(texts))
    return Block(id=f"b{i}", kind="paragraph", text=" ".join(texts), lines=(1,), sentences=sentences)


def article(links, additions=(), omissions=()) -> Article:
    zh = CleanText("zh.txt", "zh", (zh_block(1, "飞轮开始转动。"), zh_block(2, "这是摘要自己的话。"), zh_block(3, "<script>alert(1)</script>")), ())
    en = CleanText("en.txt", "en", (en_block(1, "The flywheel spins.", "Nobody said this."), en_block(2, "Last one & <b>.")), ())
    return Article(META, zh, en, alignment=Alignment(tuple(links), tuple(additions), tuple(omissions)))


def test_rows_follow_chinese_order_with_skipped_english_in_place():
    a = article([Link(("zh-1",), ("en-10",), 0.9), Link(("zh-3",), ("en-20",), 0.3, confident=False)],
                additions=("zh-2",), omissions=("en-11",))
    html = "\n".join(aligned_body(a))
    first, addition, skipped, last = (html.index(m) for m in ('id="zh-1"', 'id="zh-2"', 'id="en-11"', 'id="en-20"'))
    assert first < addition < skipped < last
    assert "摘要自加" in html and "dz-addition" in html
    assert '<details class="dz-row dz-omission"' in html and "1 sentence of the original not covered" in html
    assert "dz-weak" in html and "对齐存疑" in html


def test_the_originals_end_stands_after_its_last_rendered_sentence_not_after_the_summarys_close():
    # The summary renders en-10, then closes with its own words and its publisher's note: the
    # source's remaining sentences (en-11, en-20) come right after the row of en-10.
    zh = CleanText("zh.txt", "zh", (zh_block(1, "飞轮开始转动。"), zh_block(2, "这是摘要自己的话。"),
                                    zh_block(3, "文章来源：新智元")), ())
    en = CleanText("en.txt", "en", (en_block(1, "The flywheel spins.", "Nobody said this."), en_block(2, "Last one.")), ())
    a = Article(META, zh, en, alignment=Alignment((Link(("zh-1",), ("en-10",), 0.9),), ("zh-2", "zh-3"), ("en-11", "en-20")))
    html = "\n".join(aligned_body(a))
    assert html.count('<details class="dz-row dz-omission"') == 1
    first, skipped, last, addition, note = (html.index(m) for m in ('id="zh-1"', 'id="en-11"', 'id="en-20"', 'id="zh-2"', 'id="zh-3"'))
    assert first < skipped < last < addition < note
    assert "出版方附注" in html[note:]


def test_skipped_passages_interrupted_by_a_moved_sentence_share_one_collapsed_row():
    # The summary renders en-11 further down (zh-2, after zh-1's en-13): en-10 and en-12 are
    # skipped, in one place, and the page shows them as one row with a marker between them.
    zh = CleanText("zh.txt", "zh", (zh_block(1, "第一段。"), zh_block(2, "第二段。")), ())
    en = CleanText("en.txt", "en", (en_block(1, "Skipped one.", "Moved.", "Skipped two.", "Linked."),), ())
    links = (Link(("zh-1",), ("en-13",), 0.9), Link(("zh-2",), ("en-11",), 0.9))
    a = Article(META, zh, en, alignment=Alignment(links, (), ("en-10", "en-12")))
    html = "\n".join(aligned_body(a))
    assert html.count('<details class="dz-row dz-omission"') == 1
    assert "2 sentences of the original not covered" in html
    box = html[html.index("<details"):html.index("</details>")]
    assert box.index('id="en-10"') < box.index("1 sentence in between is rendered elsewhere") < box.index('id="en-12"')
    assert 'id="en-11"' not in box


def test_each_piece_with_english_carries_its_place_in_the_source():
    # The English-only view lays pieces out by ``order``: the moved row (zh-2, en-11) goes
    # between the skipped en-10 and the row of en-13.
    zh = CleanText("zh.txt", "zh", (zh_block(1, "第一段。"), zh_block(2, "第二段。")), ())
    en = CleanText("en.txt", "en", (en_block(1, "Skipped.", "Moved.", "Linked."),), ())
    links = (Link(("zh-1",), ("en-12",), 0.9), Link(("zh-2",), ("en-11",), 0.9))
    html = "\n".join(aligned_body(Article(META, zh, en, alignment=Alignment(links, (), ("en-10",)))))
    assert '<details class="dz-row dz-omission" style="order: 1">' in html
    assert '<div class="dz-row dz-cont" data-score="0.90" style="order: 3"><div class="dz-row-zh"><p id="zh-1"' in html
    assert '<div class="dz-row dz-cont" data-score="0.90" style="order: 2"><div class="dz-row-zh"><p id="zh-2"' in html



def test_a_row_opening_with_a_repeated_sentence_is_placed_by_its_new_one():
    # zh-2 repeats en-10 (hidden in the English-only view) and adds en-12: it belongs after
    # the skipped en-11, not before it.
    zh = CleanText("zh.txt", "zh", (zh_block(1, "第一段。"), zh_block(2, "第二段。")), ())
    en = CleanText("en.txt", "en", (en_block(1, "Linked twice.", "Skipped.", "New."),), ())
    links = (Link(("zh-1",), ("en-10",), 0.9), Link(("zh-2",), ("en-10", "en-12"), 0.9))
    html = "\n".join(aligned_body(Article(META, zh, en, alignment=Alignment(links, (), ("en-11",)))))
    assert '<details class="dz-row dz-omission" style="order: 2">' in html
    assert '<div class="dz-row" data-score="0.90" style="order: 3"><div class="dz-row-zh"><p id="zh-2"' in html


def test_a_moved_row_does_not_pull_the_skipped_english_above_it():
    # The summary opens with the source's conclusion (zh-1 renders the last sentence): the
    # sentence it skips (en-11) still shows where it stands, between zh-2 and zh-3.
    zh = CleanText("zh.txt", "zh", (zh_block(1, "结论。"), zh_block(2, "开头。"), zh_block(3, "中间。")), ())
    en = CleanText("en.txt", "en", (en_block(1, "Start.", "Skipped.", "Middle.", "Conclusion."),), ())
    links = (Link(("zh-1",), ("en-13",), 0.9), Link(("zh-2",), ("en-10",), 0.9), Link(("zh-3",), ("en-12",), 0.9))
    html = "\n".join(aligned_body(Article(META, zh, en, alignment=Alignment(links, (), ("en-11",)))))
    moved, first, skipped, middle = (html.index(m) for m in ('id="zh-1"', 'id="zh-2"', 'id="en-11"', 'id="zh-3"'))
    assert moved < first < skipped < middle
    assert "rendered elsewhere" not in html


def test_english_skipped_before_a_sentence_two_rows_share_stands_above_the_first_of_them():
    # zh-2 renders en-12 and zh-3 goes on with en-12 and en-13: the skipped en-11 comes before
    # en-12 in the source, so above zh-2, not between zh-2 and zh-3.
    zh = CleanText("zh.txt", "zh", (zh_block(1, "第一段。"), zh_block(2, "第二段。"), zh_block(3, "第三段。")), ())
    en = CleanText("en.txt", "en", (en_block(1, "Start.", "Skipped.", "Shared.", "After."),), ())
    links = (Link(("zh-1",), ("en-10",), 0.9), Link(("zh-2",), ("en-12",), 0.9), Link(("zh-3",), ("en-12", "en-13"), 0.9))
    html = "\n".join(aligned_body(Article(META, zh, en, alignment=Alignment(links, (), ("en-11",)))))
    first, skipped, second, third = (html.index(m) for m in ('id="zh-1"', 'id="en-11"', 'id="zh-2"', 'id="zh-3"'))
    assert first < skipped < second < third


def test_english_skipped_before_a_sentence_two_rows_render_alike_stands_above_both():
    # zh-2 and zh-3 both render en-12 (the page goes on with zh-4): the skipped en-11 goes above zh-2.
    zh = CleanText("zh.txt", "zh", tuple(zh_block(i, f"第{i}段。") for i in range(1, 5)), ())
    en = CleanText("en.txt", "en", (en_block(1, "Start.", "Skipped.", "Shared.", "Next."),), ())
    links = (Link(("zh-1",), ("en-10",), 0.9), Link(("zh-2",), ("en-12",), 0.9), Link(("zh-3",), ("en-12",), 0.9),
             Link(("zh-4",), ("en-13",), 0.9))
    html = "\n".join(aligned_body(Article(META, zh, en, alignment=Alignment(links, (), ("en-11",)))))
    first, skipped, second, third = (html.index(m) for m in ('id="zh-1"', 'id="en-11"', 'id="zh-2"', 'id="zh-3"'))
    assert first < skipped < second < third


def test_an_intro_quoting_the_end_is_not_taken_for_the_rows_in_order():
    # z0 quotes sentence 50 before the summary starts at sentence 1: z1 and z2 are in order.
    position = {f"e{i}": i for i in range(60)}
    links = [Link(("z0",), ("e50",), 0.9), Link(("z1",), ("e1",), 0.9), Link(("z2",), ("e51",), 0.9)]
    assert links_in_source_order(links, position) == {("z1",), ("z2",)}


def test_english_skipped_between_the_sentences_of_one_row_stays_in_that_row():
    # zh-1 condenses en-10, en-11 and en-14 (a line or a curator's pin may take sentences
    # apart): en-12 and en-13 show once, folded inside the row, in the source's order.
    zh = CleanText("zh.txt", "zh", (zh_block(1, "第一段。"), zh_block(2, "第二段。")), ())
    en = CleanText("en.txt", "en", (en_block(1, "One.", "Two.", "Three.", "Four.", "Five.", "Six."),), ())
    links = (Link(("zh-1",), ("en-10", "en-11", "en-14"), 0.9), Link(("zh-2",), ("en-15",), 0.9))
    html = "\n".join(aligned_body(Article(META, zh, en, alignment=Alignment(links, (), ("en-12", "en-13")))))
    for k in range(6):
        assert html.count(f'id="en-1{k}"') == 1
    row = html[html.index('<div class="dz-row"'):html.index('id="zh-2"')]
    assert row.index('id="en-11"') < row.index('<details class="dz-omission dz-gap">') < row.index('id="en-12"') \
        < row.index('id="en-13"') < row.index("</details>") < row.index('id="en-14"')
    assert "2 sentences of the original not covered" in row
    assert '<details class="dz-row dz-omission"' not in html


def test_a_row_keeps_the_sources_list_items_and_paragraphs_apart():
    # A line renders "This would involve:" and three list items after it, two of them read in
    # one line, with a fourth folded between; each item stood in one run of text with the next
    # ("• using simulation … • fabricating those designs …").
    zh = CleanText("zh.txt", "zh", (zh_block(1, "第一段。"), zh_block(2, "第二段。")), ())
    en = CleanText("en.txt", "en", (en_block(1, "Here is the plan.", "This would involve:"), en_block(2, "• changing"),
                                    en_block(3, "• generating"), en_block(4, "• fabricating"), en_block(5, "• testing"),
                                    en_block(6, "Then more.")), ())
    links = (Link(("zh-1",), ("en-10", "en-11", "en-20", "en-30", "en-50"), 0.9), Link(("zh-2",), ("en-60",), 0.9))
    html = "\n".join(aligned_body(Article(META, zh, en, alignment=Alignment(links, (), ("en-40",)))))
    row = html[html.index('<div class="dz-row"'):html.index('id="zh-2"')]
    paragraphs = re.findall(r'<p class="dz-en">(.*?)</p>', row)
    assert [re.findall(r'id="(en-\d+)"', p) for p in paragraphs] == [["en-10", "en-11"], ["en-20"], ["en-30"],
                                                                      ["en-40"], ["en-50"]]


def test_a_row_going_on_with_a_paragraph_of_the_source_is_marked_as_such():
    # The English-only view sets such a row without a gap: the original reads in its own
    # paragraphs, not in the summary's.
    a = article([Link(("zh-1",), ("en-10",), 0.9), Link(("zh-2",), ("en-11",), 0.9), Link(("zh-3",), ("en-20",), 0.9)])
    html = "\n".join(aligned_body(a))
    rows = {m.group(2): "dz-cont" in m.group(1).split() for m in re.finditer(r'<div class="(dz-row[^"]*)"[^>]*><div class="dz-row-zh"><p id="(zh-\d)"', html)}
    assert rows == {"zh-1": False, "zh-2": True, "zh-3": False}


def test_a_list_items_bullet_stands_before_its_first_sentence_only():
    # "• OpenAI launched the RFT API. I think my take … holds up." is one item of two sentences:
    # one bullet, in a row and in a skipped passage alike.
    def item(i: int, *texts: str) -> Block:
        return Block(id=f"b{i}", kind="item", text=" ".join(texts), lines=(i,),
                     sentences=tuple(Sentence(f"en-{i}{j}", t, i) for j, t in enumerate(texts)))
    zh = CleanText("zh.txt", "zh", (zh_block(1, "第一段。"),), ())
    en = CleanText("en.txt", "en", (item(1, "Launched.", "My take holds."), item(2, "Speaking.", "Topics:")), ())
    html = "\n".join(aligned_body(Article(META, zh, en, alignment=Alignment(
        (Link(("zh-1",), ("en-10", "en-11"), 0.9),), (), ("en-20", "en-21")))))
    kinds = dict(re.findall(r'id="(en-\d+)" class="dz-s dz-s-([a-z-]+)"', html))
    assert kinds == {"en-10": "item", "en-11": "item-more", "en-20": "item", "en-21": "item-more"}


def test_english_skipped_between_the_sentences_of_a_heading_is_shown_after_it():
    # A curator pins a heading to the source's heading and to a sentence further on.
    zh = CleanText("zh.txt", "zh", (zh_block(1, "标题", "heading"), zh_block(2, "第二段。")), ())
    heading = Block(id="b0", kind="heading", text="Title", lines=(1,), sentences=(Sentence("en-00", "Title", 1),))
    en = CleanText("en.txt", "en", (heading, en_block(1, "One.", "Two.", "Three."), en_block(2, "Four.")), ())
    links = (Link(("zh-1",), ("en-00", "en-12"), 1.0, True, True), Link(("zh-2",), ("en-20",), 0.9))
    html = "\n".join(aligned_body(Article(META, zh, en, alignment=Alignment(links, (), ("en-10", "en-11")))))
    for anchor in ("en-00", "en-10", "en-11", "en-12", "en-20"):
        assert html.count(f'id="{anchor}"') == 1
    assert html.index('{#zh-1') < html.index('id="en-10"') < html.index('id="zh-2"')


def test_linked_elements_point_at_each_other():
    html = "\n".join(aligned_body(article([Link(("zh-1",), ("en-10", "en-11"), 0.9)])))
    assert 'id="zh-1" class="dz-zh dz-paragraph" data-en="en-10 en-11"' in html
    assert 'id="en-10" class="dz-s dz-s-paragraph" data-zh="zh-1"' in html


def test_source_text_is_escaped_in_both_languages():
    html = "\n".join(aligned_body(article([Link(("zh-3",), ("en-20",), 0.9)])))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Last one &amp; &lt;b&gt;." in html


def test_web_addresses_in_either_text_are_links_and_nothing_else_is():
    zh = CleanText("zh.txt", "zh", (zh_block(1, "参考资料：https://www.interconnects.ai/p/my-path-into-ai。"),
                                    zh_block(2, "javascript:alert(1) 与 ftp://x.org"),
                                    zh_block(3, "见https://zh.wikipedia.org/wiki/强化学习，或https://x.org/a这篇")), ())
    en = CleanText("en.txt", "en", (en_block(1, "See https://arxiv.org/abs/2403.13787.", "Or <https://x.org/?a=1&b=2>."),), ())
    a = Article(META, zh, en, alignment=Alignment((Link(("zh-1",), ("en-10",), 0.9),), ("zh-2", "zh-3"), ("en-11",)))
    html = "\n".join(aligned_body(a))
    link = '<a href="https://www.interconnects.ai/p/my-path-into-ai" rel="noopener">https://www.interconnects.ai/p/my-path-into-ai</a>。'
    assert html.count(link) == 2  # in both scripts
    assert '<a href="https://arxiv.org/abs/2403.13787" rel="noopener">https://arxiv.org/abs/2403.13787</a>.' in html
    assert '&lt;<a href="https://x.org/?a=1&amp;b=2" rel="noopener">https://x.org/?a=1&amp;b=2</a>&gt;.' in html
    # Chinese that opens a path segment belongs to the address; Chinese glued to its end does not.
    wiki = '<a href="https://zh.wikipedia.org/wiki/强化学习" rel="noopener">https://zh.wikipedia.org/wiki/强化学习</a>，'
    assert html.count(wiki) == 2 and '<a href="https://x.org/a" rel="noopener">https://x.org/a</a>这篇' in html
    assert html.count("<a href=") == 4 + 2 + 2  # and no other: javascript: and ftp: stay text


def test_chinese_is_in_both_scripts_with_language_tags():
    html = "\n".join(aligned_body(article([Link(("zh-1",), ("en-10",), 0.9)])))
    assert '<span class="dz-hans" lang="zh-Hans">飞轮开始转动。</span><span class="dz-hant" lang="zh-Hant">飛輪开始转动。</span>' in html
    assert '<div class="dz-row-en" lang="en">' in html


def test_coverage_counts_sentences_and_additions():
    panel = coverage_panel(article([Link(("zh-1",), ("en-10",), 0.9)], additions=("zh-2", "zh-3"), omissions=("en-11", "en-20")))
    assert "（1/3）" in panel and "（2/3）" in panel
    assert panel.count("dz-cell dz-covered\" href") == 1 and panel.count("dz-cell dz-skip\" href") == 2


def test_the_panel_says_when_the_texts_are_too_short_to_judge():
    sure = article([Link(("zh-1",), ("en-10",), 0.9)])
    unsure = replace(sure, alignment=replace(sure.alignment, unsure="only 1 clear match"))
    assert "dz-unsure" not in coverage_panel(sure)
    panel = coverage_panel(unsure)
    assert "Too few clear matches to be sure the English is the summary’s source" in panel
    assert "无法确认英文就是摘要的原文" in panel and "無法確認英文就是摘要的原文" in panel


def test_a_heading_cut_into_two_sentences_is_still_one_heading():
    # "Part 2. What changed" split as two sentences read "另有 2 个小标题" and drew two bars.
    cut = Block(id="b2", kind="heading", text="Part 2. What changed", lines=(2,),
                sentences=(Sentence("en-20", "Part 2.", 2), Sentence("en-21", "What changed", 2)))
    zh = CleanText("zh.txt", "zh", (zh_block(1, "第一段。"), zh_block(2, "第二段。")), ())
    en = CleanText("en.txt", "en", (en_block(1, "One."), cut, en_block(3, "Skipped."), en_block(4, "Two.")), ())
    a = Article(META, zh, en, alignment=Alignment((Link(("zh-1",), ("en-10",), 0.9), Link(("zh-2",), ("en-40",), 0.9)),
                                                  (), ("en-20", "en-21", "en-30")))
    labels = re.findall(r'<summary data-search-exclude="label">(.*?)</summary>', "\n".join(aligned_body(a)))
    assert len(labels) == 1 and "另有 1 个小标题" in labels[0] and "and a heading it does not use" in labels[0]
    cells = re.findall(r'class="dz-cell ([\w-]+)" href', coverage_panel(a))
    assert cells == ["dz-covered", "dz-heading-cell", "dz-skip", "dz-covered"]


def test_a_heading_of_the_original_is_not_counted_as_a_skipped_sentence():
    # The summary skips the heading "Building Momentum" alone, and later a heading with a sentence.
    def heading(i: int, text: str) -> Block:
        return Block(id=f"b{i}", kind="heading", text=text, lines=(i,), sentences=(Sentence(f"en-{i}0", text, i),))
    zh = CleanText("zh.txt", "zh", (zh_block(1, "第一段。"), zh_block(2, "第二段。")), ())
    en = CleanText("en.txt", "en", (en_block(1, "One."), heading(2, "Building Momentum"), en_block(3, "Two."),
                                    heading(4, "Keeping Gravity"), en_block(5, "Skipped."), en_block(6, "Three.")), ())
    a = Article(META, zh, en, alignment=Alignment((Link(("zh-1",), ("en-10",), 0.9), Link(("zh-2",), ("en-30",), 0.9)),
                                                  (), ("en-20", "en-40", "en-50", "en-60")))
    html = "\n".join(aligned_body(a))
    labels = re.findall(r'<summary data-search-exclude="label">(.*?)</summary>', html)
    assert len(labels) == 2
    assert "A heading of the original the summary does not use" in labels[0] and "句未被摘要" not in labels[0]
    # Keeping Gravity is shown and named, not counted as a sentence.
    assert "2 sentences of the original not covered by the summary, and a heading it does not use" in labels[1]
    assert "原文此处 2 句未被摘要，另有 1 个小标题未被采用" in labels[1]
    panel = coverage_panel(a)
    assert "（2/4）" in panel and "(2/4)" in panel
    # The map's colours count what the figures count: its headings are bars of their own.
    cells = re.findall(r'class="dz-cell ([\w-]+)" href', panel)
    assert (cells.count("dz-covered"), cells.count("dz-skip"), cells.count("dz-heading-cell")) == (2, 2, 2)


def test_a_publisher_note_is_marked_as_such_and_not_counted_as_an_addition():
    zh = CleanText("zh.txt", "zh", (zh_block(1, "飞轮开始转动。"), zh_block(2, "这是摘要自己的话。"),
                                    zh_block(3, "参考资料:"), zh_block(4, "https://www.interconnects.ai/p/x")), ())
    en = CleanText("en.txt", "en", (en_block(1, "The flywheel spins."),), ())
    a = Article(META, zh, en, alignment=Alignment((Link(("zh-1",), ("en-10",), 0.9),), ("zh-2", "zh-3", "zh-4"), ()))
    html = "\n".join(aligned_body(a))
    rows = {}
    for anchor in ("zh-2", "zh-3", "zh-4"):
        at = html.index(f'id="{anchor}"')
        rows[anchor] = html[html.rindex('<div class="dz-row ', 0, at):html.index("</div></div>", at)]
    assert 'class="dz-row dz-addition"' in rows["zh-2"] and "摘要自加" in rows["zh-2"]
    for note in ("zh-3", "zh-4"):
        assert 'class="dz-row dz-note"' in rows[note] and "The publisher’s note" in rows[note]
        assert "摘要自加" not in rows[note]
    # Notes that follow each other are one row under one flag, not a flag on every address.
    assert rows["zh-3"] == rows["zh-4"] and html.count("The publisher’s note") == 1
    panel = coverage_panel(a)
    assert "（1/2）" in panel and "(1/2)" in panel  # one addition among two paragraphs of summary
    # A line that looks like a note but renders the English is summary, and counted.
    linked = Article(META, zh, en, alignment=Alignment((Link(("zh-1", "zh-3"), ("en-10",), 0.9),), ("zh-2", "zh-4"), ()))
    assert "（1/3）" in coverage_panel(linked)


def test_article_without_source_says_so():
    a = Article(META, article([]).zh)
    page = article_page(a)
    assert "No English source yet" in page and "dz-row" not in page
    assert "curator" not in page and "en.txt" not in page  # words for the reader, not the curator


def test_an_article_without_source_marks_its_publishers_notes_too():
    # As in the aligned view: the header line naming the publisher (META's publisher is "P"),
    # its credits and references, one flag over each run of them; a sentence stays text.
    blocks = (zh_block(1, "P报道"), zh_block(2, "编辑：某某"), zh_block(3, "各大媒体报道"),
              zh_block(4, "正文第一段。"), zh_block(5, "参考原文：https://example.org/a"))
    page = article_page(Article(META, CleanText("zh.txt", "zh", blocks, ())))
    notes = re.findall(r'<p id="(zh-\d)" class="dz-zh dz-paragraph dz-note-line"', page)
    assert notes == ["zh-1", "zh-2", "zh-5"]
    assert page.count("The publisher’s note") == 2
    flags = [m.start() for m in re.finditer("The publisher’s note", page)]
    assert page.index('id="zh-1"') < flags[0] < page.index('id="zh-2"') and page.index('id="zh-5"') < flags[1]


def _note_between_paragraphs(note: str) -> tuple[str, str, str]:
    """An aligned article whose second of three paragraphs, ``note``, is unlinked: its page
    in Chinese only, the row holding the note, and the coverage panel."""
    blocks = (zh_block(1, "正文第一段。"), zh_block(2, note), zh_block(3, "正文第二段。"))
    page = article_page(Article(META, CleanText("zh.txt", "zh", blocks, ())))
    en = CleanText("en.txt", "en", (en_block(1, "The flywheel spins."),), ())
    a = Article(META, CleanText("zh.txt", "zh", blocks, ()), en,
                alignment=Alignment((Link(("zh-1",), ("en-10",), 0.9),), ("zh-2", "zh-3"), ()))
    html = "\n".join(aligned_body(a))
    row = html[html.rindex('<div class="dz-row ', 0, html.index('id="zh-2"')):]
    return page, row[:row.index("</div></div>")], coverage_panel(a)


def test_the_caption_of_an_image_the_copy_left_behind_is_marked_as_a_caption():
    # 左图：…；右图：… captions two images a text copy does not carry: neither the summary's
    # words nor an addition to the essay, in either view.
    page, row, panel = _note_between_paragraphs("左图：这是一张合影；右图：真实的合影")
    assert re.findall(r'<p id="(zh-\d)" class="dz-zh dz-paragraph dz-note-line"', page) == ["zh-2"]
    assert page.count("An image’s caption; the image is not reproduced") == 1 and "publisher’s note" not in page
    assert row.startswith('<div class="dz-row dz-note">') and "图注，原图未收录" in row
    assert "（1/2）" in panel  # the caption is not counted as an addition


def test_a_translators_note_is_marked_as_one_and_not_counted_as_an_addition():
    # A compiled translation's 译注 explains a word of the source; it renders none of it.
    page, row, panel = _note_between_paragraphs("译注：原文的 counsellor 大致对应心理师。")
    assert page.count("The translator’s or editor’s note") == 1 and "publisher’s note" not in page
    assert row.startswith('<div class="dz-row dz-note">') and "译者或编者附注" in row
    assert "（1/2）" in panel


def test_a_sentence_linked_twice_keeps_one_anchor():
    a = article([Link(("zh-1",), ("en-10",), 0.9), Link(("zh-3",), ("en-10",), 0.8)], additions=("zh-2",))
    html = "\n".join(aligned_body(a))
    assert html.count('id="en-10"') == 1 and "dz-s-again" in html


def test_a_link_from_a_heading_into_a_paragraph_shows_both():
    zh = CleanText("zh.txt", "zh", (zh_block(1, "第一篇论文", "heading"), zh_block(2, "转机在他挖出了一封旧邮件。")), ())
    en = CleanText("en.txt", "en", (en_block(1, "I dug up the first email."),), ())
    a = Article(META, zh, en, alignment=Alignment((Link(("zh-1", "zh-2"), ("en-10",), 0.8),)))
    html = "\n".join(aligned_body(a))
    assert "{#zh-1" in html and 'id="zh-2"' in html and 'id="en-10"' in html


def test_labels_follow_the_sites_traditional_variant():
    # OpenCC's Taiwan phrases write 链接 (link) as 連結; plain s2t keeps 鏈接.
    linked = article([Link(("zh-1",), ("en-10",), 0.2, False)], additions=("zh-2",), omissions=("en-11",))
    for variant, link_word in (("s2t", "鏈接"), ("s2twp", "連結")):
        deco = Decorations(traditional=variant)
        page = article_page(linked, deco)
        for label in ("中文發表", "對齊存疑", "摘要自加，原文無對應", "未表達"):
            assert f'lang="zh-Hant">{label}</span>' in page, (variant, label)
        no_source = article_page(Article(META, linked.zh), deco)
        assert f'lang="zh-Hant">原文{link_word}暫缺。</span>' in no_source


def test_paragraphs_sharing_a_sentence_are_marked_as_one_group():
    # Stacked on a phone or on paper, the group must still read as one row above its English.
    a = article([Link(("zh-1", "zh-2"), ("en-10",), 0.9), Link(("zh-3",), ("en-11",), 0.9)])
    rows = [line for line in aligned_body(a) if line.startswith("<div class=\"dz-row")]
    assert len(rows) == 2
    assert "dz-shared" in rows[0] and 'id="zh-1"' in rows[0] and 'id="zh-2"' in rows[0]
    assert "dz-shared" not in rows[1]


def test_code_keeps_its_empty_lines_and_its_box_in_rows_and_skipped_passages():
    # Lines 1, 2 and 4 of a fenced block (line 3 was empty; cleaning keeps no blank line).
    code = [Block(id=f"bc{n}", kind="code", text=text, lines=(n,), sentences=(Sentence(f"en-c{n}", text, n),))
            for n, text in ((1, "import os"), (2, "import re"), (4, "print(os.sep)"))]
    en = CleanText("en.txt", "en", (en_block(1, "The flywheel spins."), *code), ())
    zh = CleanText("zh.txt", "zh", (zh_block(1, "飞轮开始转动。"),), ())
    body = "\n".join(english_body(en))
    assert re.search(r'import re</span></p><p class="dz-code-gap"></p><p [^>]*><span id="en-c4"', body), body
    assert body.count("dz-code-gap") == 1
    lines = ("en-c1", "en-c2", "en-c4")
    for links, skipped in (((Link(("zh-1",), ("en-10", *lines), 0.9),), ()),  # in a row
                           ((Link(("zh-1",), ("en-10",), 0.9),), lines)):     # skipped
        rows = "\n".join(aligned_body(Article(META, zh, en, alignment=Alignment(links, (), skipped))))
        # One paragraph holds the three lines, so their boxes join into one; the line after the
        # empty one is set apart.
        assert re.search(r'<p class="dz-en"><span id="en-c1" class="dz-s dz-s-code"[^>]*>import os</span> '
                         r'<span id="en-c2" class="dz-s dz-s-code"[^>]*>import re</span> '
                         r'<span id="en-c4" class="dz-s dz-s-code-apart"[^>]*>print\(os.sep\)</span></p>', rows), rows


def test_code_from_a_markdown_original_keeps_its_spaces_in_a_box_of_its_own():
    # Lines of fenced code (kind "code") show as typed: one box in the English text, one line
    # each in a row, their indentation and markup characters intact.
    code = [Block(id=f"bc{k}", kind="code", text=text, lines=(k,), sentences=(Sentence(f"en-c{k}", text, k),))
            for k, text in enumerate(("def f(a,b):", "    return a<b"))]
    en = CleanText("en.txt", "en", (en_block(1, "The flywheel spins."), *code), ())
    zh = CleanText("zh.txt", "zh", (zh_block(1, "飞轮开始转动。"),), ())
    body = "\n".join(english_body(en))
    assert re.search(r'<div class="dz-code"><p [^>]*><span id="en-c0"[^>]*>def f\(a,b\):</span></p>'
                     r'<p [^>]*><span id="en-c1"[^>]*>    return a&lt;b</span></p></div>', body), body
    rows = "\n".join(aligned_body(Article(META, zh, en, alignment=Alignment(
        (Link(("zh-1",), ("en-10", "en-c0", "en-c1"), 0.9),), (), ()))))
    assert re.search(r'class="dz-s dz-s-code"[^>]*>    return a&lt;b<', rows), rows
