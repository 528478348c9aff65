"""The table of contents of an aligned article, in every view.

Side by side, interleaved or Chinese only, the page reads in the summary's order under
the summary's headings, and its table of contents lists them. In the English-only view the
page reads as the original, under the original's headings: the table of contents must
list those instead, in the source's order, each pointing at the heading where the page
shows it (beside a Chinese heading, in a row, or inside a skipped passage). Both lists are
written into the page; duizhao.js keeps the current view's and takes the other out (the
stylesheet hides it where scripts do not run).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .markup import h
from .model import Article

SUMMARY_ITEM = "dz-toc-summary"
"""Class of an entry naming a heading of the summary."""
SOURCE_ITEM = "dz-toc-source"
"""Class of an entry naming a heading of the original (shown in the English-only view)."""


def source_headings(article: Article) -> tuple[tuple[str, str], ...] | None:
    """(anchor, text) of the original's headings, in its order, or None when the page has no
    English-only view (an article without aligned English)."""
    if not (article.en and article.alignment):
        return None
    return tuple((block.sentences[0].id, block.text) for block in article.en.blocks
                 if block.kind == "heading" and block.sentences)


def contents_for_both_views(items: Sequence, headings: Sequence[tuple[str, str]], entry: Callable) -> list:
    """The page's entries marked as the summary's, followed by the original's headings made
    into entries with ``entry(title_html, anchor, level)`` (MkDocs' ``AnchorLink``). The page's
    title is the one entry at the top, and the theme lists what is under it: the original's
    headings go there too."""
    _mark(items)
    parent = items[0] if len(items) == 1 and items[0].level == 1 else None
    siblings = parent.children if parent else list(items)
    level = siblings[0].level if siblings else (parent.level + 1 if parent else 2)
    siblings += [entry(f'<span class="{SOURCE_ITEM}" lang="en">{h(text)}</span>', anchor, level)
                 for anchor, text in headings]
    return list(items) if parent else siblings


def _mark(items: Sequence) -> None:
    for item in items:
        item.title = f'<span class="{SUMMARY_ITEM}">{item.title}</span>'
        _mark(item.children)
