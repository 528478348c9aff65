"""Pages as Markdown for MkDocs: article pages, the article list, the cleaning report.

All source text is escaped here and nowhere else: text from a summary is data, so
``<script>``, ``[x](javascript:…)`` or ``{% %}`` in it must show as text. Paragraphs
are emitted as raw HTML blocks (which Markdown leaves alone) and headings as Markdown
headings with escaped text (so they reach the table of contents).
"""

from __future__ import annotations

import html

from .model import Article, Block, CleanText, Corpus

ARTICLE_DIR = "articles"

# Python-Markdown's backslash-escapable characters.
_MD_SPECIAL = set("\\`*_{}[]()>#+-.!|")


def article_path(slug: str) -> str:
    """Where an article page lives in the site, as a docs-relative Markdown path."""
    return f"{ARTICLE_DIR}/{slug}.md"


def md_text(text: str) -> str:
    """Escape text for a Markdown heading: it must come out exactly as written.

    >>> md_text("GPT-3 [x](javascript:alert(1)) <b>")
    'GPT\\\\-3 \\\\[x\\\\]\\\\(javascript:alert\\\\(1\\\\)\\\\) &lt;b&gt;'
    """
    escaped = html.escape(text, quote=False)
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in escaped)


def h(text: str) -> str:
    """Escape text for HTML content or attribute values."""
    return html.escape(text, quote=True)


def article_page(article: Article) -> str:
    """The Markdown of one article page."""
    meta = article.meta
    parts = [
        "---",
        f"title: {_yaml_string(meta.title_zh)}",
        f"description: {_yaml_string(meta.title_en)}",
        "---",
        "",
        f"# {md_text(meta.title_zh)}",
        "",
        _header(article),
        "",
        "## 中文摘要 <small lang=\"en\">Chinese text</small> {#zh}" if article.en else "## 中文 <small lang=\"en\">Chinese text</small> {#zh}",
        "",
        *_chinese(article.zh),
    ]
    if article.en:
        parts += ["## 英文原文 <small lang=\"en\">English original</small> {#en}", "", *_english(article.en)]
    else:
        parts += [_no_source_note(article), ""]
    return "\n".join(parts)


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _header(article: Article) -> str:
    meta = article.meta
    rows = [
        ("英文标题", "Title", f'<span lang="en">{h(meta.title_en)}</span>'),
        ("原文作者", "Author", f'<span lang="en">{h(meta.author)}</span>'),
        ("中文发布", "Published in Chinese by", h(meta.publisher)),
    ]
    if meta.date:
        rows.append(("日期", "Date", h(meta.date)))
    if meta.original_url:
        rows.append(("原文", "Original", _link(meta.original_url)))
    if meta.zh_url:
        rows.append(("中文原文", "Chinese article", _link(meta.zh_url)))
    cells = "".join(f'<dt>{zh} <small lang="en">{en}</small></dt><dd>{value}</dd>' for zh, en, value in rows)
    return f'<dl class="dz-meta">{cells}</dl>'


def _link(url: str) -> str:
    if not url.startswith(("https://", "http://")):
        return h(url)
    return f'<a href="{h(url)}" rel="noopener">{h(url)}</a>'


def _chinese(text: CleanText) -> list[str]:
    out = []
    for block in text.blocks:
        if block.kind == "heading":
            out += [f"### {md_text(block.text)} {{#{block.id}}}", ""]
        else:
            out += [_zh_block(block), ""]
    return out


def _zh_block(block: Block) -> str:
    tag = {"item": "li", "quote": "blockquote"}.get(block.kind, "p")
    body = f'<{tag} id="{block.id}" class="dz-zh dz-{block.kind}" lang="zh-Hans">{h(block.text)}{_permalink(block.id)}</{tag}>'
    return f'<ul class="dz-list">{body}</ul>' if tag == "li" else body


def _english(text: CleanText) -> list[str]:
    out = []
    for block in text.blocks:
        if block.kind == "heading":
            out += [f"### {md_text(block.text)} {{#{block.sentences[0].id}}}", ""]
            continue
        sentences = " ".join(f'<span id="{s.id}" class="dz-s">{h(s.text)}</span>' for s in block.sentences)
        tag = {"item": "li", "quote": "blockquote"}.get(block.kind, "p")
        body = f'<{tag} class="dz-en dz-{block.kind}" lang="en">{sentences}</{tag}>'
        out += [f'<ul class="dz-list">{body}</ul>' if tag == "li" else body, ""]
    return out


def _permalink(anchor: str) -> str:
    return f' <a class="dz-permalink" href="#{anchor}" title="链接到此段 Link to this paragraph">¶</a>'


def _no_source_note(article: Article) -> str:
    return (
        '<div class="admonition note"><p class="admonition-title">没有英文原文 <span lang="en">No English source yet</span></p>'
        + (f'<p>本文的英文原文尚未收录；请阅读 {_link(article.meta.original_url)}。' if article.meta.original_url
           else "<p>本文的英文原文尚未收录。")
        +         '<span lang="en"> The English original is not in the collection yet; a curator who adds '
        '<code>en.txt</code> to the article folder gives this page its alignment.</span></p></div>'
    )


def article_list(corpus: Corpus, from_dir: str = "") -> str:
    """The home page's list of articles (Markdown, so MkDocs resolves and checks the links)."""
    rows = []
    for article in corpus.articles:
        meta = article.meta
        source = "中英对照 <small lang=\"en\">with English source</small>" if article.en else "仅中文 <small lang=\"en\">Chinese only</small>"
        rows += [
            f"- [**{md_text(meta.title_zh)}**]({from_dir}{article_path(meta.slug)})  ",
            f"  <span lang=\"en\">{h(meta.title_en)}</span>  ",
            f"  <small><span lang=\"en\">{h(meta.author)}</span> · {h(meta.publisher)} · {source}</small>",
        ]
    return "\n".join(rows) + "\n"
