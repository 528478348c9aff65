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
_BYLINE = r"\s*[／/｜|](?=[^，。！？,]{1,30}$)"
"""A byline's slash: only on a short line with no sentence in it (``翻译/校对这样的工作，…`` is one)."""
_CREDIT = rf"(?:(?:{_CREDITS})\s*[:：]|(?:{_CREDITS}|文|图|策划|采访|整理){_BYLINE})"
"""A credit's header: ``编辑:``, ``撰文／``, or the bare ``文／`` and ``图／`` of a byline (策划｜…,
but ``整理：一份被低估的工作`` may head a section)."""

_DATE = r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?"
_ACTION = "关注|订阅|点赞|在看|星标|分享|转发"
"""What a page asks of its reader: 关注我们, 点个「在看」."""
_OFFER = "点我|点此|点击|立即|马上|免费|领取|会员|订阅|报名|下载"

# A reference header may also stand alone (``参考资料``), but ``参考资料显示，他…`` is a
# sentence. An address may carry a list mark: ``[1] https://…``.
_NOTE = re.compile(
    r"^(?:"
    rf"{_CREDIT}.*|(?:{_REFERENCES})"
    r"|(?:\[\d+\]|\d+[.、)）])?\s*(?:https?://|www\.)\S+"
    r"|[(（]?(?:文章|本文)(?:来自|来源于?|转自|[^。，,]{0,12}?(?:授权转载|原创|转载自|首发于|刊载于|原载于)).*"
    r"|.{0,6}(?:感谢(?:收看|观看|收听|阅读)|下期再见|(?:点击|欢迎)(?:关注|订阅|点赞)).{0,20}"
    # A call to follow, opening the line (``重点关注`` is no call): 点击蓝字关注我们, ▲点击上方卡片关注我们.
    rf"|[^\u4e00-\u9fff]{{0,3}}(?:点击|点|长按|扫码)(?:上方|下方)?(?:蓝字|蓝色字体?|卡片|二维码|个|一下)?\s*"
    rf"(?:[「“\"][^」”\"]{{1,12}}[」”\"][，,]?\s*)?[「“\"]?(?:{_ACTION}).{{0,20}}"
    # …or closing a short line of its own: 觉得不错，请点个在看.
    r"|(?=[^。]{0,20}$).{0,10}点(?:个|一下)[「“\"]?(?:在看|赞)[」”\"]?.{0,10}"
    # A publication's header: 量子位 | 公众号 QbitAI, 梦晨 发自 凹非寺.
    r"|\S{2,8}\s*[|｜]\s*公众号\s*\S{1,20}|\S{1,8}\s+发自\s+\S{1,8}"
    # A reporter's byline: 端传媒 记者 陈颖欣 发自香港, 本报记者 张三.
    r"|(?:\S{1,10}\s+)?(?:本报|特约)?记者\s*\S{2,4}(?:\s+发自\s*\S{1,8})?"
    # A publication's signature line above the text: 原创 AI前线 2025-03-02 08:15 北京.
    rf"|原创\s.{{0,30}}?{_DATE}.{{0,20}}|[^。，,]{{0,30}}?{_DATE}\s+\d{{1,2}}:\d{{2}}(?:\s+[^\s。，,]{{1,6}})?"
    # Its sign-off below: — 完 —, -END-, （完）.
    r"|[-—–－~～·/©\s]*(?:[(（]\s*(?:全文)?完\s*[)）]|[-—–－~～·]\s*(?:全文)?完\s*[-—–－~～·]|全文完|(?:THE )?END|End)[-—–－~～·/\s]*"
    # …and its terms: 转载请联系本公众号获得授权, 投稿或寻求报道：content@….
    r"|转载请[^。]{0,30}|(?:投稿|商务合作|寻求报道)[^。，,]{0,10}[:：].{0,40}(?:@|https?://|www\.|邮箱|微信|电话).*"
    # An offer pointing away from the page: 点我领取免费课程 → www…, 加入会员…▶.
    rf"|(?=.{{0,40}}$)(?=.*(?:{_OFFER})).*(?:→|▶|►|👉|»)\s*(?:(?:https?://|www\.)\S*)?\s*"
    r")$"
)


