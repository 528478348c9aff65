"""Theme pages, the glossary page, and the small pieces of them other pages show.

Every link to another page is a Markdown link to a docs-relative ``.md`` path, so
MkDocs resolves it for the URL style in use and ``--strict`` checks both the file and
the ``#anchor``. Raw HTML (passages, definitions) is escaped here; where raw HTML must
hold a link, it is a ``markdown="span"`` element (``md_in_html``) whose link is still
Markdown.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from .glossary import Glossary, Term, find_terms, mark_terms
from .model import Article, Corpus
from .markup import PLACES_CLASS, TIED_DOT, Decorations, addition_flag, h, md_text, phrase, shortened, zh_html, zh_text
from .render import article_path
from .render_rows import confidence_flag
from .script import DEFAULT_TRADITIONAL
from .themes import Theme, ThemeIndex, ThemeTag, quoted_english, tag_corpus

THEME_DIR = "themes"
THEMES_INDEX_PATH = f"{THEME_DIR}/index.md"
GLOSSARY_PATH = "glossary.md"
REPORT_PATH = "report.md"
"""The cleaning report, which also lists every theme tag with the terms that earned it."""


def theme_path(theme_id: str) -> str:
    """Where a theme page lives, as a docs-relative Markdown path."""
    return f"{THEME_DIR}/{theme_id}.md"


def link(from_page: str, to_path: str, anchor: str = "") -> str:
    """A link target from one docs-relative page to another (and an anchor on it).

    >>> link("articles/a.md", "themes/flywheel.md")
    '../themes/flywheel.md'
    >>> link("glossary.md", "articles/a.md", "zh-1a2b3c")
    'articles/a.md#zh-1a2b3c'
    """
    target = posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


# --- the entry point ------------------------------------------------------------------------

def theme_pages(corpus: Corpus, themes: tuple[Theme, ...], glossary: Glossary, index: ThemeIndex | None = None,
                traditional: str = DEFAULT_TRADITIONAL) -> list[tuple[str, str]]:
    """Every page this module generates: (docs-relative path, Markdown)."""
    index = index or tag_corpus(corpus, themes)
    pages = [(THEMES_INDEX_PATH, themes_index_page(index, corpus, traditional))]
    pages += [(theme_path(theme.id), theme_page(theme, index, corpus, glossary, traditional)) for theme in themes]
    pages.append((GLOSSARY_PATH, glossary_page(glossary, corpus, themes, traditional)))
    return pages


# --- pieces for other pages ---------------------------------------------------------------

def badges_html(theme_tags_for_block: tuple[ThemeTag, ...], from_page: str, use_directory_urls: bool = True) -> str:
    """Theme badges for a Chinese paragraph on an article page ('' when it has none).

    The badges go inside the paragraph's raw HTML, where MkDocs does not rewrite links,
    so the addresses are computed here for the page's final URL: ``from_page`` is the
    docs-relative source path of that page and ``use_directory_urls`` the MkDocs setting
    (off in the offline build). Each badge's tooltip names the words that earned it (their
    weights are the cleaning report's).

    >>> from .themes import Evidence
    >>> tag = ThemeTag(Theme("flywheel", "飞轮", "Flywheel", "", "", ()), "a", "zh-1", 3, (Evidence(3, ("飞轮",)),))
    >>> print(badges_html((tag,), "articles/a.md"))
    <span class="dz-badges" data-search-exclude="mark">\u2060<a class="dz-badge" data-search-exclude="mark" href="../../themes/flywheel/" title="主题 Theme: 飞轮 Flywheel · 依据 matched: 飞轮">飞轮 <span lang="en">Flywheel</span></a></span>
    >>> badges_html((tag,), "articles/a.md", use_directory_urls=False).split('"')[9]
    '../themes/flywheel.html'
    """
    if not theme_tags_for_block:
        return ""
    badges = "".join(
        f'<a class="dz-badge" data-search-exclude="mark" href="{h(page_url_link(from_page, theme_path(tag.theme.id), use_directory_urls))}"'
        f' title="{h(f"主题 Theme: {tag.theme.name_zh} {tag.theme.name_en} · 依据 matched: {tag.words}")}">'
        f'{h(tag.theme.name_zh)} <span lang="en">{h(tag.theme.name_en)}</span></a>'
        for tag in theme_tags_for_block
    )
    # Kept out of the search index: a theme's name is not the paragraph's text. Each badge is
    # excluded too: Material's indexer ends an exclusion at the first closing tag of its name,
    # and the name's two scripts are spans, so the box alone let a second badge through.
    # The word joiner ties the badges to the paragraph's last characters: a line break before
    # them left a badge alone on a line of its own. A line may break between two badges, never
    # inside one (the style sheets keep each whole).
    return f'<span class="dz-badges" data-search-exclude="mark">\u2060{badges}</span>'


def page_url_link(from_page: str, to_page: str, use_directory_urls: bool = True) -> str:
    """A relative address between two built pages, given their docs-relative sources.

    Follows MkDocs' URL rules: with directory URLs ``a/b.md`` is served at ``a/b/`` and
    ``a/index.md`` at ``a/``; without them at ``a/b.html``.

    >>> page_url_link("articles/x.md", "themes/flywheel.md")
    '../../themes/flywheel/'
    >>> page_url_link("index.md", "themes/index.md")
    'themes/'
    >>> page_url_link("articles/x.md", "glossary.md", use_directory_urls=False)
    '../glossary.html'
    """
    here, there = _url(from_page, use_directory_urls), _url(to_page, use_directory_urls)
    base = here.rsplit("/", 1)[0] if "/" in here else ""
    target = posixpath.relpath(there or ".", base or ".")
    if there.endswith("/") or there == "":
        target = target.rstrip("/") + "/"
    return target


def _url(page: str, use_directory_urls: bool) -> str:
    stem = page[:-3]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def _counted(count: int, noun: str) -> str:
    """The English noun after a count, in the singular for one.

    >>> _counted(1, "article"), _counted(6, "passage")
    ('article', 'passages')
    """
    return noun if count == 1 else noun + "s"


def themes_overview_markdown(index: ThemeIndex, corpus: Corpus, from_page: str = "index.md",
                             traditional: str = DEFAULT_TRADITIONAL) -> str:
    """The home page's list of themes with their passage counts (Markdown)."""
    rows = []
    for theme in index.themes:
        tags = index.of_theme(theme.id)
        articles = len({t.article for t in tags})
        shown = passage_count(tags, corpus)
        rows.append(
            f"- [**{zh_text(theme.name_zh, traditional)}** <span lang=\"en\">{md_text(theme.name_en)}</span>]"
            # No-break spaces: a count stays with its units.
            f"({link(from_page, theme_path(theme.id))}){{ .dz-page-ref }}{TIED_DOT}{shown}\u00a0{zh_text('段', traditional)}"
            f"\u00a0<small lang=\"en\">{_counted(shown, 'passage')}</small>"
            f"{TIED_DOT}{articles}\u00a0{zh_text('篇', traditional)}\u00a0<small lang=\"en\">{_counted(articles, 'article')}</small>  \n"
            f"  <small>{zh_text(theme.description_zh, traditional)}</small>"
        )
    # The glossary is not a theme: it follows the list, not in it.
    rows += ["", f"{zh_text('另见', traditional)} <small lang=\"en\">See also</small>: "
                 f"[{zh_text('术语表', traditional)} <span lang=\"en\">Glossary</span>]({link(from_page, GLOSSARY_PATH)})"
                 "{ .dz-page-ref }"]
    return "\n".join(rows) + "\n"


