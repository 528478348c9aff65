"""Escaping and the small pieces of markup every generated page shares.

All source text is escaped through ``h`` or ``md_text``: text from a summary is data,
so ``<script>``, ``[x](javascript:…)`` or ``{% %}`` in it must show as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .model import Block
from .notes import is_editorial_note, is_image_caption, is_publisher_note
from .script import ADDRESS_CHINESE, DEFAULT_TRADITIONAL, HAN, to_traditional

# Python-Markdown's backslash-escapable characters.
_MD_SPECIAL = set("\\`*_{}[]()>#+-.!|")


@dataclass(frozen=True)
class Decorations:
    """What other stages add to article text: glossary tooltips and theme badges."""

    mark_terms: Callable[[str, str], str] = lambda escaped, lang: escaped
    """``(escaped_html, lang) -> html`` wrapping glossary terms in tooltip markup."""
    badges: Callable[[str, str], str] = lambda slug, block_id: ""
    """``(slug, zh_block_id) -> html`` theme badges for a Chinese paragraph."""
    traditional: str = DEFAULT_TRADITIONAL
    """OpenCC configuration of the site's Traditional rendering, for our own labels."""

    def zh(self, text: str) -> str:
        """One of our labels in both scripts, in the site's Traditional variant."""
        return zh_text(text, self.traditional)


PLAIN = Decorations()


def md_text(text: str) -> str:
    """Escape text for a Markdown heading: it must come out exactly as written.

    >>> md_text("GPT-3 [x](javascript:alert(1)) <b>")
    'GPT\\\\-3 \\\\[x\\\\]\\\\(javascript:alert\\\\(1\\\\)\\\\) &lt;b&gt;'
    """
    escaped = html.escape(text, quote=False)
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in escaped)


# Markdown's inline marks as character references: escaped text may land inside inline HTML,
# which Markdown still reads (a title "How I [Learned](x.md)" in a <span> of the home page's
# list became a link, and a build warning naming a page the curator never wrote).
# A "|" would end a table's cell.
_MD_INLINE = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_[]|"})


def h(text: str) -> str:
    """Escape text for HTML content or attribute values, and for Markdown around them.

    >>> h('<b> & "How I [Learned](x.md)" *so*')
    '&lt;b&gt; &amp; &quot;How I &#91;Learned&#93;(x.md)&quot; &#42;so&#42;'
    """
    return html.escape(text, quote=True).translate(_MD_INLINE)


# A web address in escaped text: printable ASCII up to a space, an escaped quote or bracket,
# or the first character of another script (an address glued to Chinese ends there), except
# Chinese that is part of the address as script conversion reads it (…/wiki/强化学习, ?q=飞轮,
# 香港_(消歧义)).
_ADDRESS_ASCII = r"(?:(?!&(?:quot|#x27|lt|gt);)[\x21-\x7e])"
_ADDRESS = re.compile(rf"https?://{_ADDRESS_ASCII}+(?:{ADDRESS_CHINESE}{_ADDRESS_ASCII}*)*")
_TRAILING = ".,;:!?)]}*"
"""Marks that end the prose around an address rather than the address itself."""


def h_linked(text: str) -> str:
    """Escape text for HTML content, with its web addresses as links (``参考资料：https://…``
    is there to be followed). Only http(s) addresses become links.

    >>> h_linked("原文:https://x.org/a?b=1&c=2。见 https://y.org/p.")
    '原文:<a href="https://x.org/a?b=1&amp;c=2" rel="noopener">https://x.org/a?b=1&amp;c=2</a>。见 <a href="https://y.org/p" rel="noopener">https://y.org/p</a>.'
    >>> h_linked("见https://zh.wikipedia.org/wiki/强化学习。或https://x.org/a这篇")
    '见<a href="https://zh.wikipedia.org/wiki/强化学习" rel="noopener">https://zh.wikipedia.org/wiki/强化学习</a>。或<a href="https://x.org/a" rel="noopener">https://x.org/a</a>这篇'
    >>> h_linked('"javascript:alert(1)" <https://z.org>')
    '&quot;javascript:alert(1)&quot; &lt;<a href="https://z.org" rel="noopener">https://z.org</a>&gt;'
    >>> h_linked("[https://x.org/a] *https://y.org/b*")
    '&#91;<a href="https://x.org/a" rel="noopener">https://x.org/a</a>&#93; &#42;<a href="https://y.org/b" rel="noopener">https://y.org/b</a>&#42;'
    """

    def one(match: re.Match) -> str:
        address = match.group()
        while address and (address[-1] in _TRAILING or address.endswith("&amp;")):
            address = address[:-5] if address.endswith("&amp;") else address[:-1]
        return link(html.unescape(address)) + match.group()[len(address):]

    # Addresses are found in text escaped for HTML only: Markdown's marks as references
    # ("&#93;") would read as part of an address that a bracket or an asterisk ends.
    return _ADDRESS.sub(one, html.escape(text, quote=True)).translate(_MD_INLINE)


