"""PDF=true writes one PDF of the companion; a real PDF reader (poppler) checks it.

What a reader of the PDF relies on: Chinese set in an embedded Simplified Chinese
font with no missing glyphs, every article's text present, an outline and a table of
contents whose page numbers are right, page numbers and running headers on the pages.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, mkdocs_build
from fontTools.ttLib import TTCollection

from duizhao.pdf import PDF_NAME, SiteFetcher, read_page

# Plain body sentences, one or more per article, that cleaning leaves as they are.
KNOWN_TEXT = {
    "felix-hill-weights-of-responsibility": ["他的AI圈好友无不表示悲痛和难过"],
    "john-schulman-interview": ["但是舒尔曼作为RLHF架构的核心设计者"],
    "nathan-lambert-path-into-ai": ["他还在特斯拉做过电池工程实习", "Plenty of undirected ambition."],
    "omar-khattab-research-impact": ["这是一个至关重要的思维", "其他的一切都基于此"],
}
CJK_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"   # Debian fonts-noto-cjk


def simplified_face(collection: str) -> int:
    """Index of the Simplified Chinese face in a Noto CJK collection."""
    faces = TTCollection(collection, lazy=True)
    return next(i for i, face in enumerate(faces) if face["name"].getDebugName(1).endswith("CJK SC"))


def titles() -> dict[str, str]:
    return {slug: yaml.safe_load((ROOT / "translations" / slug / "meta.yml").read_text(encoding="utf-8"))["title_zh"]
            for slug in KNOWN_TEXT}


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    """PDF text without line breaks, hyphenation breaks or spaces (CJK has none to compare)."""
    return re.sub(r"\s+", "", re.sub(r"-\n", "", text))


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("pdf-site")
    result = mkdocs_build(ROOT, site, {"PDF": "true"})
    assert result.returncode == 0, result.stderr
    assert "refused" not in result.stderr
    return site / PDF_NAME


@pytest.fixture(scope="module")
def text(pdf) -> str:
    return run("pdftotext", "-enc", "UTF-8", str(pdf), "-")


@pytest.fixture(scope="module")
def outline(pdf) -> list[tuple[int, str, int]]:
    """The PDF outline as (depth, label, page), read with poppler's pdftohtml."""
    root = ET.fromstring(run("pdftohtml", "-xml", "-i", "-q", "-stdout", str(pdf)))
    entries = []

    def walk(node, depth):
        for child in node:
            if child.tag == "item":
                entries.append((depth, "".join(child.itertext()).strip(), int(child.get("page"))))
            elif child.tag == "outline":
                walk(child, depth + 1)

    walk(root.find("outline"), 1)
    return entries


def test_no_pdf_unless_asked(built_site):
    assert not (built_site / PDF_NAME).exists()


def test_every_font_is_embedded_and_chinese_is_simplified(pdf):
    rows = run("pdffonts", str(pdf)).splitlines()[2:]
    assert rows
    for row in rows:
        assert re.search(r"\byes\s+yes\s+yes\s+\d+", row), f"font not embedded: {row}"
    names = [row.split()[0] for row in rows]
    assert any("CJK-SC" in name for name in names), names
    # Not the Japanese (JP), Korean (KR) or Traditional (TC, HK) faces of the same fonts.
    assert not [name for name in names if re.search(r"CJK-(JP|KR|TC|HK)|CJKjp|CJKkr", name)], names


def test_no_glyph_is_missing(text):
    """Every character in the PDF exists in the Simplified Chinese face the book names."""
    cmap = TTCollection(CJK_SERIF, lazy=True)[simplified_face(CJK_SERIF)].getBestCmap()
    missing = sorted({c for c in text if not c.isspace() and ord(c) not in cmap})
    assert missing == [], missing


def test_every_article_text_is_in_the_pdf(text):
    flat = squeeze(text)
    for slug, sentences in KNOWN_TEXT.items():
        for sentence in sentences:
            assert squeeze(sentence) in flat, (slug, sentence)


def test_paper_shows_one_script(text):
    # The screen shows a Traditional duplicate of every Chinese paragraph; paper does not.
    assert "他还在特斯拉做过电池工程实习" in squeeze(text)
    assert "他還在特斯拉做過電池工程實習" not in squeeze(text)


def part_page(outline, title: str) -> int:
    """First page of a top-level entry of the outline (a part, or the reading guide)."""
    return next(page for depth, label, page in outline if depth == 1 and label == title)