def themes_report_markdown(index: ThemeIndex, corpus: Corpus, from_page: str = REPORT_PATH) -> str:
    """The build report's table of every tag and the terms that earned it; a paragraph is
    named by its opening words, linked to it."""
    if not index.tags:
        return "没有段落被标记主题。 <span lang=\"en\">No paragraph was tagged with a theme.</span>\n"
    opening = {(article.meta.slug, block.id): shortened(block.text, 17)
               for article in corpus.articles for block in article.zh.blocks}
    rows = ["| 主题 Theme | 段落 Paragraph | 依据 Reason |", "|---|---|---|"]
    for tag in index.tags:
        target = link(from_page, article_path(tag.article), tag.block)
        # md_text escapes "|" as "\|", which a table cell keeps as text.
        words = md_text(opening.get((tag.article, tag.block), tag.block))
        rows.append(f"| {md_text(tag.theme.name_zh)} | [{words}]({target}) | {_unbroken(md_text(tag.reason))} |")
    return "\n".join(rows) + "\n"


# --- theme pages ----------------------------------------------------------------------------

def themes_index_page(index: ThemeIndex, corpus: Corpus, traditional: str = DEFAULT_TRADITIONAL) -> str:
    """``themes/index.md``: the themes, and how paragraphs come to carry them."""
    return "\n".join([
        "---",
        "title: 主题 Themes",
        "---",
        "",
        f"# {zh_text('主题', traditional)} <small lang=\"en\">Themes</small>",
        "",
        themes_overview_markdown(index, corpus, THEMES_INDEX_PATH, traditional),
        f"## {zh_text('如何标记', traditional)} <small lang=\"en\">How paragraphs are tagged</small>"
        ' {#how-paragraphs-are-tagged data-toc-label="如何标记 How paragraphs are tagged"}',
        "",
        "<p>" + zh_text("每个主题由一组带权重的中英文术语定义。在一段中文及其对应的英文原句里找到的每个术语计一次分，"
                        "总分达到主题的阈值即标记该段；弱提示（如「发布」「压力」）必须与其他证据同时出现，"
                        "负权重的术语（如优化器的「动量」）排除词语的其他含义。", traditional)
        + '<span class="dz-screen">' + zh_text("每个标记的依据列在清洗报告中。", traditional) + "</span></p>",
        "",
        "<p lang=\"en\">Each theme is defined by weighted terms in both languages. Every term found in a Chinese "
        "paragraph or in the English sentences it expresses counts once; a paragraph whose total reaches the "
        "theme's threshold is tagged. Weak hints (release, pressure) need company, and negative terms (the "
        "optimiser's momentum) rule out other senses of a word.<span class=\"dz-screen\"> The cleaning report lists "
        "the terms that earned each tag.</span></p>",
        "",
        # The report is the website's: the book leaves it out, and the words pointing to it.
        f"→ [{zh_text('清洗报告：主题标记', traditional)} <span lang=\"en\">Cleaning report: theme tags</span>]"
        f"({link(THEMES_INDEX_PATH, REPORT_PATH, 'theme-tags')})",
        "{: .dz-screen }",
        "",
    ])


