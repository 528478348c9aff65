"""One PDF of the whole companion, made from the built site (``PDF=true``).

The book is assembled from the pages MkDocs has already written, so the PDF shows
exactly what the site shows: each page's ``<article>`` is taken from its HTML file in
navigation order, its ids are prefixed so that they stay unique in one document, and
links between pages become links inside the book. A cover and a table of contents are
added, and WeasyPrint lays it all out with ``assets/print.css`` (page numbers, running
headers, the outline).

Nothing is fetched from the network: the renderer may read files inside the site
folder and nothing else, and every refused address is reported.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import tinyhtml5
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from .markup import PLACES_CLASS, addition_flag, flag

PDF_NAME = "duizhao.pdf"
STYLESHEET = "assets/print.css"
"""The print style sheet, relative to the site root (copied there from ``docs/``)."""

SCREEN_ONLY = frozenset({"headerlink", "dz-permalink", "dz-hant", "dz-map", "dz-map-legend", "dz-screen", "dz-title-en",
                         "dz-added-here"})
"""Classes of elements left out of the book: screen furniture (permalinks, the clickable
coverage map, whose figures stay in words), the Traditional duplicate of Chinese text,
which the screen toggles with a button but paper cannot (the book is Simplified), the
English view's title (the book's article opens with its facts, the English title among them)
and its lines standing for the summary's additions (the book prints the additions themselves),
and words about the screen (hovering, the script switch, notes to curators)."""

LAYOUTS = 3
"""Most times the book is laid out. The glossary's page numbers are known only once the pages
they name are laid out; a second layout prints them, and confirms that they did not move the
pages they count (the glossary comes after the articles, so they do not)."""

CLAUSE_WIDTH = 24
"""Widest clause of a page title (in Chinese characters; a Latin letter counts as half) kept on
one line: a title line holds about 28 at its size, so a shorter clause never needs breaking."""
_CLAUSE_END = re.compile(r"(?<=[，！？：；、])(?=[^，！？：；、])")

_TRUE = {"1", "true", "yes", "on"}
# A run holds links and spaces only: anything else (a link the book could not keep, which
# becomes a span) leaves the run as it is rather than cut it at the wrong "</span>".
_PLACES = re.compile(rf'<span class="{PLACES_CLASS}">((?:<a\b[^>]*>[^<]*</a>|\s)*)</span>')
_TARGET = re.compile(r'href="#([^"]+)"')


def pdf_requested(environ: Mapping[str, str]) -> bool:
    """Whether the build was asked for the PDF (``PDF=true``, as Material's ``OFFLINE=true``).

    >>> pdf_requested({"PDF": "true"}), pdf_requested({"PDF": "False"}), pdf_requested({})
    (True, False, False)
    """
    return environ.get("PDF", "").strip().lower() in _TRUE


@dataclass(frozen=True)
class BookPage:
    """One built page of the site as it appears in the book."""

    key: str
    """Prefix that makes this page's ids unique in the book; also the id of its start."""
    title: str
    """The page's heading, for the table of contents."""
    subtitle: str
    """The page's own description (for an article, the English title), or empty."""
    body: str
    """The page's article HTML with ids and links rewritten for the book."""


@dataclass(frozen=True)
class BookPart:
    """A navigation section of the site: a run of pages under one title."""

    title: str
    pages: tuple[BookPage, ...]


@dataclass(frozen=True)
class Book:
    """Everything that goes into the PDF, in order."""

    title: str
    description: str
    parts: tuple[BookPart, ...]
    about: str = ""
    """Key of the book's own page on how far to trust the alignment, if it has one."""


@dataclass(frozen=True)
class Section:
    """A navigation section as the build knows it: a title and built HTML files."""

    title: str
    files: tuple[str, ...]
    """Site-relative paths of the built pages, e.g. ``articles/x/index.html``."""


def make_book(site_dir: Path, sections: Sequence[Section], title: str, description: str,
              about: str = "") -> Book:
    """Read the built pages of ``sections`` from ``site_dir`` into a book; ``about`` is the built
    path of the page that says how far to trust the alignment (one of the sections' pages)."""
    keys = {path: f"p{number}" for number, path in enumerate((p for s in sections for p in s.files), 1)}
    parts = tuple(
        BookPart(section.title, tuple(read_page(site_dir, path, keys, description) for path in section.files))
        for section in sections if section.files
    )
    return Book(title, description, parts, keys.get(about, ""))


def read_page(site_dir: Path, path: str, keys: Mapping[str, str], site_description: str = "") -> BookPage:
    """One built page: its ``<article>``, with ids and links rewritten for the book."""
    document = tinyhtml5.parse((site_dir / path).read_text(encoding="utf-8"), namespace_html_elements=False)
    article = next((e for e in document.iter("article") if "md-content__inner" in e.get("class", "")), None)
    if article is None:
        raise ValueError(f"{path}: no page content (<article class=\"md-content__inner\">) to put in the PDF")
    _drop_screen_only(article)
    key = keys[path]
    for element in article.iter():
        if element.get("id"):
            element.set("id", f"{key}-{element.get('id')}")
        if element.tag == "a" and element.get("href") is not None:
            _relink(element, path, key, keys)
    heading = next(article.iter("h1"), None)
    title = _text(heading) if heading is not None else path
    if heading is not None:
        _keep_clauses(heading)
    description = next((m.get("content", "") for m in document.iter("meta") if m.get("name") == "description"), "")
    subtitle = description if description != site_description else ""
    body = "".join(ET.tostring(child, encoding="unicode", method="html") for child in article)
    return BookPage(key, title, subtitle, body)


def _keep_clauses(heading: ET.Element) -> None:
    """Set each short clause of a Chinese title unbroken, so that the title breaks after its
    punctuation: it broke wherever the line ended ("…院士都说" above a lone "好", "巨" above
    "大压力"). WeasyPrint has no ``word-break: keep-all``, so the clauses are marked instead.

    >>> h1 = ET.fromstring('<h1><span class="dz-hans">顶会0篇，一夜RLHF爆文刷屏！院士都说好</span></h1>')
    >>> _keep_clauses(h1)
    >>> ET.tostring(h1, encoding="unicode")
    '<h1><span class="dz-hans"><span class="dz-clause">顶会0篇，</span><span class="dz-clause">一夜RLHF爆文刷屏！</span><span class="dz-clause">院士都说好</span></span></h1>'
    """
    title = next((e for e in heading.iter("span") if "dz-hans" in e.get("class", "").split()), heading)
    if len(title) or not title.text or not re.search(r"[\u3400-\u9fff]", title.text):
        return
    clauses, title.text = _CLAUSE_END.split(title.text), ""
    for clause in clauses:
        wide = sum(0.5 if c.isascii() else 1 for c in clause)
        span = ET.SubElement(title, "span", {"class": "dz-clause"} if wide <= CLAUSE_WIDTH else {})
        span.text = clause


def _drop_screen_only(root: ET.Element) -> None:
    for parent in list(root.iter()):
        for index in reversed(range(len(parent))):
            child = parent[index]
            if SCREEN_ONLY & set(child.get("class", "").split()) or child.get("hidden") is not None:
                _remove(parent, index)


def _remove(parent: ET.Element, index: int) -> None:
    """Remove a child but keep the text after it (ElementTree stores that on the child)."""
    tail = parent[index].tail or ""
    del parent[index]
    if index:
        parent[index - 1].tail = (parent[index - 1].tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


def _relink(link: ET.Element, page_path: str, key: str, keys: Mapping[str, str]) -> None:
    """Point a link into the book where it can; unlink what the book does not hold."""
    href = link.get("href", "")
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return  # a link to the web stays a link to the web
    if not parts.path:
        link.set("href", f"#{key}-{parts.fragment}" if parts.fragment else f"#{key}")
        return
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))
    if href.split("#")[0].endswith("/"):
        target = posixpath.join(target, "index.html")
    if target in keys:
        link.set("href", f"#{keys[target]}-{parts.fragment}" if parts.fragment else f"#{keys[target]}")
    else:
        # A page the book does not contain (e.g. the cleaning report): keep the words only.
        link.tag = "span"
        for name in list(link.attrib):
            if name != "class":
                del link.attrib[name]


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


