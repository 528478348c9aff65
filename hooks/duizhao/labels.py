"""Traditional renderings of the short Chinese labels MkDocs itself writes.

Article text carries both scripts in the page, but the navigation, the table of
contents and the page title are written by the theme from page titles and headings.
For those we ship one small map (Simplified label → Traditional label) with the site;
the reader's 繁體 switch applies it, still with no download and no runtime converter.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path

from .script import to_traditional

LABELS_SCRIPT = "assets/javascripts/duizhao-labels.js"
"""Where the map is written in the built site (listed in ``extra_javascript``)."""
NOT_FOUND_TITLE = "找不到这一页 · Page not found"
"""The not-found page's title (``theme/404.html``): that page is no page of the site, so its
title is put in the map by name."""


def traditional_labels(labels: Iterable[str], config: str, known: dict[str, str] | None = None) -> dict[str, str]:
    """Every label that changes under conversion, mapped to its Traditional form; ``known``
    forms come first (an article's own title and headings, as its page shows them).

    >>> traditional_labels(["主题 Themes", "Home", "飞轮 Flywheel", "项目"], "s2twp", {"项目": "項目"})
    {'主题 Themes': '主題 Themes', '项目': '項目', '飞轮 Flywheel': '飛輪 Flywheel'}
    """
    known = known or {}
    out = {}
    for label in sorted({label.strip() for label in labels if label and label.strip()}):
        converted = known.get(label) or to_traditional(label, config)
        if converted != label:
            out[label] = converted
    return out


def article_labels(articles) -> dict[str, str]:
    """Each article's title and headings with the Traditional form its page shows (for a text
    received in Traditional, its own words), so that menus and contents show the same."""
    known = {}
    for article in articles:
        if article.title_hant:
            known[article.meta.title_zh] = article.title_hant
        for block in article.zh.blocks:
            if block.kind == "heading" and block.text_hant:
                known[block.text] = block.text_hant
    return known


def labels_script(labels: dict[str, str], english: dict[str, str] | None = None) -> str:
    """The JavaScript file that hands the maps to ``duizhao.js``: Traditional labels, and the
    English title of each article by its Chinese one (the English view's navigation).

    >>> print(labels_script({"主题": "主題"}, {"飞轮": "Flywheel"}))
    window.duizhaoLabels = {"主题": "主題"};
    window.duizhaoEnglish = {"飞轮": "Flywheel"};
    <BLANKLINE>
    """
    return ("window.duizhaoLabels = " + json.dumps(labels, ensure_ascii=False, sort_keys=True) + ";\n"
            + "window.duizhaoEnglish = " + json.dumps(english or {}, ensure_ascii=False, sort_keys=True) + ";\n")


def english_titles(articles) -> dict[str, str]:
    """Each article's Chinese title (Simplified, as the navigation has it) → the original's title."""
    return {article.meta.title_zh: article.meta.title_en for article in articles}


def toc_titles(items) -> Iterable[str]:
    """Titles of a page's table of contents, at every depth."""
    for item in items:
        # The page shows "技术产出>" where the title holds "&gt;"; markup around it is not text.
        yield html.unescape(_TAG.sub("", item.title))
        yield from toc_titles(item.children)


_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_TOOLTIP = re.compile(r'\b(?:title|aria-label)="([^"]*)"')
_OWN_SCRIPT = re.compile(r'\blang="zh-Han[st]"')


def attribute_labels(html_text: str) -> Iterable[str]:
    """Tooltips and screen-reader labels of a page (``title``, ``aria-label``), except those of
    an element that exists in each script already (its ``lang`` says which).

    >>> list(attribute_labels('<a title="链接到此处 Link here" aria-label="链接">¶</a>'
    ...                       '<abbr title="飞轮：比喻" lang="zh-Hans">飞轮</abbr><b title="a &amp; b">'))
    ['链接到此处 Link here', '链接', 'a & b']
    """
    for tag in _TAG.finditer(html_text):
        if not _OWN_SCRIPT.search(tag.group()):
            for value in _TOOLTIP.findall(tag.group()):
                yield html.unescape(value)


def palette_labels(palette) -> list[str]:
    """The light/dark switch's names ("深色模式 Dark mode"), which the theme writes as tooltips.

    >>> palette_labels([{"scheme": "default", "toggle": {"icon": "x", "name": "深色模式 Dark mode"}}, {"scheme": "slate"}])
    ['深色模式 Dark mode']
    """
    schemes = palette if isinstance(palette, list) else [palette] if palette else []
    return [scheme["toggle"]["name"] for scheme in schemes
            if isinstance(scheme, dict) and "name" in scheme.get("toggle", {})]


_INTERFACE_STRING = re.compile(r'^\s*"[\w.]+":\s*"(.*)",?\s*$', re.MULTILINE)


def interface_labels(theme_dirs: Iterable[str], language: str) -> list[str]:
    r"""The theme's own interface strings for the site's language ("目录", "搜索"), read from
    Material's language partial, so that the 繁體 switch reaches them too.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp(); os.makedirs(os.path.join(folder, "partials", "languages"))
    >>> _ = open(os.path.join(folder, "partials", "languages", "zh.html"), "w", encoding="utf-8").write(
    ...     '{% macro t(key) %}{{ {\n  "toc": "目录",\n  "search.placeholder": "搜索"\n}[key] }}{% endmacro %}')
    >>> interface_labels([folder], "zh")
    ['目录', '搜索']
    """
    for folder in theme_dirs:
        partial = Path(folder) / "partials" / "languages" / f"{language}.html"
        if partial.is_file():
            return _INTERFACE_STRING.findall(partial.read_text(encoding="utf-8"))
    return []