def theme_page(theme: Theme, index: ThemeIndex, corpus: Corpus, glossary: Glossary,
               traditional: str = DEFAULT_TRADITIONAL) -> str:
    """One theme's page: description, related themes, passages grouped by article."""
    page = theme_path(theme.id)
    tags = index.of_theme(theme.id)
    parts = [
        "---",
        f"title: \"{shortened(theme.name_zh + ' ' + theme.name_en, 200)}\"",
        # Whole where it can be: the book's contents print it (cut at 200, the open-source one
        # ended "…the essays name…", its list of projects lost).
        f"description: \"{shortened(theme.description_en, 400)}\"",
        "---",
        "",
        f"# {zh_text(theme.name_zh, traditional)} <small lang=\"en\">{md_text(theme.name_en)}</small>",
        "",
        f'<div class="dz-theme-about"><p>{zh_text(theme.description_zh, traditional)}</p><p lang="en">{h(theme.description_en)}</p></div>',
        "",
    ]
    if theme.related:
        related = " · ".join(f"[{zh_text(index.theme(r).name_zh, traditional)} <small lang=\"en\">{md_text(index.theme(r).name_en)}</small>]"
                             f"({link(page, theme_path(r))})" for r in theme.related)
        parts += [f"{zh_text('相关主题', traditional)} <small lang=\"en\">Related themes</small>: {related}", ""]
    by_article = _passages_by_article(tags, corpus)
    if not by_article:
        return "\n".join(parts + [f"<p>{zh_text('暂无段落。', traditional)} <span lang=\"en\">No passages yet.</span></p>", ""])
    parts += _counts(by_article, traditional) + [""]
    for article, passages in by_article:
        parts += _article_section(article, passages, page, glossary, traditional)
    return "\n".join(parts)


