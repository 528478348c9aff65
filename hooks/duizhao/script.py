"""Chinese script handling with OpenCC: Simplified for processing, Traditional for display.

Converters are loaded once per process and cached (they are immutable), which is safe
under ``mkdocs serve`` where the hook module is not reloaded between builds.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

from .words import segment

DEFAULT_TRADITIONAL = "s2twp"
"""Simplified → Traditional (Taiwan standard, with phrase conversion) unless mkdocs.yml says otherwise."""

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
"""A Chinese character (the unified ideographs, extension A and the compatibility block)."""

# URLs must survive conversion byte for byte: a path such as /软件 is an address, not prose.
# An address is printable ASCII; Chinese belongs to it where it opens a path segment, a query
# value or a fragment (/软件, ?q=飞轮), or follows a mark that joins words inside one
# (/香港_(消歧義), /新聞-國際). Chinese glued to a word of the address is prose again
# (…/robowalk下載了代碼), and is converted.
ADDRESS_CHINESE = r"(?<=[/=#_(\-~])[\u3400-\u4dbf\u4e00-\u9fff]+"
"""Chinese that is part of a web address, after the ASCII before it (pattern text)."""
_PROTECTED = re.compile(rf"(?:https?://|www\.)[\x21-\x7e]+(?:{ADDRESS_CHINESE}[\x21-\x7e]*)*")


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def convert(text: str, config: str) -> str:
    """Convert ``text`` with an OpenCC configuration, leaving URLs untouched.

    >>> convert("表現出了重度抑鬱", "t2s")
    '表现出了重度抑郁'
    >>> convert("见 https://example.org/软件 软件", "s2twp")
    '見 https://example.org/软件 軟體'
    >>> convert("從https://example.org/robowalk下載了代碼並加以改造", "t2s")
    '从https://example.org/robowalk下载了代码并加以改造'
    >>> convert("見https://zh.wikipedia.org/wiki/香港_(消歧義) 與 https://news.example.tw/新聞-國際-2024", "t2s")
    '见https://zh.wikipedia.org/wiki/香港_(消歧義) 与 https://news.example.tw/新聞-國際-2024'
    """
    pieces = []
    last = 0
    for match in _PROTECTED.finditer(text):
        pieces.append(_converter(config).convert(text[last:match.start()]))
        pieces.append(match.group())
        last = match.end()
    pieces.append(_converter(config).convert(text[last:]))
    return "".join(pieces)


def to_simplified(text: str) -> str:
    """Traditional (or mixed) Chinese → Simplified, for processing and the default view.

    ``tw2s`` rather than ``t2s``: it also folds Taiwan variant forms, so 意味著 becomes
    意味着 (``t2s`` keeps 著, which is a valid Simplified character in 著作). Vocabulary is
    left alone (軟體 stays 软体): changing words would change what the author wrote.

    >>> to_simplified("意味著 著作 軟體")
    '意味着 著作 软体'
    """
    return convert(text, "tw2s")


def mend_simplified(text: str) -> str:
    """Simplified text with the stray Traditional characters of a broken conversion folded
    (項目 → 项目). ``t2s``, not ``tw2s``: in a text written in Simplified, 著 is the character
    of 显著 and 著作, which ``tw2s`` would turn into 着.

    >>> mend_simplified("影响显著,他著有三本书。这个項目")
    '影响显著,他著有三本书。这个项目'
    """
    return convert(text, "t2s")


_WORD_BREAK = "\x01"
"""Put between words before conversion: no OpenCC phrase contains it, so no phrase spans two words."""


def to_traditional(text: str, config: str = DEFAULT_TRADITIONAL) -> str:
    """Simplified Chinese → Traditional, for the reader who prefers it.

    OpenCC matches its phrase tables greedily across word boundaries: 相关系统 would become
    相關係統 (关系 taken as a phrase), 失明了 失明瞭, 发长文 髮長文 (hair). Converting word by
    word, as jieba segments the text, keeps each phrase inside one word.

    >>> to_traditional("相关系统 后来还失明了 大佬发长文 只在一个任务上", "s2t")
    '相關系統 後來還失明了 大佬發長文 只在一個任務上'
    >>> to_traditional("见 https://example.org/软件", "s2t")
    '見 https://example.org/软件'
    """
    if _WORD_BREAK in text:
        return convert(text, config)
    pieces, last = [], 0
    for match in _PROTECTED.finditer(text):  # an address is not words: it is kept whole, unconverted
        pieces += [_word_by_word(text[last:match.start()], config), match.group()]
        last = match.end()
    pieces.append(_word_by_word(text[last:], config))
    return "".join(pieces)


EVERYDAY_WORDS = ("循环", "联系", "支持", "全局", "扩展", "程序性", "抛出", "参数", "类型", "发布")
"""Words whose Taiwan phrase in OpenCC is computing vocabulary, wrong in an essay: 良性循环 (a
virtuous cycle) would become 良性迴圈 (a program loop), 支持 (backing a person) 支援 (technical
support), 扩展 (to expand) 擴充套件 (a plug-in), 联系 (a connection) 聯絡 (getting in touch),
抛出 (putting forward a view) 丟擲 (throwing an exception), 参数 (a model's parameters) 引數
(a function's arguments), 类型 (a kind) 型別 (a data type), 发布 (publishing a post) 釋出 (a
software release).
A word holding one of them (互相支持, 良性循环) keeps its characters' conversion."""
_PHRASELESS = {"s2twp": "s2tw"}
"""The same conversion without the Taiwan phrase step."""


def traditional_for(received: str, config: str) -> str:
    """The conversion that shows a text received in ``received`` script (``hans``/``hant``)
    in Traditional: the site's ``config``, or for a text received in Traditional its
    characters only.

    Its author chose the words already: a Hong Kong text's 項目 and 消息 are what it says,
    and the Taiwan phrase step would make them 專案 and 訊息. Characters are still
    converted, which also mends the stray Simplified ones of a broken conversion (于, 后).

    >>> [to_traditional("这个项目的消息", traditional_for(received, "s2twp")) for received in ("hans", "hant")]
    ['這個專案的訊息', '這個項目的消息']
    """
    return _PHRASELESS.get(config, config) if received == "hant" else config


def _word_by_word(text: str, config: str) -> str:
    """
    >>> _word_by_word("形成良性循环，互相支持", "s2twp")
    '形成良性循環，互相支持'
    >>> _word_by_word("开源软件的用户", "s2twp")
    '開源軟體的使用者'
    """
    words = segment(text)
    shown = convert(_WORD_BREAK.join(words), config).split(_WORD_BREAK)  # one OpenCC call for the text
    if config in _PHRASELESS and len(shown) == len(words):
        shown = [traditional_word(word, config) if _everyday(word) else form for word, form in zip(words, shown)]
    return "".join(shown)


def traditional_word(word: str, config: str) -> str:
    """One word in Traditional, as the pages show it (a word holding an everyday word keeps its
    characters' conversion; see ``EVERYDAY_WORDS``).

    >>> traditional_word("循环", "s2twp"), traditional_word("软件", "s2twp")
    ('循環', '軟體')
    """
    return convert(word, _PHRASELESS.get(config, config) if _everyday(word) else config)


def _everyday(word: str) -> bool:
    return any(w in word for w in EVERYDAY_WORDS)


def looks_traditional(text: str) -> bool:
    """Whether a text is mostly in Traditional script (it changes under t2s).

    >>> looks_traditional("這是一個關於壓力的博客")
    True
    >>> looks_traditional("这是一个关于压力的博客")
    False
    """
    cjk = "".join(c for c in text if "\u4e00" <= c <= "\u9fff")
    if not cjk:
        return False
    # t2s, not tw2s: 著 of 显著 is Simplified and must not make a Simplified text look Traditional.
    changed = sum(1 for a, b in zip(cjk, mend_simplified(cjk)) if a != b)
    return changed / len(cjk) > 0.05
