"""Lines a publisher puts around a summary: references, source credits, sign-offs, captions,
and the notes of its translator or editor.

A Chinese summary often ends with ``参考资料:`` and a few addresses, ``文章来自公众号…``,
or a video's ``感谢收看本期视频``; between its paragraphs stand the captions of its images
(``左图：…；右图：…``), whose images a text copy leaves behind. They have no source in the
English, but they are not the summary's own additions to what the essay says either; the
page keeps them and marks them as the publisher's notes (a caption as a caption), and the
coverage panel does not count them.
"""

from __future__ import annotations

import re

# Headers of a publication's credits and references: ``编辑:…``, ``论文链接:https://…``.
_REFERENCES = "参考资料|参考原文|参考文献|参考链接|相关链接|延伸阅读"
_CREDITS = ("作者|编辑|责编|责任编辑|来源|出处|出品|翻译|编译|校对|审校|审核|排版|撰文|监制|原标题|"
            "原文链接|原文地址|文章地址|论文链接|论文地址|项目地址|" + _REFERENCES)
COLOPHON = re.compile(rf"^(?:{_CREDITS})[:：]")
"""A credit or reference line (also never a heading of the text)."""

# A reference header may also stand alone (``参考资料``), but ``参考资料显示，他…`` is a
# sentence. An address may carry a list mark: ``[1] https://…``.
_NOTE = re.compile(
    r"^(?:"
    rf"(?:{_CREDITS})[:：].*|(?:{_REFERENCES})"
    r"|(?:\[\d+\]|\d+[.、)）])?\s*(?:https?://|www\.)\S+"
    r"|(?:文章|本文)(?:来自|来源于?|转载自|转自|首发于|经授权转载).*"
    r"|.{0,6}(?:感谢(?:收看|观看|收听|阅读)|下期再见|(?:点击|欢迎)(?:关注|订阅|点赞)).{0,20}"
    r")$"
)


_CAPTION = re.compile(r"^[(（]?(?:[左右上下中]图|图\s*\d{1,2}|图片|图源|图片来源)\s*[:：]")


def is_image_caption(text: str) -> bool:
    """Whether a Chinese line (in Simplified) is an image's caption: it opens with the image's
    place or number and a colon (左图：, 图1：, 图源：).

    >>> [is_image_caption(t) for t in ("左图：这是一张合影；右图：真实的合影", "图 2：训练曲线", "（图源：网络）")]
    [True, True, True]
    >>> [is_image_caption(t) for t in ("图灵奖得主说：", "如下图所示，损失下降了。", "地图：城市的样子变了。")]
    [False, False, False]
    """
    return bool(_CAPTION.match(text.strip()))


_EDITORIAL = re.compile(r"^[(（【\[]?(?:译者按|译者注|译注|编者按|编者注|编注|编按|笔者按|笔者注|小编按|小编注)[)）】\]]?\s*[:：]")


def is_editorial_note(text: str) -> bool:
    """Whether a Chinese line (in Simplified) is a translator's or an editor's note: it says so
    before a colon (译者按：, 译注：, 编者按：). Such a line explains the text or presents it; it
    renders nothing of the source, however many of its words it names.

    >>> [is_editorial_note(t) for t in ("译注：原文的 counsellor 指心理师", "【编者按】：本文由作者授权", "译者按:本文作者是…", "笔者按：这正是科学精神的起点。")]
    [True, True, True, True]
    >>> [is_editorial_note(t) for t in ("译注这个词很少见。", "编者按照作者的意思改了标题：", "他在注释里写道：")]
    [False, False, False]
    """
    return bool(_EDITORIAL.match(text.strip()))


_HEADER = "报道|编译|整理|出品|原创"
"""What a publication's header line says after its name: 新智元报道, 机器之心编译."""


def is_publisher_note(text: str, publisher: str = "") -> bool:
    """Whether a Chinese line (in Simplified) is a publisher's note rather than summary; with the
    ``publisher``'s name, its header line counts too (新智元报道, not 各大媒体报道).

    >>> [is_publisher_note(t) for t in ("参考资料:", "https://www.interconnects.ai/p/my-path-into-ai",
    ...                                 "文章来自公众号“新智元", "编辑:蛋酱、博士泽南", "感谢收看本期视频，下期再见")]
    [True, True, True, True, True]
    >>> [is_publisher_note(t) for t in ("[1] https://arxiv.org/abs/2305.18290", "2. www.interconnects.ai", "参考文献")]
    [True, True, True]
    >>> [is_publisher_note(t, "新智元") for t in ("新智元报道", "各大媒体报道", "新智元报道了这件事。")]
    [True, False, False]
    >>> [is_publisher_note(t) for t in ("他的资料来源很杂。", "来源于生活的灵感最可贵。", "感谢导师多年来的指导，他才走到今天。",
    ...                                 "参考资料显示，他早年学物理。", "原文链接里还附有一段视频。")]
    [False, False, False, False, False]
    """
    text = text.strip()
    if publisher and re.fullmatch(rf"{re.escape(publisher)}(?:{_HEADER})", text):
        return True
    return bool(_NOTE.match(text)) or is_image_caption(text) or is_editorial_note(text)
