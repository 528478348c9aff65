"""SEO spam inside Chinese articles: placeholder company names and injected keyword fragments.

Content farms copy an article and stuff it with keywords so that search engines rank the
copy. Two kinds of stuffing survive into our texts:

* placeholder company names (``成都市某某轴承有限责任公司``): a template whose ``某某``
  ("so-and-so") was never filled in. No real text contains one, so they are removed
  automatically;
* keyword fragments (``斯隆``, ``主弟``, ``奖得讲述经验``) pasted mid-sentence. Some are
  real words elsewhere in the same text (``斯隆奖得主``), so only the curator can say which
  occurrences are injected: their ``spam:`` list in ``overrides.yml`` drives the removal,
  and the curator's ``keep`` phrases protect the genuine ones.
"""

from __future__ import annotations

import re

from .model import SpamFragment

_CJK = "\u4e00-\u9fff"

PLACEHOLDER_COMPANY = re.compile(
    rf"(?:[{_CJK}]{{2,3}}[省市县区])?某某[{_CJK}]{{0,12}}?"
    r"(?:股份有限公司|有限责任公司|有限公司|公司|运营部|经营部|营业部|事业部|部|厂|店|中心|工作室|事务所|商行)"
)
"""A ``某某`` template with an optional place name before it and a business suffix after it.

The place name is limited to two or three characters before 省/市/县/区 so that a keyword
glued in front of the template (``斯隆平顶山市某某…``) is not taken for part of the city."""


def remove_placeholder_companies(text: str) -> str:
    """Remove company names whose ``某某`` placeholder was never filled in.

    >>> remove_placeholder_companies("在研究生期间,斯隆平顶山市某某投资管理运营部很多人经常会迷茫")
    '在研究生期间,斯隆很多人经常会迷茫'
    >>> remove_placeholder_companies("来源:成都市某某轴承有限责任公司 作者:热点")
    '来源: 作者:热点'
    >>> remove_placeholder_companies("某某人说过的话不算数")
    '某某人说过的话不算数'
    """
    return PLACEHOLDER_COMPANY.sub("", text)


def remove_fragments(text: str, fragments: tuple[SpamFragment, ...]) -> str:
    """Remove every occurrence of the curator's spam fragments, except inside a ``keep`` phrase.

    >>> spam = (SpamFragment("斯隆", keep=("斯隆奖得主",)), SpamFragment("主弟"))
    >>> remove_fragments("然后又要回去做「真正的斯隆」研究", spam)
    '然后又要回去做「真正的」研究'
    >>> remove_fragments("我的导师 Matei Zaharia(斯隆奖得主、Apache Spark 创始人)", spam)
    '我的导师 Matei Zaharia(斯隆奖得主、Apache Spark 创始人)'
    >>> remove_fragments("我们应该如何开展研究,主弟才能在已经相当拥挤的领域有所作为?", spam)
    '我们应该如何开展研究,才能在已经相当拥挤的领域有所作为?'
    """
    for fragment in fragments:
        text = _remove_one(text, fragment)
    return text


def _remove_one(text: str, fragment: SpamFragment) -> str:
    protected = [
        (match.start(), match.end())
        for phrase in fragment.keep
        for match in re.finditer(re.escape(phrase), text)
    ]
    pieces, last = [], 0
    for match in re.finditer(re.escape(fragment.text), text):
        if any(start <= match.start() and match.end() <= end for start, end in protected):
            continue
        pieces.append(text[last:match.start()])
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)