def section(outline, title):
    """The depth-2 entries of the outline under the depth-1 entry ``title``."""
    entries, inside = [], False
    for depth, label, page in outline:
        if depth == 1:
            inside = label == title
        elif depth == 2 and inside:
            entries.append((label, page))
    return entries


def test_outline_has_every_article_in_order(outline):
    labels = [label for _, label, _ in outline]
    assert "目录 Contents" in labels
    article_entries = section(outline, "文章 Articles")
    assert [label for label, _ in article_entries] == [titles()[slug] for slug in sorted(KNOWN_TEXT)]
    pages = [page for _, page in article_entries]
    assert pages == sorted(pages) and len(set(pages)) == len(pages) and pages[0] > 2


def theme_titles() -> list[str]:
    themes = yaml.safe_load((ROOT / "translations" / "themes.yml").read_text(encoding="utf-8"))
    return [f"{t['name_zh']} {t['name_en']}" for t in themes]


def test_contents_page_numbers_match_the_outline(pdf, outline):
    contents = run("pdftotext", "-enc", "UTF-8", "-f", "2", "-l", "2", str(pdf), "-")
    # The contents list the parts, the articles and the theme pages (not the headings inside pages).
    listed = [(label, page) for depth, label, page in outline if depth == 1 and label != "目录 Contents"]
    listed += section(outline, "文章 Articles")
    listed += [(label, page) for label, page in section(outline, "主题 Themes") if label in theme_titles()]
    assert len(listed) == 4 + 1 + len(KNOWN_TEXT) + len(theme_titles()), listed  # guide, 4 parts, pages
    for label, page in listed:
        # The title (which may wrap), a dotted leader, then the page number at the end of a line.
        title = r"\s*".join(re.escape(c) for c in squeeze(label))
        match = re.search(title + r"[\s.]*?(\d+)[ \t]*$", contents, re.MULTILINE)
        assert match and int(match.group(1)) == page, (label, page)
    # Each theme's description whole (the open-source one was cut before its list of projects).
    themes = yaml.safe_load((ROOT / "translations" / "themes.yml").read_text(encoding="utf-8"))
    assert all(squeeze(theme["description_en"]) in squeeze(contents) for theme in themes)


def test_a_part_that_opens_with_its_own_index_page_is_listed_once(outline):
    labels = [label for _, label, _ in outline]
    assert labels.count("主题 Themes") == 1 and labels.count("术语表 Glossary") == 1, labels


def test_article_pages_have_running_header_and_number(pdf, outline):
    first_title, first = next((label, page) for depth, label, page in outline if depth == 2)
    for number in (first, first + 1):
        lines = [line for line in run("pdftotext", "-enc", "UTF-8", "-layout", "-f", str(number), "-l", str(number),
                                      str(pdf), "-").splitlines() if line.strip()]
        assert lines[0].startswith("对照 duizhao"), lines[0]
        assert len(lines[0].split()) > 2, "the running header names the article"
        # The first article's page opens with the part's title, which names no chapter.
        assert lines[0].split(maxsplit=2)[2].strip() == first_title, lines[0]
        assert lines[-1].strip() == str(number)


# ---- Assembling the book from built pages (no PDF rendering needed) ----

PAGE = """<!doctype html><html><head><meta name="description" content="My path into AI"></head><body>
<article class="md-content__inner md-typeset">
<h1 id="top"><span class="dz-hans" lang="zh-Hans">飞轮</span><span class="dz-hant" lang="zh-Hant">飛輪</span><a class="headerlink" href="#top">¶</a></h1>
<p id="zh-1" class="dz-zh">见<a href="../other/#zh-2">另一篇</a>和<a href="#en-1">原文</a>，<a href="../../report/">清洗报告</a>，<a href="https://example.org/">原站</a>。</p>
</article></body></html>"""


def test_read_page_makes_ids_unique_and_links_internal(tmp_path):
    (tmp_path / "articles" / "this").mkdir(parents=True)
    (tmp_path / "articles" / "this" / "index.html").write_text(PAGE, encoding="utf-8")
    keys = {"articles/this/index.html": "p1", "articles/other/index.html": "p2"}
    page = read_page(tmp_path, "articles/this/index.html", keys)
    assert page.title == "飞轮" and page.subtitle == "My path into AI"
    assert 'id="p1-top"' in page.body and 'id="p1-zh-1"' in page.body
    assert 'href="#p2-zh-2"' in page.body and 'href="#p1-en-1"' in page.body
    assert 'href="https://example.org/"' in page.body
    assert "<span>清洗报告</span>" in page.body      # a page the book does not hold: words only
    assert "飛輪" not in page.body and "¶" not in page.body
    assert "，" in page.body and "。" in page.body   # text after removed links is kept


