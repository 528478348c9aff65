"""Chinese punctuation that a width-folding converter turned into ASCII, given back its full width.

Copies of Chinese pages often come through a tool that folds full-width forms to ASCII
(``，`` → ``,``, ``（`` → ``(``): the text then reads ``博士毕业时,他`` where the page had
``博士毕业时，他``. A reader sees the damage at once, and a narrow ASCII comma between two
characters runs them together. A mark is given back only where Chinese stands next to it:
``1,000``, ``12:30``, ``GPT-4, Claude`` and a web address keep their ASCII marks.
"""

from __future__ import annotations

import re

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CHINESE = re.compile(f"[{_HAN}]")
# Chinese closing marks count as Chinese: ``」,他`` is a comma of Chinese prose.
_CHINESE_SIDE = re.compile(f"[{_HAN}」』”’》〉】〕）。，、：；！？]")
_WORD_SIDE = re.compile(f"[{_HAN}」』”’》〉】〕）]")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_MARK = re.compile(r"[,;:?!]")
_PARENTHESES = re.compile(r"\(([^()]*)\)")
# Addresses keep every character as written (ASCII only: an address glued to Chinese text
# ends where the Chinese begins).
_ADDRESS = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+")


def restore_full_width(text: str) -> str:
    """Give ASCII punctuation next to Chinese its full-width form.

    >>> restore_full_width("博士毕业时,他在NeurIPS上0篇论文:尽管如此(至少)他没放弃!")
    '博士毕业时，他在NeurIPS上0篇论文：尽管如此（至少）他没放弃！'
    >>> restore_full_width("Sergey Levine,他说。顶会(NeurIPS)与「RLHF」,对吗?")
    'Sergey Levine，他说。顶会（NeurIPS）与「RLHF」，对吗？'
    >>> restore_full_width("有1,000人,12:30开会;GPT-4, Claude (2023) 和 https://a.org/x?q=1,2 2017,他")
    '有1,000人，12:30开会；GPT-4, Claude (2023) 和 https://a.org/x?q=1,2 2017，他'
    """
    if not _CHINESE.search(text):
        return text
    out, start = [], 0
    for address in _ADDRESS.finditer(text):
        out.append(_restore(text[start:address.start()], text[:start], text[address.start():]))
        out.append(address.group())
        start = address.end()
    out.append(_restore(text[start:], text[:start], ""))
    return "".join(out)


def _restore(part: str, before: str, after: str) -> str:
    """``part`` restored; ``before`` and ``after`` are the text around it, for its edges."""
    part = _PARENTHESES.sub(lambda m: _parentheses(m, part), part)

    def mark(match: re.Match) -> str:
        k = match.start()
        left = part[k - 1] if k else before[-1:]
        right = part[k + 1] if k + 1 < len(part) else after[:1]
        if _CHINESE_SIDE.match(left) or _CHINESE_SIDE.match(right):
            return _FULL_WIDTH[match.group()]
        return match.group()

    return _MARK.sub(mark, part)


def _parentheses(match: re.Match, text: str) -> str:
    """A pair of parentheses in Chinese prose: around Chinese, or against a Chinese word or
    quote (``顶会(NeurIPS)``, ``「飞轮」(flywheel)这个``). An enumerator after a mark,
    ``：(i) …；(ii) …``, keeps its own."""
    left = text[match.start() - 1] if match.start() else ""
    right = text[match.end()] if match.end() < len(text) else ""
    if _CHINESE.search(match.group(1)) or _WORD_SIDE.match(left) or _CHINESE.match(right):
        return f"（{match.group(1)}）"
    return match.group()