def _counts(by_article: list[tuple[Article, list[list[ThemeTag]]]], traditional: str) -> list[str]:
    rows = [f"| {zh_text('文章', traditional)} <small lang=\"en\">Article</small> | {zh_text('段落', traditional)} <small lang=\"en\">Passages</small> |",
            "|---|--:|"]
    for article, passages in by_article:
        rows.append(f"| [{md_text(article.meta.title_zh)}](#{article.meta.slug}) {_original_title(article)} | {len(passages)} |")
    total = sum(len(passages) for _, passages in by_article)
    rows.append(f"| **{zh_text('合计', traditional)}** <small lang=\"en\">Total</small> | **{total}** |")
    return rows


def _article_section(article: Article, passages: list[list[ThemeTag]], page: str, glossary: Glossary,
                     traditional: str) -> list[str]:
    meta = article.meta
    out = [
        f"## {md_text(meta.title_zh)} {{#{meta.slug}}}",
        "",
        f"<p class=\"dz-theme-source\"><span lang=\"en\">{h(meta.title_en)}</span>{TIED_DOT}<span lang=\"en\">{h(meta.author)}</span>"
        f"{TIED_DOT}{len(passages)} {zh_text('段', traditional)} <small lang=\"en\">passages</small>{_chinese_only(article, traditional)}</p>",
        "",
    ]
    blocks = {b.id: b for b in article.zh.blocks}
    for group in passages:
        out += _passage(article, [blocks[tag.block] for tag in group], page, glossary, traditional)
    return out


def _original_title(article: Article) -> str:
    """The original's title beside an article's Chinese one, where a list names the article."""
    return f'<small lang="en">{h(article.meta.title_en)}</small>'


def _unbroken(reason: str) -> str:
    """A tagging reason with each weight and its sum kept on the line of what they weigh (a
    phone broke "+3 = 3" after its "=").

    >>> _unbroken("飞轮 +3, en: virtuous cycle +2 = 5") == "飞轮\u00a0+3, en: virtuous cycle\u00a0+2\u00a0=\u00a05"
    True
    """
    return re.sub(r" ([+-]\d+)", "\u00a0\\1", reason).replace(" = ", "\u00a0=\u00a0")


def _chinese_only(article: Article, traditional: str) -> str:
    """Why an article's passages come without English: the theme promises both languages."""
    if article.alignment:
        return ""
    return (f"{TIED_DOT}{zh_text('英文原文尚未收录，只引中文', traditional)}"
            f" <small class=\"dz-nowrap\" lang=\"en\">No English source yet: Chinese only</small>")


def _passages_by_article(tags: Sequence[ThemeTag], corpus: Corpus) -> list[tuple[Article, list[list[ThemeTag]]]]:
    """The passages a theme page shows for ``tags``, by article in the corpus's order (articles
    without one left out): paragraphs quoting one English sentence together are one passage."""
    by_article = [(a, _sharing_english(a, [t for t in tags if t.article == a.meta.slug])) for a in corpus.articles]
    return [(a, passages) for a, passages in by_article if passages]


def passage_count(tags: Sequence[ThemeTag], corpus: Corpus) -> int:
    """How many passages a theme page shows for ``tags`` (``_passages_by_article``)."""
    return sum(len(passages) for _, passages in _passages_by_article(tags, corpus))


