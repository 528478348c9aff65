"""The Traditional rendering: Taiwan words where they are everyday words, never computing jargon."""

from __future__ import annotations

import pytest

from duizhao.script import to_traditional


@pytest.mark.parametrize("simplified, traditional", [
    # Sentences of the corpus whose Taiwan phrases in OpenCC are a programmer's words.
    ("他在访谈中抛出了一个颠覆性的观点", "他在訪談中拋出了一個顛覆性的觀點"),   # not 丟擲, to throw an exception
    ("一千七百五十亿参数", "一千七百五十億參數"),                           # not 引數, a function's arguments
    ("不同类型的学习", "不同類型的學習"),                                   # not 型別, a data type
    ("他发布了一篇博文", "他發佈了一篇博文"),                               # not 釋出, a software release
    ("良性循环", "良性循環"),                                               # not 迴圈, a program loop
    # The Taiwan words themselves stay: the reader chose them.
    ("这个软件的用户", "這個軟體的使用者"),
])
def test_everyday_words_keep_their_everyday_form(simplified, traditional):
    assert to_traditional(simplified, "s2twp") == traditional