def test_fetcher_reads_only_files_inside_the_site(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "print.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    fetcher = SiteFetcher(site)
    fetcher((site / "assets" / "print.css").as_uri()).close()
    fetcher("data:text/plain,x").close()
    for address in ("https://example.org/font.woff2", (tmp_path / "secret.txt").as_uri()):
        with pytest.raises(ValueError):
            fetcher(address)
    assert fetcher.refused == ["https://example.org/font.woff2", (tmp_path / "secret.txt").as_uri()]


def test_outline_has_theme_pages_and_glossary(outline):
    themes = [label for label, _ in section(outline, "主题 Themes")]
    assert any("飞轮" in label for label in themes) and any("心理健康" in label for label in themes), themes
    assert section(outline, "术语表 Glossary"), [label for _, label, _ in outline]


def test_a_reading_guide_explains_the_markings_before_the_articles(pdf, outline):
    guide = part_page(outline, "阅读说明 How to read this book")
    assert guide < section(outline, "文章 Articles")[0][1]
    page = squeeze(run("pdftotext", "-enc", "UTF-8", "-f", str(guide), "-l", str(guide), str(pdf), "-"))
    for marking in ("对齐存疑", "编辑指定", "摘要自加，原文无对应", "原文此处1句未被摘要", "原文小标题", "→p.19"):
        assert marking in page, marking
    assert section(outline, "文章 Articles")[0][1] == guide + 1  # one page: it spilled a few lines over
    # …and it says where the book tells how far to trust the alignment: its last part.
    about = part_page(outline, "关于对照 About duizhao")
    assert about == max(page for _, _, page in outline)
    assert f"「关于对照」(p.{about})" in page


def test_theme_passages_give_the_page_of_their_paragraph(pdf, outline):
    # Paper has no links to follow: "Read in context" carries the page number of the paragraph.
    articles = section(outline, "文章 Articles")
    themes = part_page(outline, "主题 Themes")
    glossary = part_page(outline, "术语表 Glossary")
    pages = run("pdftotext", "-enc", "UTF-8", "-f", str(themes), "-l", str(glossary - 1), str(pdf), "-")
    # Not squeezed: the next passage may open with a figure ("p. 34" then "4月…").
    targets = [int(n) for n in re.findall(r"Read\s*in\s*context\s*→\s*p\.\s*(\d+)(?!\S)", pages)]
    assert len(targets) > 20
    assert all(articles[0][1] <= n < themes for n in targets), targets


def test_glossary_gives_the_pages_a_term_occurs_on_each_once(pdf, outline):
    # Paper has no links: each group of places gives its pages, each once and in order. A
    # term used five times in one article read "p. 23 p. 23 p. 23 p. 24 p. 24", and later
    # "p. 23（另4处 · 4 more）", which hid p. 24.
    articles = section(outline, "文章 Articles")
    themes = part_page(outline, "主题 Themes")
    glossary = part_page(outline, "术语表 Glossary")
    about = part_page(outline, "关于对照 About duizhao")
    entries = run("pdftotext", "-enc", "UTF-8", "-f", str(glossary), "-l", str(about - 1), str(pdf), "-")
    terms = yaml.safe_load((ROOT / "translations" / "glossary.yml").read_text(encoding="utf-8"))
    headings = [squeeze(term["zh"] if term["zh"] == term["en"] else f"{term['zh']} {term['en']}") for term in terms]
    starts = [re.search(r"\s*".join(map(re.escape, heading)), entries).start() for heading in headings]
    assert starts == sorted(starts)
    page_text = {}
    checked = 0
    for term, start, end in zip(terms, starts, [*starts[1:], len(entries)]):
        groups = [re.sub(r"\s+", "", group) for group in
                  re.findall(r"(?:中文|English):\s*pp?\.\s*(\d+(?:,\s*\d+)*)", entries[start:end])]
        forms = [squeeze(form).lower() for form in (term["zh"], term["en"], *term.get("also", []))]
        for group in groups:
            pages = [int(n) for n in group.split(",")]
            assert pages == sorted(set(pages)), (term["id"], pages)
            for page in pages:
                assert articles[0][1] <= page < themes, (term["id"], page)
                # The place is a paragraph or sentence starting on that page; the term may
                # stand after a page break inside it.
                for number in (page, page + 1):
                    if number not in page_text:
                        page_text[number] = squeeze(run("pdftotext", "-enc", "UTF-8", "-f", str(number), "-l",
                                                        str(number), str(pdf), "-")).lower()
                assert any(form in page_text[page] + page_text[page + 1] for form in forms), (term["id"], page)
                checked += 1
    assert checked > 20 and re.search(r"pp\.\s*\d+,\s*\d+", entries)
    assert not re.search(r"p\.\s*\d+\s*p\.", entries)


def test_a_sentence_printed_again_under_a_later_paragraph_is_marked_as_a_repeat(pdf, outline):
    # On screen a repeated sentence is greyed with "↑" and a tooltip; paper has no tooltip, and
    # an unmarked copy reads as a sentence the original says twice.
    articles = section(outline, "文章 Articles")
    themes = part_page(outline, "主题 Themes")
    repeats = sum(page.read_text(encoding="utf-8").count("dz-s-again")
                  for page in (pdf.parent / "articles").glob("*/index.html"))
    printed = run("pdftotext", "-enc", "UTF-8", "-f", str(articles[0][1]), "-l", str(themes - 1), str(pdf), "-")
    assert repeats > 3 and printed.count("↑") == repeats
    guide = run("pdftotext", "-enc", "UTF-8", "-f", str(part_page(outline, "阅读说明 How to read this book")),
                "-l", str(articles[0][1] - 1), str(pdf), "-")
    assert "↑" in guide and "repeated" in guide


def test_the_cover_is_printed_to_the_edges(pdf, tmp_path):
    # The body's default margin framed the cover in white on three sides.
    subprocess.run(["pdftoppm", "-r", "20", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "cover")], check=True)
    image = next(tmp_path.glob("cover*.ppm")).read_bytes()
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", image)
    width, height = int(header.group(1)), int(header.group(2))
    pixels = image[header.end():]

    def colour(x: int, y: int) -> bytes:
        return pixels[3 * (y * width + x):3 * (y * width + x) + 3]

    ground = colour(width // 2, height - 3)
    assert ground != b"\xff\xff\xff"
    # A pixel in from each corner: the last row and column may lie partly off the page.
    assert [colour(x, y) for x, y in ((1, 1), (width - 2, 1), (1, height - 2), (width - 2, height - 2))] == [ground] * 4


def test_paragraphs_printed_as_one_block_are_not_split_across_pages(pdf):
    # The publisher's notes at an article's end stay with their flag (a page held only the
    # last note and its flag), and paragraphs sharing one English sentence stay together in
    # their tinted block (a page ended with the first of two, its English on the next page).
    pages = run("pdftotext", "-enc", "UTF-8", str(pdf), "-").split("\f")
    flagged = [squeeze(page) for page in pages if "文章来自公众号" in page]
    assert flagged and all("参考资料" in page and "出版方附注" in page for page in flagged), flagged
    pair = ("这条路很清楚：一旦你突破了第一道门槛，后面就会顺一点", "前提是你一直踩着油门往前冲")
    assert [page for page in map(squeeze, pages) if (pair[0] in page) != (pair[1] in page)] == []


def test_a_publisher_note_is_flagged_before_it_in_every_article(pdf):
    # The flag names what follows it: in an article printed without English it opens the
    # notes' line, and an aligned article's note row once printed it after the note instead.
    text = squeeze(run("pdftotext", "-enc", "UTF-8", str(pdf), "-"))
    flag = "出版方附注，不属摘要正文"
    for note in ("论文链接：https://arxiv.org/abs/1901.03737", "参考资料：", "新智元报道", "机器之心编译"):
        at = text.index(note)
        assert flag in text[at - 80:at] and flag not in text[at:at + len(note) + 40], note


def test_the_themes_page_gives_page_numbers_and_no_pointer_to_the_website_only_report(pdf, outline):
    # On paper a link is no way to a page: each theme and the glossary carry their page
    # number, as other cross-references do; the cleaning report is not in the book, so the
    # words pointing to it are left out.
    first = part_page(outline, "主题 Themes")
    themes = [(label, number) for label, number in section(outline, "主题 Themes") if number > first]  # not its own headings
    assert len(themes) >= 4, themes
    page = squeeze(run("pdftotext", "-enc", "UTF-8", "-f", str(first), "-l", str(first), str(pdf), "-"))
    for label, number in themes:
        english = label.split(" ", 1)[1] if " " in label else label
        assert squeeze(f"{english} (p. {number})") in page, (label, number)
    glossary = part_page(outline, "术语表 Glossary")
    assert squeeze(f"Glossary (p. {glossary})") in page
    assert "清洗报告" not in page and "cleaningreport" not in page.lower()


def test_english_the_summary_leaves_out_is_grey_and_flows_on(pdf, outline):
    # The guide says skipped English is printed in grey: its paragraphs set their own colour,
    # which the passage's grey did not reach. A long skipped passage (18 sentences after the
    # first heading of the Lambert article) went whole to the next page, leaving half of the
    # article's first page empty.
    start = next(page for label, page in section(outline, "文章 Articles") if label.startswith("顶会0篇"))
    xml = run("pdftohtml", "-xml", "-i", "-q", "-stdout", "-f", str(start), "-l", str(start), str(pdf))
    colours = dict(re.findall(r'<fontspec id="(\d+)"[^>]*color="(#[0-9a-f]{6})"', xml))
    fonts = dict((text, font) for font, text in re.findall(r'font="(\d+)">([^<]*)<', xml))
    skipped, aligned = "Some longer housekeeping notes this week:", "I finished my Ph.D. in AI with no accepted papers"
    assert skipped in fonts, "the skipped passage no longer starts on the article's first page"
    aligned_font = next(font for text, font in fonts.items() if text.startswith(aligned))
    assert colours[fonts[skipped]] == "#777777" and colours[aligned_font] == "#333333"


def test_a_text_received_in_traditional_says_it_is_printed_in_simplified(text):
    assert "繁体（本书以简体排印）Traditional(printedinSimplified)" in squeeze(text)
    assert "shownin" not in squeeze(text)  # the screen's words stay on the screen


def test_a_theme_follows_the_one_before_it_on_the_same_page(pdf, outline):
    # Each theme started a page of its own, leaving the page before it holding one quotation.
    first = part_page(outline, "主题 Themes")
    themes = [(label, number) for label, number in section(outline, "主题 Themes") if number > first]
    assert len(themes) >= 4, themes
    for (previous, _), (label, number) in zip(themes, themes[1:]):
        page = squeeze(run("pdftotext", "-enc", "UTF-8", "-f", str(number), "-l", str(number), str(pdf), "-"))
        # The running header names the theme the page starts in, not the one opening below.
        header = "对照duizhao" + squeeze(previous)
        assert page.startswith(header), (label, page[:60])
        before = page[len(header):page.index(squeeze(label))]
        assert "→p." in before, (label, before[:80])  # a passage of the theme before it ends there


def test_no_line_ends_on_a_separator_or_a_page_abbreviation(pdf, outline):
    # "· English: pp." closed a glossary line with its page numbers on the next, and a
    # theme's source line ended on its "·" (and, mended, began with one). In the articles
    # a line may begin with "·": the English uses it as a list bullet.
    lines = run("pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-").splitlines()
    assert [line for line in lines if re.search(r"(·|\bpp?\.)\s*$", line)] == []
    first, about = part_page(outline, "主题 Themes"), part_page(outline, "关于对照 About duizhao")
    lists = run("pdftotext", "-enc", "UTF-8", "-layout", "-f", str(first), "-l", str(about - 1), str(pdf), "-")
    assert [line for line in lists.splitlines() if re.match(r"\s*·", line)] == []


def test_an_article_title_breaks_after_its_punctuation(pdf, outline):
    # A title broke wherever its line ended: "…院士都说" above a lone "好", "…的巨" above "大压力".
    for label, number in section(outline, "文章 Articles"):
        text = run("pdftotext", "-enc", "UTF-8", "-layout", "-f", str(number), "-l", str(number), str(pdf), "-")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        start = next(k for k, line in enumerate(lines) if label.startswith(line[:4]) and k > 0)
        title, held = [], ""
        for line in lines[start:]:
            if squeeze(held + line) not in squeeze(label):
                break
            title.append(line)
            held += line
        assert squeeze(held) == squeeze(label), (label, title)
        assert all(line[-1] in "，！？：；、" for line in title[:-1]), title