def _sharing_english(article: Article, tags: list[ThemeTag]) -> list[list[ThemeTag]]:
    """Tags in runs: consecutive paragraphs of one link (a sentence the summary spread over
    several paragraphs) make one passage, so that its English is quoted once, not once each."""
    link_of = {z: link.zh for link in article.alignment.links for z in link.zh} if article.alignment else {}
    runs: list[list[ThemeTag]] = []
    for tag in tags:
        link = link_of.get(tag.block)
        if runs and link is not None and link_of.get(runs[-1][-1].block) == link:
            runs[-1].append(tag)
        else:
            runs.append([tag])
    return runs


def _passage(article: Article, blocks: list, page: str, glossary: Glossary,
             traditional: str) -> list[str]:
    deco = Decorations(mark_terms=lambda escaped, lang: mark_terms(escaped, glossary, lang), traditional=traditional)
    block = blocks[0]
    english = quoted_english(article, block.id)
    zh = "".join(f'<p class="dz-zh">{zh_html(b, deco)}</p>' for b in blocks)
    if len(blocks) > 1:
        zh = f'<div class="dz-pair-zh">{zh}</div>'  # one cell of the pair: the English sits beside them all
    if english:
        en_text = mark_terms(h(english), glossary, "en")
        # Quoted away from its article, a link keeps its mark: an uncertain one says so here too.
        aligned = next(found for found in article.alignment.links if block.id in found.zh)
        weak = "" if aligned.confident or aligned.pinned else " dz-weak"
        en = f'<p class="dz-en{weak}" lang="en">{confidence_flag(aligned, deco)}{en_text}</p>'
    elif article.alignment is not None and block.id in article.alignment.additions:
        en = f'<p class="dz-en dz-none">{addition_flag(lambda text: zh_text(text, traditional), block.text, article.meta.publisher)}</p>'
    else:
        en = ""
    pair = "dz-pair" if en else "dz-pair dz-single"
    return [
        '<div class="dz-passage" markdown="1">',
        f'<div class="{pair}">{zh}{en}</div>',
        "",
        # The terms that earned the tag are for the curator: the report lists them, and the
        # badge on the article page shows them when pointed at.
        f"[¶ {zh_text('在文中阅读', traditional)} <small lang=\"en\">Read in context</small>]({link(page, article_path(article.meta.slug), block.id)}){{ .dz-context data-search-exclude=\"mark\" }}",
        "</div>",
        "",
    ]


# --- the glossary page ----------------------------------------------------------------------

def glossary_page(glossary: Glossary, corpus: Corpus, themes: tuple[Theme, ...] = (),
                  traditional: str = DEFAULT_TRADITIONAL) -> str:
    """``glossary.md``: every term with both definitions and links to where it occurs."""
    names = {t.id: t for t in themes}
    parts = [
        "---",
        "title: 术语表 Glossary",
        "---",
        "",
        f"# {zh_text('术语表', traditional)} <small lang=\"en\">Glossary</small>",
        "",
        "<p>" + zh_text("这些文章反复用到的术语。", traditional)
        + f'<span class="dz-screen">{zh_text("文中出现时，指针停在上面或用 Tab 键移到上面，可见中英文释义。", traditional)}</span></p>'
        "<p lang=\"en\">Terms the essays turn on.<span class=\"dz-screen\"> Where they occur in the texts, resting the pointer on one or reaching it with the Tab key shows both definitions.</span></p>",
        "",
    ]
    occurrences = _occurrences(glossary, corpus)
    for term in glossary.terms:
        # One block per entry, so that paper keeps an entry on one page.
        parts += ['<div class="dz-entry" markdown="1">', "",
                  *_glossary_entry(term, occurrences.get(term.id, []), names, traditional), "</div>", ""]
    return "\n".join(parts)