GUIDE_ID = "reading-guide"
READING_GUIDE = f"""<section class="dz-book-guide" id="{GUIDE_ID}">
<h1 class="dz-guide-title">阅读说明 <span lang="en">How to read this book</span></h1>
<p>每段中文摘要之后，是它所表达的英文原句。<span lang="en">Each paragraph of the Chinese summary is
followed by the English sentences it expresses.</span></p>
<div class="dz-row"><div class="dz-row-zh"><p class="dz-zh">飞轮一旦转起来，就越转越快。</p></div>
<div class="dz-row-en" lang="en"><p class="dz-en">Once the flywheel turns, it keeps speeding up.</p></div></div>
<p>灰底的几段共同表达其下的原句。<span lang="en">Paragraphs on a grey ground together express the
sentence under them.</span></p>
<div class="dz-row dz-shared"><div class="dz-row-zh"><p class="dz-zh">他先写博客。</p>
<p class="dz-zh">后来才写论文。</p></div><div class="dz-row-en" lang="en"><p class="dz-en">I wrote blog
posts long before I wrote papers.</p></div></div>
<p>几段各自表达同一句原文时，后面的段落下重复这句，灰字，标 ↑。<span lang="en">A sentence several
paragraphs express is repeated under the later ones in grey, marked ↑.</span></p>
<div class="dz-row"><div class="dz-row-zh"><p class="dz-zh">从不间断。</p></div>
<div class="dz-row-en" lang="en"><p class="dz-en"><span class="dz-s dz-s-again">I pushed a little every day and
never stopped.</span></p></div></div>
<p>虚线与「对齐存疑」：程序对这条对齐把握不大。<span lang="en">A dashed rule and “uncertain”: the
aligner is unsure of this link.</span></p>
<div class="dz-row dz-weak"><div class="dz-row-zh"><p class="dz-zh">这是他最看重的习惯。</p></div>
<div class="dz-row-en" lang="en">{flag("weak", "对齐存疑", "uncertain")}
<p class="dz-en">He kept the habit for years, mostly out of stubbornness.</p></div></div>
<p>{flag("pinned", "编辑指定", "pinned")}：这条对齐由编辑人工指定，不是程序算出的。<span lang="en">A curator
set this link by hand; the aligner did not compute it.</span></p>
<p>摘要自己添加、原文中没有的段落，标为：<span lang="en">A paragraph the summary added, with no
source in the original, is marked:</span></p>
<div class="dz-row dz-addition"><div class="dz-row-zh"><p class="dz-zh">这篇文章值得每位研究者一读。</p></div>
<div class="dz-row-en dz-none">{addition_flag(str)}</div></div>
<p>摘要略去的原文留在原处，以灰字和点线排出：<span lang="en">English the summary leaves out stays where
it stands, in grey beside a dotted rule:</span></p>
<details class="dz-row dz-omission" open><summary>原文此处 1 句未被摘要 <span lang="en">1 sentence
of the original not covered by the summary</span></summary><div class="dz-row-en" lang="en"><p class="dz-en">I
took classes and read papers on my own.</p></div></details>
<p>摘要没有采用的原文小标题也留在原处，并注明。<span lang="en">So does a heading of the original the summary
does not use, labelled as such.</span></p>
<p>段末的小标签是段落所属的主题<span class="dz-badges"><span class="dz-badge">飞轮</span></span>，
主题页引用这些段落；主题页和术语表中的 “→ p. 19” 指向正文的页码。<span lang="en">The small label at the end
of a paragraph names a theme it belongs to; theme pages quote those paragraphs, and their “→ p. 19”
points to the page of the text.</span></p>
{{trust}}
</section>"""
"""A page of samples, before the articles: paper has no tooltips to explain its markings."""

