"""Chinese punctuation that a width-folding converter turned into ASCII, given back its full width.

Copies of Chinese pages often come through a tool that folds full-width forms to ASCII
(``，`` → ``,``, ``（`` → ``(``): the text then reads ``博士毕业时,他`` where the page had
``博士毕业时，他``. A reader sees the damage at once, and a narrow ASCII comma between two
characters runs them together. A mark is given back only where Chinese stands next to it:
``1,000``, ``12:30``, ``GPT-4, Claude``, a web address, code between backticks, a call such as
``print("你好")`` and an emoticon keep their ASCII marks. A space typed after a full-width
mark, before more Chinese, goes too: the mark carries its own.
"""

from __future__ import annotations

import re

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CHINESE = re.compile(f"[{_HAN}]")
# Chinese marks count as Chinese: ``」,他`` is a comma of Chinese prose. Curly quotes do not:
# English uses them too (``“Why?”``).
_CHINESE_SIDE = re.compile(f"[{_HAN}「」『』《》〈〉【】〔〕（）。，、：；！？]")
_WORD_SIDE = re.compile(f"[{_HAN}」』”’》〉】〕）]")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_MARKS = re.compile(r"[,;:?!]+")
"""A run of marks changes together: ``?!`` after Chinese becomes ``？！``, not ``？!``."""
_EMOTICON = re.compile(r"[:;]-?[()DPp](?![A-Za-z0-9])")
"""``:)``, ``;-)``, ``:P``, but not ``:(i)`` or ``:PR``."""
# Left as written: a web address (up to a space or a Chinese mark: an address may hold Chinese,
# ``/wiki/图灵(数学家)``), with or without its scheme, and code between backticks.
_KEPT = re.compile(r"(?:https?://|www\.|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/)"
                   r"[^\s，。！？；：、」』》<>]*|`[^`]*`")
_CODE_LIKE = re.compile(r"[\"'=]")
"""Inside parentheses, a sign of code rather than prose: ``print("你好")``, ``dict(名字=…)``."""
_CONTENT = re.compile(f"[A-Za-z0-9{_HAN}]")


def restore_full_width(text: str) -> str:
    """Give ASCII punctuation next to Chinese its full-width form.

    >>> restore_full_width("博士毕业时,他在NeurIPS上0篇论文:尽管如此(至少)他没放弃!")
    '博士毕业时，他在NeurIPS上0篇论文：尽管如此（至少）他没放弃！'
    >>> restore_full_width("Sergey Levine,他说。顶会(NeurIPS)与「RLHF」,对吗?!")
    'Sergey Levine，他说。顶会（NeurIPS）与「RLHF」，对吗？！'
    >>> restore_full_width("有1,000人,12:30开会;GPT-4, Claude (2023) 和 https://a.org/x?q=1,2 2017,他")
    '有1,000人，12:30开会；GPT-4, Claude (2023) 和 https://a.org/x?q=1,2 2017，他'
    >>> restore_full_width("嵌套(外层(内层)外层)结束,他说(a)(b)(c)都对。 然后, 「走了」")
    '嵌套（外层（内层）外层）结束，他说（a）（b）（c）都对。然后，「走了」'
    >>> restore_full_width('调用 print("你好,世界") 或 `f(中文)`,函数f(x)的值,好开心:)哈哈(^_^)看:PR')
    '调用 print("你好，世界") 或 `f(中文)`，函数f(x)的值，好开心:)哈哈(^_^)看：PR'
    >>> restore_full_width("见 https://zh.wikipedia.org/wiki/图灵(数学家) 与 example.com/页面?id=1,他问“Why?”")
    '见 https://zh.wikipedia.org/wiki/图灵(数学家) 与 example.com/页面?id=1,他问“Why?”'
    """
    if not _CHINESE.search(text):
        return text
    out, start = [], 0
    for kept in _KEPT.finditer(text):
        out.append(_restore(text[start:kept.start()], text[:start], text[kept.start():]))
        out.append(kept.group())
        start = kept.end()
    out.append(_restore(text[start:], text[:start], ""))
    return _SPACE_AFTER_MARK.sub("", "".join(out))


# A full-width mark carries its own space: a space typed after it, before more Chinese, is a
# gap in the line (``扩大影响力。 这样的工作``).
_SPACE_AFTER_MARK = re.compile(f"(?<=[。，、；：！？」』）])[ \t\u3000]+(?=[{_HAN}「『（])")


def _restore(part: str, before: str, after: str) -> str:
    """``part`` restored; ``before`` and ``after`` are the text around it, for its edges."""
    part = _parentheses(part, before[-1:])

    def marks(match: re.Match) -> str:
        left = part[match.start() - 1] if match.start() else before[-1:]
        right = part[match.end()] if match.end() < len(part) else after[:1]
        if _EMOTICON.match(part, match.start()):
            return match.group()
        if _CHINESE_SIDE.match(left) or _CHINESE_SIDE.match(right):
            return "".join(_FULL_WIDTH[mark] for mark in match.group())
        return match.group()

    return _MARKS.sub(marks, part)


def _parentheses(text: str, before: str) -> str:
    """Pairs of parentheses in Chinese prose made full width: around Chinese, or against a
    Chinese word or quote (``顶会(NeurIPS)``, ``「飞轮」(flywheel)``), inner pairs first, so
    an outer pair holding a converted one and a pair after a converted one follow. An
    enumerator after a mark (``：(i) …``), code (``print("你好")``) and an emoticon (``(^_^)``)
    keep theirs. One pass, with what each open pair holds kept on a stack: a line of 20,000
    nested pairs costs no more than its length."""
    chars = list(text)
    stack: list[list] = []  # per open pair: [index, holds Chinese, holds code, holds a word]
    for k, c in enumerate(chars):
        if c == "(":
            stack.append([k, False, False, False])
        elif c == ")" and stack:
            start, chinese, code, word = stack.pop()
            left = chars[start - 1] if start else before
            if not code and word and (chinese or _WORD_SIDE.match(left)):
                chars[start], chars[k] = "（", "）"
                chinese = True
            if stack:  # the outer pair holds all that this one holds
                outer = stack[-1]
                outer[1], outer[2], outer[3] = outer[1] or chinese, outer[2] or code, outer[3] or word
        elif stack:
            top = stack[-1]
            top[1] = top[1] or bool(_CHINESE.match(c))
            top[2] = top[2] or bool(_CODE_LIKE.match(c))
            top[3] = top[3] or bool(_CONTENT.match(c))
    return "".join(chars)