def _glossary_entry(term: Term, places: list[tuple[Article, str, str, str]], themes: dict[str, Theme],
                    traditional: str = DEFAULT_TRADITIONAL) -> list[str]:
    # A name written alike in both languages (RewardBench) is given once.
    same = term.zh.casefold() == term.en.casefold()
    english = "" if same else f" <small lang=\"en\">{md_text(term.en)}</small>"
    label = term.zh if same else f"{term.zh} {term.en}"
    out = [
        f"## {zh_text(term.zh, traditional)}{english} {{#{term.id} data-toc-label=\"{_attribute(label)}\"}}",
        "",
        f'<div class="dz-definition"><p>{zh_text(term.definition_zh, traditional)}</p><p lang="en">{h(term.definition_en)}</p></div>',
        "",
    ]
    also = term.also
    if also:
        out += [f"{zh_text('也写作', traditional)} <small lang=\"en\">Also written</small>: " + " · ".join(phrase(p, traditional) for p in also), ""]
    if term.theme and term.theme in themes:
        theme = themes[term.theme]
        out += [f"{zh_text('主题', traditional)} <small lang=\"en\">Theme</small>: [{zh_text(theme.name_zh, traditional)} <small lang=\"en\">{md_text(theme.name_en)}</small>]"
                f"({link(GLOSSARY_PATH, theme_path(theme.id))})", ""]
    if not places:
        return out + [f"<p class=\"dz-none\">{zh_text('文中尚未出现。', traditional)} <span lang=\"en\">Not found in the texts yet.</span></p>", ""]
    out += [f"{zh_text('出现于', traditional)} <small lang=\"en\">Occurs in</small>:", ""]
    articles = []
    for article, *_ in places:
        if all(article is not seen for seen in articles):
            articles.append(article)
    for article in articles:
        mine = [(lang, anchor, text) for a, lang, anchor, text in places if a is article]
        out.append(f"- [{md_text(article.meta.title_zh)}]({link(GLOSSARY_PATH, article_path(article.meta.slug))})"
                   f" {_original_title(article)}" + _occurrence_links(article, mine, traditional))
    return out + [""]


def _attribute(text: str) -> str:
    """Text for an attribute of Markdown's attribute lists (the table of contents label)."""
    return h(text).replace('"', "&quot;")


def _occurrence_links(article: Article, places: list[tuple[str, str, str]], traditional: str) -> str:
    target = article_path(article.meta.slug)
    text = ""
    # "中文" is named in English too ("English" needs no gloss): readers of either language use these.
    labels = {"zh": phrase("中文", traditional) + '\u00a0<span lang="en">Chinese</span>', "en": phrase("English", traditional)}
    for lang in ("zh", "en"):
        mine = [(anchor, snippet) for l, anchor, snippet in places if l == lang]
        if mine:
            # One group per language: on paper its links become the pages they fall on (pdf.py).
            links = " ".join(f"[{n}]({link(GLOSSARY_PATH, target, anchor)} \"{shortened(snippet)}\"){{ .dz-occurrence }}"
                             for n, (anchor, snippet) in enumerate(mine, start=1))
            # The label is set whole on paper (print.css: "中" stood above "文 Chinese:"), and a
            # no-break space follows it: a line never ends with it.
            text += f'{TIED_DOT}<span class="dz-places-label">{labels[lang]}:</span>\u00a0<span class="{PLACES_CLASS}">{links}</span>'
    return text


def _occurrences(glossary: Glossary, corpus: Corpus) -> dict[str, list[tuple[Article, str, str, str]]]:
    """term id → (article, language, anchor, text) for every paragraph or sentence using the term."""
    found: dict[str, list[tuple[Article, str, str, str]]] = {}
    for article in corpus.articles:
        seen: set[str] = set()
        for block in article.zh.blocks:
            if block.text in seen:  # a repeated paragraph is listed once, where it first occurs
                continue
            seen.add(block.text)
            for term in _terms_in(block.text, glossary):
                found.setdefault(term.id, []).append((article, "zh", block.id, block.text))
        for block in (article.en.blocks if article.en else ()):
            for sentence in block.sentences:
                # A heading carries one anchor: that of its first sentence.
                anchor = block.sentences[0].id if block.kind == "heading" else sentence.id
                for term in _terms_in(sentence.text, glossary):
                    places = found.setdefault(term.id, [])
                    if not places or places[-1][2] != anchor:
                        places.append((article, "en", anchor, sentence.text))
    return found


def _terms_in(text: str, glossary: Glossary) -> list[Term]:
    return list(dict.fromkeys(term for _, term in find_terms(text, glossary)))