TRUST_IN_BOOK = """<p>对齐由程序自动计算，可能有误；它的准确度见书末的「关于对照」<a class="dz-page-ref"
href="#{key}"></a>。<span lang="en">The alignment is computed, not checked by hand, and can be wrong;
“About duizhao” at the end of the book says how often<a class="dz-page-ref" href="#{key}"></a>.</span></p>"""
TRUST_ON_SITE = """<p>对齐由程序自动计算，可能有误；它的准确度见网站的「关于」页。<span lang="en">The alignment is
computed, not checked by hand, and can be wrong; the site’s About page says how often.</span></p>"""


def reading_guide(about: str) -> str:
    """The reading guide, pointing to the book's page on trusting the alignment if it has one."""
    trust = TRUST_IN_BOOK.format(key=about) if about else TRUST_ON_SITE
    return READING_GUIDE.replace("{trust}", trust)


def _page_class(opening: bool, k: int) -> str:
    """Classes of a part's ``k``-th page besides ``dz-book-page``. In a part that opens with its
    own index page (the themes), the pages after it are its sections: short, each follows the
    last on the same page (starting each on a new one left pages holding one quotation)."""
    if not opening:
        return ""
    return " dz-part-opening" if k == 0 else " dz-part-section"


def book_html(book: Book) -> str:
    """The whole book as one HTML document for the print style sheet."""
    h = html.escape
    parts = []
    for number, part in enumerate(book.parts, 1):
        # A part that opens with its own index page ("主题 Themes") needs no title of its
        # own above that page's identical heading.
        opening = bool(part.pages) and part.pages[0].title == part.title
        pages = "".join(
            f'<section class="dz-book-page{_page_class(opening, k)}" id="{page.key}">'
            f'{page.body}</section>' for k, page in enumerate(part.pages))
        # The running header names the chapter a page starts in; a part's title opens the page
        # of its first chapter, so it carries that chapter's name for the header.
        first = f' data-chapter="{h(part.pages[0].title)}"' if part.pages and "<h1" in part.pages[0].body else ""
        title = "" if opening else f'<h1 class="dz-part-title"{first}>{h(part.title)}</h1>'
        parts.append(f'<section class="dz-book-part" id="part{number}">{title}{pages}</section>')
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">'
        f'<title>{h(book.title)}</title><meta name="description" content="{h(book.description)}">'
        f'<link rel="stylesheet" href="{STYLESHEET}"></head><body>'
        f'<section class="dz-cover"><p class="dz-cover-title">{h(book.title)}</p>'
        f'<p class="dz-cover-description">{h(book.description)}</p></section>'
        f'{_contents(book)}{reading_guide(book.about)}{"".join(parts)}</body></html>\n'
    )


