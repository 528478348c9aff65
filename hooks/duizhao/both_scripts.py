"""Every Chinese text of a built page in both scripts, so that the 繁體 switch reaches it all.

Article text and our labels are written in both scripts where they are made. What is
left is Chinese written straight into Markdown (the home, about and curating pages,
report tables, link texts): this pass finds each text run with Han characters outside
a ``dz-hans``/``dz-hant`` pair and gives it its Traditional twin, the same markup the
rest of the page uses. Code, preformatted text and text marked ``dz-verbatim`` (the
cleaning report's record of the text as received) are left alone: they are quoted, not
prose, and must read exactly as written.

Some texts have a Traditional form of their own, which plain conversion would not give: an
article received in Traditional keeps its own words (its title's 博客 stays 博客, where the
Taiwan variant says 部落格). Such texts are passed in as ``known`` and used wherever they
occur, so a theme page or the home page names the article as its own page does.
"""

from __future__ import annotations

import re

from .script import DEFAULT_TRADITIONAL, HAN, to_traditional

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_OPEN = re.compile(r"<([a-zA-Z][\w-]*)([^>]*?)(/?)>", re.DOTALL)
_CLOSE = re.compile(r"</([a-zA-Z][\w-]*)\s*>")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_VERBATIM = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea", "svg", "title"})
_LEFT_ALONE = re.compile(r"""\bclass\s*=\s*["'][^"']*\b(?:dz-han[st]|dz-verbatim)\b""")


def both_scripts(page_html: str, traditional: str = DEFAULT_TRADITIONAL, known: dict[str, str] | None = None) -> str:
    """``page_html`` with every Chinese text run outside a script pair written in both scripts;
    the texts in ``known`` take their given Traditional form.

    >>> both_scripts('<h1 id="a">关于对照</h1><p>见<code>发布</code></p>', "s2t")
    '<h1 id="a"><span class="dz-hans" lang="zh-Hans">关于对照</span><span class="dz-hant" lang="zh-Hant">關於對照</span></h1><p><span class="dz-hans" lang="zh-Hans">见</span><span class="dz-hant" lang="zh-Hant">見</span><code>发布</code></p>'
    >>> both_scripts('<span class="dz-hans">飞轮</span><span class="dz-hant">飛輪</span> English', "s2t")
    '<span class="dz-hans">飞轮</span><span class="dz-hant">飛輪</span> English'
    >>> both_scripts('<td class="dz-verbatim">并不</td>', "s2t")
    '<td class="dz-verbatim">并不</td>'
    >>> both_scripts('<td>关于博客</td>', "s2twp", {"博客": "博客"})
    '<td><span class="dz-hans" lang="zh-Hans">关于博客</span><span class="dz-hant" lang="zh-Hant">關於博客</span></td>'
    """
    known = {hans: hant for hans, hant in (known or {}).items() if hans}
    own = re.compile("|".join(re.escape(k) for k in sorted(known, key=len, reverse=True))) if known else None
    out = []
    stack: list[tuple[str, bool]] = []  # open elements and whether text inside them is left alone
    for piece in _TOKEN.split(page_html):
        if not piece:
            continue
        if piece.startswith("<"):
            out.append(piece)
            _track(piece, stack)
            continue
        leave = stack[-1][1] if stack else False
        if leave or not HAN.search(piece):
            out.append(piece)
            continue
        out.append(_pair(piece, traditional, known, own))
    return "".join(out)


def _track(tag: str, stack: list[tuple[str, bool]]) -> None:
    if tag.startswith("<!--") or tag.startswith("<!"):
        return
    closing = _CLOSE.match(tag)
    if closing:
        name = closing.group(1).lower()
        # Pop to the matching element (HTML allows unclosed <p>, <li>: close them too).
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == name:
                del stack[depth:]
                break
        return
    opening = _OPEN.match(tag)
    if not opening:
        return
    name, attributes, self_closing = opening.group(1).lower(), opening.group(2), opening.group(3)
    if name in _VOID or self_closing:
        return
    inherited = stack[-1][1] if stack else False
    stack.append((name, inherited or name in _VERBATIM or bool(_LEFT_ALONE.search(attributes))))


def _pair(text: str, traditional: str, known: dict[str, str], own: re.Pattern | None) -> str:
    """One text run (already HTML-escaped) in both scripts; unchanged if conversion changes nothing."""
    converted = _traditional(text, traditional, known, own)
    if converted == text:
        return text
    # Keep the run's outer spaces outside the spans, where the page had them.
    lead = text[:len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    core, twin = text.strip(), converted.strip()
    return (f'{lead}<span class="dz-hans" lang="zh-Hans">{core}</span>'
            f'<span class="dz-hant" lang="zh-Hant">{twin}</span>{trail}')


def _traditional(text: str, traditional: str, known: dict[str, str], own: re.Pattern | None) -> str:
    """``text`` in Traditional: the ``known`` texts in it as given, the rest converted."""
    if own is None:
        return to_traditional(text, traditional)
    out, at = [], 0
    for match in own.finditer(text):
        out += [to_traditional(text[at:match.start()], traditional), known[match.group()]]
        at = match.end()
    out.append(to_traditional(text[at:], traditional))
    return "".join(out)
