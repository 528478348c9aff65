"""Article pages and the article list, as Markdown for MkDocs.

Paragraphs are emitted as raw HTML blocks (which Markdown leaves alone) and headings
as Markdown headings with escaped text (so they reach the table of contents).

Every Chinese text is emitted in both scripts (``.dz-hans`` / ``.dz-hant``); the
reader's script toggle only switches which one is shown, so it needs no download.
"""

from __future__ import annotations

import html

from .markup import (PLAIN, Decorations, addition_flag, h, link, md_text, permalink, with_headings, zh_heading,
                     zh_html, zh_text)
from .script import DEFAULT_TRADITIONAL
from .model import Article, Corpus
from .notes import is_publisher_note
from .render_rows import aligned_body, coverage_panel, english_body

ARTICLE_DIR = "articles"


def article_path(slug: str) -> str:
    """Where an article page lives in the site, as a docs-relative Markdown path."""
    return f"{ARTICLE_DIR}/{slug}.md"


def article_page(article: Article, deco: Decorations = PLAIN) -> str:
    """The Markdown of one article page."""
    meta = article.meta
    parts = [
        "---",
        # The theme writes both into the page as they are: a "<" in a title broke every page's
        # navigation, a quote the description's attribute.
        f"title: {_yaml_string(html.escape(meta.title_zh, quote=False))}",
        f"description: {_yaml_string(html.escape(meta.title_en, quote=True))}",
        "---",
        "",
        f'# <span class="dz-hans" lang="zh-Hans">{md_text(meta.title_zh)}</span>'
        f'<span class="dz-hant" lang="zh-Hant">{md_text(article.title_traditional)}</span>'
        # The English view reads the original whole, under its own title (the search knows it
        # from the page's description already); a page with no English yet is named so there too.
        + f'<span class="dz-title-en" lang="en" data-search-exclude>{h(meta.title_en)}</span>'
        + " {#top}",  # an address of its own: one made from the title's two scripts read "#0rlhfai0rlhfai…"
        "",
        _header(article, deco),
        "",
    ]
    if article.en and article.alignment:
        parts += [coverage_panel(article, deco), "", *aligned_body(article, deco)]
    elif article.en:
        parts += [*_chinese_only(article, deco), "## 英文原文 <small lang=\"en\">English original</small> {#en}", "",
                  *english_body(article.en)]
    else:  # say so before the reader looks for the English beside the Chinese
        parts += [_no_source_note(article, deco), "", *_chinese_only(article, deco)]
    return "\n".join(parts)


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _header(article: Article, deco: Decorations) -> str:
    meta = article.meta
    rows = [
        ("英文标题", "Title", f'<span lang="en">{h(meta.title_en)}</span>'),
        ("原文作者", "Author", f'<span lang="en">{h(meta.author)}</span>'),
        ("中文发表", "Published in Chinese by", deco.zh(meta.publisher)),
    ]
    if meta.date:
        rows.append(("日期", "Date", h(meta.date)))
    if meta.original_url:
        rows.append(("原文", "Original", link(meta.original_url)))
    if meta.zh_url:
        rows.append(("中文原文", "Chinese article", link(meta.zh_url)))
    script_zh, script_en = {"hans": ("简体", "Simplified"),
                            "hant": ("繁体", 'Traditional<span class="dz-screen"> (shown in Simplified by default)</span>'
                                             '<span class="dz-print" data-search-exclude> (printed in Simplified)</span>')}[meta.script]
    # The book is set in Simplified throughout: a text received in Traditional says so there
    # (a ``small``: the search's exclusion ends at the first closing tag of its own name).
    printed = (f'<small class="dz-print" data-search-exclude>{deco.zh("（本书以简体排印）")}</small>'
               if meta.script == "hant" else "")
    rows.append(("收到的文字", "Received in", f'{deco.zh(script_zh)}{printed} <span lang="en">{script_en}</span>'))
    # The labels are ours, not the article's: kept out of the search index, where they opened the
    # snippet of every search hit on the page's first section. Spaces between the cells keep
    # the values apart there ("My path into AI Nathan Lambert").
    cells = " ".join(f'<dt data-search-exclude>{deco.zh(zh)} <small lang="en">{en}</small></dt> <dd>{value}</dd>'
                     for zh, en, value in rows)
    return f'<dl class="dz-meta">{cells}</dl>'


def _chinese_only(article: Article, deco: Decorations) -> list[str]:
    # The publisher's notes (新智元报道, 编辑：…, 参考原文：…) are marked as in the aligned view:
    # one flag over each run of them.
    publisher = article.meta.publisher
    notes = {b.id for b in article.zh.blocks if b.kind != "heading" and is_publisher_note(b.text, publisher)}
    previous = {b.id: a.id for a, b in zip(article.zh.blocks, article.zh.blocks[1:])}

    def paragraph(block, tag):
        kind, label = f"dz-{block.kind}", ""
        if block.id in notes:
            kind += " dz-note-line"
            if previous.get(block.id) not in notes:
                label = addition_flag(deco.zh, block.text, publisher) + " "
        return (f'<{tag} id="{block.id}" class="dz-zh {kind}">{label}{zh_html(block, deco)}'
                f'{deco.badges(article.meta.slug, block.id)}{permalink(block.id)}</{tag}>')

    return with_headings(article.zh.blocks, zh_heading, paragraph)


def _no_source_note(article: Article, deco: Decorations) -> str:
    where = (f"{deco.zh('请阅读原文：')}{link(article.meta.original_url)}" if article.meta.original_url
             else deco.zh("原文链接暂缺。"))
    return (
        f'<div class="admonition note dz-nosource"><p class="admonition-title">{deco.zh("没有英文原文")} '
        '<span lang="en">No English source yet</span></p>'
        f"<p>{deco.zh('本文的英文原文尚未收录，因此没有逐段对照。')}{where}</p>"
        # Words for the reader: how a curator adds the source is on the "Adding an article" page.
        '<p lang="en">The English original is not in the collection yet, so there is no side-by-side view'
        f"{': ' + link(article.meta.original_url) if article.meta.original_url else '. No link to it yet.'}</p></div>"
    )


def article_list(corpus: Corpus, traditional: str = DEFAULT_TRADITIONAL) -> str:
    """The home page's list of articles (Markdown, so MkDocs resolves and checks the links)."""
    rows = []
    for article in corpus.articles:
        meta = article.meta
        # On a phone the line breaks after a "·", never inside a name or a label ("新智/元").
        source = (f"{zh_text('中英对照', traditional)} <small lang=\"en\">with English source</small>" if article.en
                  else f"{zh_text('仅中文', traditional)} <small lang=\"en\">Chinese only</small>")
        source = f'<span class="dz-nowrap">{source}</span>'
        rows += [
            f"- [**{md_text(meta.title_zh)}**]({article_path(meta.slug)})  ",
            f"  <span lang=\"en\">{h(meta.title_en)}</span>  ",
            f"  <small><span class=\"dz-nowrap\" lang=\"en\">{h(meta.author)}</span>\u00a0· "
            f"<span class=\"dz-nowrap\">{h(meta.publisher)}</span>\u00a0· {source}</small>",
        ]
    return "\n".join(rows) + "\n"