def _contents(book: Book) -> str:
    h = html.escape
    out = ['<nav class="dz-book-toc"><h1 class="dz-toc-title">目录 <span lang="en">Contents</span></h1>',
           f'<p class="dz-toc-part"><a href="#{GUIDE_ID}">阅读说明 <span lang="en">How to read this book</span></a></p>']
    for number, part in enumerate(book.parts, 1):
        out.append(f'<p class="dz-toc-part"><a href="#part{number}">{h(part.title)}</a></p><ol>')
        for k, page in enumerate(part.pages):
            if k == 0 and page.title == part.title:
                continue  # the part's own entry above leads there
            subtitle = f'<span class="dz-toc-subtitle" lang="en">{h(page.subtitle)}</span>' if page.subtitle else ""
            out.append(f'<li><a href="#{page.key}">{h(page.title)}</a>{subtitle}</li>')
        out.append("</ol>")
    out.append("</nav>")
    return "".join(out)


class SiteFetcher(URLFetcher):
    """Gives the renderer files inside the site folder and refuses every other address.

    A build must not reach the network, and a book that silently lacks a picture
    fetched from somewhere is worse than a build that says so: refusals are recorded.
    """

    def __init__(self, site_dir: Path):
        super().__init__(allowed_protocols={"file", "data"})
        self.root = site_dir.resolve()
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":  # inline content (e.g. a small image in the page): nothing to fetch
            return super().fetch(url, headers)
        path = Path(url2pathname(parts.path)).resolve() if parts.scheme == "file" else None
        if path is None or not path.is_relative_to(self.root):
            self.refused.append(url)
            raise ValueError(f"refused (only files inside the site are read): {url}")
        return super().fetch(url, headers)