_CAPTION = re.compile(r"^[(（]?(?:[左右上下中]图|图\s*\d{0,2}|图片|图源|图片来源)\s*[:：]")


def is_image_caption(text: str) -> bool:
    """Whether a Chinese line (in Simplified) is an image's caption: it opens with the image's
    place or number and a colon (左图：, 图1：, 图源：).

    >>> [is_image_caption(t) for t in ("左图：这是一张合影；右图：真实的合影", "图 2：训练曲线", "（图源：网络）", "图：受访者提供")]
    [True, True, True, True]
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
PUBLICATION_HEADER = re.compile(rf"\w{{2,8}}(?:{_HEADER})")
"""Such a line whoever publishes (no title, though 各大媒体报道 reads like one too: it is not taken
for a publisher's note without the publisher's name)."""


def is_publisher_note(text: str, publisher: str = "") -> bool:
    """Whether a Chinese line (in Simplified) is a publisher's note rather than summary; with the
    ``publisher``'s name, its header line counts too (新智元报道, not 各大媒体报道).

    >>> [is_publisher_note(t) for t in ("参考资料:", "https://www.interconnects.ai/p/my-path-into-ai",
    ...                                 "文章来自公众号“新智元", "编辑:蛋酱、博士泽南", "感谢收看本期视频，下期再见")]
    [True, True, True, True, True]
    >>> [is_publisher_note(t) for t in ("[1] https://arxiv.org/abs/2305.18290", "2. www.interconnects.ai", "参考文献")]
    [True, True, True]

    The furniture of an account's or a news site's page: its signature line, byline, calls to
    follow, sign-off, reprint notice, and offers pointing elsewhere.

    >>> furniture = ("原创 AI前线 2025-03-02 08:15 北京", "撰文／林怡君 2025.04.18", "文 / 王小明", "策划｜张三", "图／AI前线",
    ...     "点击蓝字关注我们", "点击上方“AI前线”，关注我们", "▲点击上方卡片关注我们", "长按二维码关注我们", "点个「在看」，让更多人看到",
    ...     "— 完 —", "-END-", "（完）", "（全文完）", "·END·", "© THE END", "转载请联系本公众号获得授权", "投稿或寻求报道：content@example.com",
    ...     "本文为机器之心原创，转载请联系本公众号获得授权", "本文由 InfoQ 授权转载", "觉得不错，请点个在看", "量子位 | 公众号 QbitAI",
    ...     "梦晨 发自 凹非寺", "端传媒 记者 陈颖欣 发自香港", "本报记者 张三", "AI前线 2025-03-02 08:15 北京",
    ...     "2025年03月02日 08:15 北京", "（本文经作者授权转载，原文刊载于作者个人部落格）", "本文来自他的博客",
    ...     "点我领取免费课程 → www.example-course.tw", "加入会员，免费收看更多职场与教育专题 ▶")
    >>> [t for t in furniture if not is_publisher_note(t)]
    []
    >>> prose = ("点击率越高越受关注", "完", "他完成了。", "原创性是研究的核心，2023年1月2日他说。", "我们点个外卖吧。",
    ...     "免费的东西最贵 → 这是真理", "文章最后，她写给还在实验室熬夜的人。", "本文作者来自斯坦福大学，曾在谷歌工作五年。",
    ...     "文章提到，他的灵感来自一次失败的实验。", "本文的核心观点被广泛转载。", "作者重点关注了三个问题。", "三点分享",
    ...     "这件事的重点在看清楚自己想要什么。", "翻译/校对这样的工作，正在被AI取代。", "投稿：一场漫长的等待",
    ...     "整理：一份被低估的工作", "转载请注明出处是他唯一的要求。", "老板看完都忍不住给他点个赞。",
    ...     "他在2023年5月1日 10:00 发表了这篇文章。", "记者问他为什么离开。", "我 发自内心地感谢导师。")
    >>> [t for t in prose if is_publisher_note(t)]
    []
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
