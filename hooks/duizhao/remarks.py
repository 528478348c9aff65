"""Telling a summary's general remarks from its retelling of the essay.

A media summary retells an essay about one person (他, 她, or 我 in a translation) and, between
the retold lines, adds remarks of its own about people in general: 这大概是很多高薪技术岗位共同
的隐痛, 这样的故事在学术圈并不罕见. Such a remark shares the essay's topic words, so a
dictionary finds matches for it everywhere; what gives it away is its voice: it hedges (或许,
大概, 恐怕), speaks of a whole class of people (越来越多的创始人, 很多博士生) or calls the story
typical (缩影, 不陌生, 少见), and names no one of the story; or it turns to the summary's own
readers (你怎么看…？欢迎在评论区聊聊).

The aligner asks more of such a line before linking it (``aligner.REMARK_LEVELS``): it is not
kept from linking, since an essay may say the same things (很多人会高估别人的执行力 renders "A lot
of people overestimate others' abilities"), only from linking on the thin evidence a shared
topic gives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

RARE_SHARE = 0.2
"""Most share of a text's lines speaking so for the voice to be the summary's own: a summary
of an advice essay (很多博士生往往……) speaks so throughout, in the essay's own voice."""

_HEDGE = "或许|大概|恐怕|也许|似乎|往往"
"""A hedge, or a rule of thumb (往往): how an editor generalizes from one story."""
_TYPICAL = "缩影|注脚|常态|少见|罕见|普遍|不陌生|通病"
"""A judgement that the story is typical, or telling, of something larger."""
_MANY = "很多|许多|不少|越来越多|无数|每个|每一个"
_PEOPLE = "人|者|公司|团队|学生|博士生|研究生|新生|毕业生|岗位|行业|家"
"""Not 生 alone: 很多事情都会发生 speaks of no one."""
_CLASS = rf"(?:{_MANY})[^，,。：:；;]{{0,12}}(?:{_PEOPLE})"
"""A whole class of people or firms (越来越多的研究者, 很多做垂直模型的创业公司)."""
_REMARK = re.compile(rf"{_HEDGE}|{_TYPICAL}|{_CLASS}")
_TO_READERS = re.compile(r"评论区|留言区|欢迎.{0,3}(?:评论|留言)|你怎么看|你们觉得|你觉得呢|大家觉得|姐妹们|小伙伴们")
"""The summary turning to its own readers (你怎么看…？欢迎在评论区聊聊): a remark whoever it
names, since its 你 is the summary's reader, not the essay's."""
_STORY_PERSON = re.compile(r"[他她我你]")
"""Who a retelling speaks of: the essay's person (他, 她; 我 in a translation), or the reader
addressed as the essay addresses its own."""


def is_general_remark(text: str) -> bool:
    """Whether a Chinese line (in Simplified) speaks in the voice of a remark about people in
    general rather than retelling the story.

    >>> [is_general_remark(t) for t in (
    ...     "这大概是很多高薪技术岗位共同的隐痛：做得越好，留下的痕迹越少。",
    ...     "在融资环境趋冷的当下，一家敢对 VC 说不的五人公司，本身就是少见的样本。",
    ...     "分数越刷越好看，离真实却越来越远，这种场景，恐怕不少炼丹师都不陌生。",
    ...     "创业圈长期推崇「996」，但越来越多的创始人开始意识到，睡眠本身就是生产力。",
    ...     "这也是当年整个行业的通病：论文里的准确率不断刷新，用户的体验却没有变。",
    ...     "这一点对很多刚从工业界转到学术界的人来说都是一道坎。",
    ...     "你怎么看夜跑？欢迎在评论区留言。")]
    [True, True, True, True, True, True, True]

    A line speaking of the story's person, or of many things rather than many people, is no
    such remark, whatever its hedges.

    >>> [is_general_remark(t) for t in (
    ...     "他说，大概20个。",
    ...     "要是当初成了，自己大概会一辈子埋头调参，她笑着说。",
    ...     "秋天错过了一次会议投稿，而且很多实验都失败了。",
    ...     "很多事情都在同一时间发生。",
    ...     "有很多冲劲，但没方向。")]
    [False, False, False, False, False]
    """
    return bool(_TO_READERS.search(text)) or bool(_REMARK.search(text)) and not _STORY_PERSON.search(text)


def general_remarks(texts: Sequence[str]) -> list[bool]:
    """Which of a summary's lines are general remarks of its own: those speaking so, where few
    do (``RARE_SHARE``); none, where the whole text speaks so.

    >>> general_remarks(["他回到了实验室。", "这大概是很多博士生的共同困境。", "他写完了论文。", "她搬回了家。", "他开始写作。"])
    [False, True, False, False, False]
    >>> general_remarks(["很多博士生往往不睡觉。", "很多学生往往不求助。", "导师也许不知道。", "他们只看论文。", "休息是工作的一部分。"])
    [False, False, False, False, False]
    """
    flags = [is_general_remark(text) for text in texts]
    return flags if sum(flags) <= RARE_SHARE * len(flags) else [False] * len(flags)