@dataclass(frozen=True)
class PdfResult:
    """What writing the PDF did."""

    path: Path
    pages: int
    refused: tuple[str, ...]
    """Addresses outside the site the book asked for and did not get."""


def write_pdf(book: Book, site_dir: Path, target: Path) -> PdfResult:
    """Lay out ``book`` with the site's print style sheet and write it to ``target``."""
    fetcher = SiteFetcher(site_dir)
    source = book_html(book)
    laid_out = source
    document = _lay_out(laid_out, site_dir, fetcher)
    for _ in range(LAYOUTS - 1):
        paged = with_page_numbers(source, anchor_pages(document))
        if paged == laid_out:
            break
        laid_out = paged
        document = _lay_out(laid_out, site_dir, fetcher)
    document.write_pdf(target)
    return PdfResult(target, len(document.pages), tuple(dict.fromkeys(fetcher.refused)))


def _lay_out(book: str, site_dir: Path, fetcher: SiteFetcher):
    return HTML(string=book, base_url=site_dir.resolve().as_uri() + "/", url_fetcher=fetcher).render()


def anchor_pages(document) -> dict[str, int]:
    """Page number of every id in a laid-out book."""
    return {anchor: number for number, page in enumerate(document.pages, 1) for anchor in page.anchors}


def with_page_numbers(book: str, pages: Mapping[str, int]) -> str:
    """The book with each run of links to a term's places replaced by the pages they fall on,
    each page once, in order, each a link to the first place on it: paper has no links to
    follow, and "p. 23 p. 23 p. 24" says less than "pp. 23, 24".

    >>> places = f'<span class="{PLACES_CLASS}"><a href="#p3-zh-a">1</a> <a href="#p3-en-b">2</a> <a href="#p3-zh-c">3</a></span>'
    >>> with_page_numbers(places, {"p3-zh-a": 9, "p3-en-b": 7, "p3-zh-c": 9})
    '<span class="dz-places">pp.\\xa0<a class="dz-page" href="#p3-en-b">7</a>, <a class="dz-page" href="#p3-zh-a">9</a></span>'
    >>> odd = f'<span class="{PLACES_CLASS}"><span class="dz-occurrence">1</span> <a href="#p3-zh-a">2</a></span>'
    >>> with_page_numbers(odd, {"p3-zh-a": 9}) == odd  # a run holding more than links is left whole
    True
    """
    def numbered(run: re.Match) -> str:
        first_on: dict[int, str] = {}
        for anchor in _TARGET.findall(run.group(1)):
            if anchor in pages:
                first_on.setdefault(pages[anchor], anchor)
        if not first_on:
            return run.group()
        listed = ", ".join(f'<a class="dz-page" href="#{anchor}">{page}</a>' for page, anchor in sorted(first_on.items()))
        # A no-break space keeps "pp." on the line of its first page number.
        return f'<span class="{PLACES_CLASS}">{"pp." if len(first_on) > 1 else "p."}\u00a0{listed}</span>'

    return _PLACES.sub(numbered, book)