def zh_html(block: Block, deco: Decorations = PLAIN) -> str:
    """A Chinese block's text in both scripts; CSS shows the one the reader chose."""
    return (
        f'<span class="dz-hans" lang="zh-Hans">{deco.mark_terms(h_linked(block.text), "zh-Hans")}</span>'
        f'<span class="dz-hant" lang="zh-Hant">{deco.mark_terms(h_linked(block.text_hant or block.text), "zh-Hant")}</span>'
    )


def zh_text(text: str, traditional: str = DEFAULT_TRADITIONAL,
            mark: Callable[[str, str], str] = lambda escaped, lang: escaped) -> str:
    """Any Chinese text of ours (descriptions, definitions) in both scripts, like the articles'.

    >>> zh_text("飞轮效应")
    '<span class="dz-hans" lang="zh-Hans">飞轮效应</span><span class="dz-hant" lang="zh-Hant">飛輪效應</span>'
    """
    return (f'<span class="dz-hans" lang="zh-Hans">{mark(h(text), "zh-Hans")}</span>'
            f'<span class="dz-hant" lang="zh-Hant">{mark(h(to_traditional(text, traditional)), "zh-Hant")}</span>')


def phrase(text: str, traditional: str = DEFAULT_TRADITIONAL) -> str:
    """A short phrase of ours in the language it is written in: Chinese in both scripts; one
    without a Chinese character (an English term, an acronym) as English, so that it is set
    in the English face and read aloud as English.

    >>> phrase("PPO")
    '<span lang="en">PPO</span>'
    >>> phrase("深度RL", "s2t")
    '<span class="dz-hans" lang="zh-Hans">深度RL</span><span class="dz-hant" lang="zh-Hant">深度RL</span>'
    """
    return zh_text(text, traditional) if HAN.search(text) else f'<span lang="en">{h(text)}</span>'


def heading_in_both_scripts(hans: str, hant: str, anchor: str, level: str = "###", suffix: str = "",
                            attrs: str = "") -> str:
    """A Markdown heading whose Chinese is given in both scripts (CSS shows the one chosen);
    the table of contents shows the Simplified one."""
    both = (f'<span class="dz-hans" lang="zh-Hans">{md_text(hans)}</span>'
            f'<span class="dz-hant" lang="zh-Hant">{md_text(hant)}</span>')
    label = h(hans).replace('"', "&quot;")
    return f'{level} {both}{suffix} {{#{anchor} data-toc-label="{label}"{attrs}}}'


def zh_heading(block: Block, level: str = "##", suffix: str = "", attrs: str = "") -> str:
    """A Chinese heading of an article in both scripts."""
    return heading_in_both_scripts(block.text, block.text_hant or block.text, block.id, level, suffix, attrs)


def flag(kind: str, zh_label: str, en_label: str, title: str = "") -> str:
    """A label on a row (uncertain, pinned, added, the publisher's note): our words, never the
    texts', so search leaves it out. It is a ``small``: Material's indexer ends an excluded
    element at the first closing tag of the same name, and the label holds ``span`` elements."""
    tip = f' title="{title}"' if title else ""
    return (f'<small class="dz-flag dz-flag-{kind}" data-search-exclude="flag"{tip}>{zh_label} '
            f'<span lang="en">{en_label}</span></small>')


def addition_flag(zh: Callable[[str], str], text: str = "", publisher: str = "") -> str:
    """The mark of a paragraph with no source, one wording wherever it shows: the summary's
    own addition, or, if ``text`` is a publisher's note (``notes.is_publisher_note``), that,
    an image's caption and a translator's or editor's note being named as such.
    ``zh`` renders our Chinese label in both scripts (``Decorations.zh`` or ``zh_text``)."""
    if text and is_image_caption(text):
        return flag("note", zh("图注，原图未收录"), "An image’s caption; the image is not reproduced")
    if text and is_editorial_note(text):
        return flag("note", zh("译者或编者附注，不属原文"), "The translator’s or editor’s note, not part of the original")
    if text and is_publisher_note(text, publisher):
        return flag("note", zh("出版方附注，不属摘要正文"), "The publisher’s note, not part of the summary")
    return flag("added", zh("摘要自加，原文无对应"), "The summary’s own addition: no source in the original")


def quotation(parts: Sequence[tuple[int, str]]) -> str:
    """Sentences quoted together, given with their places in the source: "…" marks where the
    source has others between them (a line may condense sentences apart).

    >>> quotation([(3, "One."), (4, "Two."), (7, "Five.")])
    'One. Two. … Five.'
    """
    out, last = [], None
    for place, text in sorted(parts):
        if last is not None and place > last + 1:
            out.append("…")
        out.append(text)
        last = place
    return " ".join(out)


def permalink(anchor: str) -> str:
    # Kept out of the search index: a result's snippet would end in "¶".
    return (f'<a class="dz-permalink" href="#{anchor}" data-search-exclude="mark" title="链接到此处 Link here" '
            'aria-label="链接到此处 Link here">¶</a>')


def link(url: str) -> str:
    """An external link; anything but http(s) is shown as text, never as a live link."""
    if not url.startswith(("https://", "http://")):
        return h(url)
    return f'<a href="{h(url)}" rel="noopener">{h(url)}</a>'


PLACES_CLASS = "dz-places"
"""Class of a run of links to the places a term occurs: on paper they become page numbers."""

_CONTAINERS = {"item": ('<ul class="dz-list">', "</ul>", "li"), "quote": ('<blockquote class="dz-quote">', "</blockquote>", "p"),
               "code": ('<div class="dz-code">', "</div>", "p")}


CODE_GAP = '<p class="dz-code-gap"></p>'
"""An empty line inside a box of code, where the code has one (cleaning keeps no blank line)."""


def block_runs(blocks, inner: Callable[[Block, str], str]) -> list[str]:
    """HTML for a sequence of non-heading blocks, consecutive list items in one ``<ul>``,
    consecutive quote lines in one ``<blockquote>`` and lines of code in one box; where lines
    of code were apart in the source, the box keeps the empty line between them.

    ``inner(block, tag)`` renders one block as the element ``tag``.
    """
    out: list[str] = []
    run_kind, run, last = None, [], None
    for block in [*blocks, None]:
        kind = block.kind if block is not None else None
        if run and kind != run_kind:
            opening, closing, _ = _CONTAINERS[run_kind]
            out.append(opening + "".join(run) + closing)
            run = []
        if block is None:
            break
        if kind in _CONTAINERS:
            if kind == "code" and run and block.lines[0] > last.lines[-1] + 1:
                run.append(CODE_GAP)
            run_kind = kind
            run.append(inner(block, _CONTAINERS[kind][2]))
        else:
            out.append(inner(block, "p"))
        last = block
    return out


def with_headings(blocks, heading, paragraph) -> list[str]:
    """Markdown lines: headings as Markdown, runs of other blocks as HTML blocks."""
    out, pending = [], []
    for block in [*blocks, None]:
        if block is not None and block.kind != "heading":
            pending.append(block)
            continue
        for html_block in block_runs(pending, paragraph):
            out += [html_block, ""]
        pending = []
        if block is not None:
            out += [heading(block), ""]
    return out


TIED_DOT = "\u00a0·\u00a0"
"""A "·" between items, tied to both by no-break spaces: a line never starts or ends with it."""


def shortened(text: str, limit: int = 60) -> str:
    """Text for a tooltip (a Markdown link title or a ``title`` attribute): one line, no quotes
    or backslashes, shortened at a word boundary where there is one, with "…" where it is cut.

    >>> shortened("Releasing research as open-source software (ColBERT, DSPy)", 50)
    'Releasing research as open-source software…'
    >>> shortened("the open projects the essays name (ColBERT, DSPy, RewardBench, TRL)", 50)
    'the open projects the essays name…'
    >>> shortened("当时是HuggingFace的研究负责人Douwe Kiela把他招进去", 12)
    '当时是HuggingF…'
    """
    flat = " ".join(text.split()).replace('"', "”").replace("\\", "＼")
    if len(flat) <= limit:
        return flat
    cut = flat[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    # A bracket opened and not closed before the cut would be left open: cut before it.
    for opening, closing in (("(", ")"), ("（", "）")):
        at = cut.rfind(opening)
        if at > limit // 2 and closing not in cut[at:]:
            cut = cut[:at]
    return cut.rstrip(",;: (，、") + "…"
