"""Numbers as comparable values, so ``5千多`` in a summary can meet ``5K`` in its source.

Numbers are strong alignment evidence (years, counts, model sizes) but the two
languages write them differently: Chinese mixes Arabic digits with numeral
characters and units (``二零一八年``, ``一千七百五十亿``, ``3000多次``), English
uses digits, suffixes (``5K``, ``70B``) and words (``three``). Both sides are
reduced to plain values; approximate markers (多, 余, 几) are dropped because the
source usually states the round figure the summary hedges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_BIG_UNIT = {"万": 10_000, "亿": 100_000_000}
_NUMERAL_CHARS = "".join(_DIGIT) + "".join(_SMALL_UNIT) + "".join(_BIG_UNIT)

# A run of Arabic digits and/or numeral characters; ``-``/``到``/``至`` join a range.
_ZH_RUN = re.compile(rf"[0-9][0-9,.]*[{_NUMERAL_CHARS}]*|[{_NUMERAL_CHARS}]+")
_ZH_RANGE = re.compile(rf"({_ZH_RUN.pattern})\s*(?:-|–|~|到|至)\s*({_ZH_RUN.pattern})")

# A share: 三分之一 (a third), 百分之三十 and 百分之四点二 (30 and 4.2 percent: the figures English
# writes), 三成 (30%), 一成五 (15%), 一半 (half). 一成 alone is left out: it is far more often part
# of a word (这一成果, 唯一成功) than a tenth; so is a 成 that begins a word (三成员), and 八成
# unless a share follows (八成以上, 八成的人): alone it mostly means "most likely" (他八成忘了).
_ZH_FRACTION = re.compile(rf"({_ZH_RUN.pattern})分之({_ZH_RUN.pattern}(?:点[{''.join(_DIGIT)}]+)?)")
_ZH_TENTHS = re.compile(r"(?<![一二两三四五六七八九十这那每唯另统其])([一二两三四五六七八九])成([一二三四五六七八九])?"
                        r"(?![员果就功绩为立是会要不])")
_SHARE_FOLLOWS = ("以", "左", "的", "多")
_ZH_HALF = re.compile(r"一半|半数")
# A count and a half: 一个半小时, 一年半, 两天半 are 1.5 and 2.5, as "an hour and a half" is. After
# 个 the unit must follow (一个半生不熟的想法 is a half-baked idea); 一年半载 ("a year or so"),
# 两天半夜, 十年半导体研究 (semiconductors), 2023年半导体 (a year) and 第一个半小时 (the first half
# hour) count no half.
_ZH_AND_A_HALF = re.compile(r"(?<![第每这那0-9])([一二两三四五六七八九十]+|[0-9]{1,2})(?:个半(?=小时|月|钟头|星期|礼拜|学期|世纪)"
                            r"|(?:年|天|周|星期)半(?![载夜生死途路导年]))")
# The decades of this century: 本世纪二十年代, 21世纪20年代 are the 2020s.
_THIS_CENTURY = ("本世纪", "21世纪", "二十一世纪")
# 年代 is no decade where 代 begins a word: 二十年代码 is twenty years of code.
_NOT_DECADE = tuple("码价表替理言购谢办数号词")

# A lone numeral character is a number only before a counter: 三个月 is 3, 一直 is not.
_COUNTERS = tuple("个年月天日次篇位名项周岁倍种件部本条家层步") + ("小时", "分钟")

# Idioms and function words that are written with numeral characters but count nothing.
_NOT_NUMBERS = ("一些", "一直", "一起", "一样", "一般", "一定", "一切", "统一", "万一", "十分",
                "一点", "一下", "唯一", "之一", "第一", "一边", "一旦", "一方面", "千万", "再三")

_EN_NUMBER = re.compile(r"(?<![\w.])(\d(?:[\d,]*\d)?(?:\.\d+)?)(?:\s?([kKmMbB])\b|\s(thousand|million|billion|trillion)s?\b)?",
                        re.IGNORECASE)
_EN_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30,
             "hundred": 100, "thousand": 1000, "dozen": 12}
# "first" is left out: it is far more often "at first" than a place in an order, as 第一 is.
_EN_ORDINALS = ("second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth").split()
_EN_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# A share: "a third of", "one-third", "cut by a third.", "two-thirds", "half". "A third" may also
# be a place in an order ("a third attempt"): it is a share before "of", at a clause's end, or
# hyphenated. Plurals are always shares ("two halves" is no share: it is the whole). "Half" is
# not half in "one and a half", which is 1.5 (``_EN_AND_A_HALF``).
_EN_PARTS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_EN_PLURAL_PARTS = {part + "s": whole for part, whole in _EN_PARTS.items() if part != "half"}
_EN_SHARE = re.compile(
    rf"\b(?:(?:a|an|one)(?P<joint>[- ])(?P<part>{'|'.join(_EN_PARTS)})"
    rf"|(?P<count>two|three|four|five|six|seven|eight|nine)[- ](?P<parts>{'|'.join(_EN_PLURAL_PARTS)})|half)\b",
    re.IGNORECASE)
_SHARE_END = re.compile(r" of\b|\s*[.,;:!?)]|\s*$")
# "one and a half", "an hour and a half", "two and a half years": 1.5 and 2.5.
_EN_AND_A_HALF = re.compile(r"\b(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)"
                            r"(?: (?!dozen|hundred|thousand|million|billion)[a-z]+)? and a half\b(?!-)", re.IGNORECASE)
# A decade: "the '80s", "the 80s", "the nineties" are the 1980s and 1990s, as 八十年代 is; "in
# her 30s" and "in his thirties" are an age, as 三十多岁 is.
_EN_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                    "seventies": 70, "eighties": 80, "nineties": 90}
_EN_DECADE_BEFORE = re.compile(r"(?:\bthe\s+(?:(?:early|mid|late)[- ])?'?|')$", re.IGNORECASE)
_PLURAL = re.compile(r"'?s\b")
_EN_SUFFIX = {"k": 1e3, "m": 1e6, "b": 1e9}
_EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_APPROXIMATE = "多余几来"
"""Markers after a numeral that hedge it (5千多, 3000余): part of the number, not a word."""


def chinese_numeral(text: str) -> float | None:
    """The value of one numeral written with digits and/or Chinese numeral characters.

    >>> chinese_numeral("二零一八")
    2018.0
    >>> chinese_numeral("一千七百五十亿")
    175000000000.0
    >>> chinese_numeral("5千")
    5000.0
    >>> chinese_numeral("十五"), chinese_numeral("两百"), chinese_numeral("3000")
    (15.0, 200.0, 3000.0)
    >>> chinese_numeral("年") is None
    True
    """
    text = text.replace(",", "")
    if not text:
        return None
    if all(c in _DIGIT for c in text) and len(text) > 1:
        # 二零一八: digit by digit, as years are read.
        return float("".join(str(_DIGIT[c]) for c in text))
    total, section, number = 0.0, 0.0, None
    i = 0
    while i < len(text):
        match = re.match(r"\d+(?:\.\d+)?", text[i:])
        if match:
            number = float(match.group())
            i += match.end()
            continue
        c = text[i]
        if c in _DIGIT:
            number = float(_DIGIT[c])
        elif c in _SMALL_UNIT:
            section += (1.0 if number is None else number) * _SMALL_UNIT[c]
            number = None
        elif c in _BIG_UNIT:
            total = (total + section + (number or 0.0)) * _BIG_UNIT[c]
            section, number = 0.0, None
        else:
            return None
        i += 1
    value = total + section + (number or 0.0)
    return value if value or "零" in text or "0" in text else None


SECTION_NUMBER = re.compile(
    r"^\s*(?:第(?P<nth>[一二三四五六七八九十0-9]+)[章节部]|(?P<hanzi>[一二三四五六七八九十]+)[、.．:：／/]"
    r"|(?P<digits>[0-9]+)(?:、|[:：／/.．](?![0-9]))|(?P<padded>0[1-9])\s+(?=[^\s0-9])"
    r"|[(（](?P<bracketed>[一二三四五六七八九十0-9]+)[)）])\s*")
"""The number a summary puts before a section heading: 第三章, 二、, 二／, 3., 01 (then a space), (四);
not a quantity (3 个月后, 1/3 的时间, 3:2 的比分)."""


def section_number(heading: str) -> int | None:
    """The number of a numbered section heading, or None.

    >>> [section_number(t) for t in ("二／第四年，全面崩溃", "01 告别交易桌", "第三章 回到学校", "(四)总结", "3. 方法")]
    [2, 1, 3, 4, 3]
    >>> [section_number(t) for t in ("3.5亿人在用", "一部电影", "2023 年回顾", "写在最后", "3 个月后", "20 岁那年", "1/3 的时间", "3:2 的比分")]
    [None, None, None, None, None, None, None, None]
    """
    match = SECTION_NUMBER.match(heading)
    if not match:
        return None
    value = chinese_numeral(next(group for group in match.groups() if group))
    return int(value) if value else None


def numbers_in_chinese(text: str) -> tuple[float, ...]:
    """Every number a Chinese text states, in order; a range gives both ends.

    >>> numbers_in_chinese("如今,他的谷歌引用数已有5千多,h指数为32。")
    (5000.0, 32.0)
    >>> numbers_in_chinese("被引用了3000多次;二零一八年;2-3 年;三个月")
    (3000.0, 2018.0, 2.0, 3.0, 3.0)
    >>> numbers_in_chinese("他一直在主动争取机会,这是第一步")
    ()
    """
    return tuple(number.value for number in stated_in_chinese(text))


@dataclass(frozen=True)
class Stated:
    """A number a text states, and where: the characters there are a number, not words
    (千 of 5千多 is not "thousand", "three" is 3)."""

    start: int
    end: int
    value: float
    ordinal: bool = False
    """A place in an order (第三次, "third", "3rd"), which meets only another ordinal: "the
    third submission" is not "three times"."""

    @property
    def key(self) -> str:
        return number_key(self.value) + ("." if self.ordinal else "")


def stated_in_chinese(text: str) -> list[Stated]:
    """The numbers of ``numbers_in_chinese`` with their places, including the markers that
    hedge them.

    >>> text = "只需要两三个人,已有5千多次引用"
    >>> [(text[n.start:n.end], n.value) for n in stated_in_chinese(text)]
    [('两三', 2.0), ('两三', 3.0), ('5千多', 5000.0)]
    >>> [(n.value, n.ordinal) for n in stated_in_chinese("别拖到第五段；第三，找伙伴；第一次")]
    [(5.0, True), (3.0, True)]
    >>> [round(n.value, 3) for n in stated_in_chinese("三分之一、百分之三十、一成五、一半、八十年代")]
    [0.333, 30.0, 15.0, 0.5, 1980.0]
    >>> [round(n.value, 3) for n in stated_in_chinese("百分之四点二、本世纪二十年代、这一成果、三分之一到一半")]
    [4.2, 2020.0, 0.333, 0.5]
    >>> [n.value for n in stated_in_chinese("一个半小时、两年半、一年半载")]
    [1.5, 2.5]
    """
    found: list[Stated] = []
    ranges = []
    for match in _ZH_FRACTION.finditer(text):
        whole, part = chinese_numeral(match.group(1)), _with_decimals(match.group(2))
        if whole and part:
            found.append(Stated(match.start(), _hedged_end(text, match.end()), part if whole == 100 else part / whole))
            ranges.append(match.span())
    for match in _ZH_TENTHS.finditer(text):
        tens, units = match.groups()
        if not units and (tens == "一" or tens == "八" and not text.startswith(_SHARE_FOLLOWS, match.end())):
            continue
        found.append(Stated(match.start(), match.end(), float(_DIGIT[tens] * 10 + (_DIGIT[units] if units else 0))))
        ranges.append(match.span())
    for match in _ZH_HALF.finditer(text):
        found.append(Stated(match.start(), match.end(), 0.5))
        ranges.append(match.span())
    for match in _ZH_AND_A_HALF.finditer(text):
        count = chinese_numeral(match.group(1))
        if count:
            found.append(Stated(match.start(), match.end(), count + 0.5))
            ranges.append(match.span())
    for match in _ZH_RANGE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in ranges):
            continue  # 三分之一到一半: a range of shares, each read above
        for group in (1, 2):
            value = chinese_numeral(match.group(group))
            if value is not None:
                found.append(Stated(match.start(group), _hedged_end(text, match.end(group)), value))
        ranges.append(match.span())
    for match in _ZH_RUN.finditer(text):
        if any(start <= match.start() < end for start, end in ranges) or not _is_counted(text, match):
            continue
        end = _hedged_end(text, match.end())
        pair = _neighbouring_digits(match.group())
        if pair:
            found.extend(Stated(match.start(), end, value) for value in pair)
            continue
        value = chinese_numeral(match.group())
        if value is not None and value != 0:
            if text.startswith("年代", match.end()) and _tens(value) and \
                    not text.startswith(_NOT_DECADE, match.end() + 2):
                value += 2000 if text.endswith(_THIS_CENTURY, 0, match.start()) else 1900  # 八十年代: the 1980s
            found.append(Stated(match.start(), end, value, text[match.start() - 1:match.start()] == "第"))
    return sorted(found, key=lambda number: (number.start, number.value))


def _with_decimals(run: str) -> float | None:
    """A Chinese numeral that may have decimals read digit by digit: 四点二 is 4.2.

    >>> _with_decimals("四点二"), _with_decimals("零点五"), _with_decimals("三十")
    (4.2, 0.5, 30.0)
    """
    whole, _, decimals = run.partition("点")
    value = chinese_numeral(whole)
    if value is None or not decimals:
        return value
    return value + float("0." + "".join(str(_DIGIT[c]) for c in decimals))


def _tens(value: float) -> bool:
    """Whether ``value`` may name a decade by its tens (八十年代, the '80s): 10, 20, … 90."""
    return 10 <= value < 100 and value % 10 == 0


def _hedged_end(text: str, end: int) -> int:
    return end + 1 if end < len(text) and text[end] in _APPROXIMATE else end


def _neighbouring_digits(run: str) -> tuple[float, float] | None:
    """Two neighbouring digits say "one or the other", as English says "two or three":
    两三个人 is 2 or 3 people, not 23 (years are read digit by digit, but have more digits).

    >>> _neighbouring_digits("两三"), _neighbouring_digits("七八"), _neighbouring_digits("九七")
    ((2.0, 3.0), (7.0, 8.0), None)
    """
    if len(run) == 2 and all(c in _DIGIT for c in run) and _DIGIT[run[1]] == _DIGIT[run[0]] + 1 > 1:
        return float(_DIGIT[run[0]]), float(_DIGIT[run[1]])
    return None


def _is_counted(text: str, match: re.Match) -> bool:
    """Whether a numeral run is a quantity rather than part of a word such as 一直."""
    run = match.group()
    if any(c.isdigit() for c in run) or len(run) > 1 and not _inside_idiom(text, match):
        return True
    if _inside_idiom(text, match) or run == "一":
        return False
    # After 第 it is a place in an order, whatever follows it: 第五段, 第三，….
    return text.startswith(_COUNTERS, match.end()) or text[match.start() - 1:match.start()] == "第"


def _inside_idiom(text: str, match: re.Match) -> bool:
    window = text[max(0, match.start() - 2): match.end() + 2]
    return any(idiom in window for idiom in _NOT_NUMBERS)


def numbers_in_english(text: str) -> tuple[float, ...]:
    """Every number an English text states: digits, ``5K``-style suffixes, small number words.

    >>> numbers_in_english("I passed 5K citations and the real goal is 100K.")
    (5000.0, 100000.0)
    >>> numbers_in_english("training Tülu 2 70B in 2019, about three months")
    (2.0, 70000000000.0, 2019.0, 3.0)
    >>> numbers_in_english("June 3-5 on 1,000 models")
    (3.0, 5.0, 1000.0)
    >>> numbers_in_english("GPT-3 had 175 billion parameters")
    (3.0, 175000000000.0)
    """
    return tuple(number.value for number in stated_in_english(text))


def stated_in_english(text: str) -> list[Stated]:
    """The numbers of ``numbers_in_english`` with their places.

    >>> text = "about three months and 175 billion parameters"
    >>> [(text[n.start:n.end], n.value) for n in stated_in_english(text)]
    [('three', 3.0), ('175 billion', 175000000000.0)]
    >>> [round(n.value, 3) for n in stated_in_english("a third of it, two-thirds, half, the '80s, the nineties")]
    [0.333, 0.667, 0.5, 1980.0, 1990.0]
    >>> [n.value for n in stated_in_english("an hour and a half, two and a half years, 2 and a half")]
    [1.5, 2.5, 2.5]
    >>> [n.value for n in stated_in_english("a third attempt in her thirties")]
    [3.0, 30.0]
    """
    found: list[Stated] = []
    shares = []
    for match in _EN_AND_A_HALF.finditer(text):
        count = match["count"].lower()
        whole = 1 if count in ("a", "an", "one") else int(count) if count.isdigit() else _EN_WORDS[count]
        found.append(Stated(match.start(), match.end(), whole + 0.5))
        shares.append(match.span())
    for match in _EN_SHARE.finditer(text):
        part, parts = (match["part"] or "").lower(), match["parts"]
        if parts:
            value = _EN_WORDS[match["count"].lower()] / _EN_PLURAL_PARTS[parts.lower()]
        elif part and part != "half":
            if match["joint"] == " " and not _SHARE_END.match(text, match.end()):
                continue  # "a third attempt": a place in an order
            value = 1 / _EN_PARTS[part]
        elif text.endswith(("and ", "and a "), 0, match.start()):
            continue  # the half of "a year and a half", read above as 1.5
        else:
            value = 0.5
        found.append(Stated(match.start(), match.end(), value))
        shares.append(match.span())
    for match in _EN_NUMBER.finditer(text):
        if _within(shares, match.start()):
            continue  # the 2 of "2 and a half"
        value = float(match.group(1).replace(",", ""))
        if match.group(2):
            value *= _EN_SUFFIX[match.group(2).lower()]
        elif match.group(3):
            value *= _EN_SCALE[match.group(3).lower()]
        elif _PLURAL.match(text, match.end()) and _decade(text, match.start(), value):
            value += 1900
        suffix = _EN_ORDINAL_SUFFIX.match(text, match.end())
        end = suffix.end() if suffix else match.end()
        found.append(Stated(match.start(), end, value, bool(suffix)))
    for match in re.finditer(r"[A-Za-z]+", text):
        if _within(shares, match.start()):
            continue
        word = match.group().lower()
        if word in _EN_DECADE_WORDS:
            value = _EN_DECADE_WORDS[word]
            if _decade(text, match.start(), value):
                value += 1900
            found.append(Stated(match.start(), match.end(), float(value)))
        elif word in _EN_WORDS:
            found.append(Stated(match.start(), match.end(), float(_EN_WORDS[word])))
        elif word in _EN_ORDINALS:
            found.append(Stated(match.start(), match.end(), float(_EN_ORDINALS.index(word) + 2), True))
    return sorted(found, key=lambda number: number.start)


def _within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` falls inside one of ``spans`` (a share read already)."""
    return any(start <= at < end for start, end in spans)


def _decade(text: str, start: int, value: float) -> bool:
    """Whether the tens at ``start`` ("80s", "eighties") name a decade of the 1900s, not an age.

    >>> _decade("in the '80s", 8, 80), _decade("the late 90s", 9, 90), _decade("in her 30s", 7, 30)
    (True, True, False)
    """
    return _tens(value) and bool(_EN_DECADE_BEFORE.search(text[max(0, start - 12):start]))


def number_key(value: float) -> str:
    """A token under which equal values from both languages meet.

    >>> number_key(5000.0), number_key(2.5)
    ('#5000', '#2.5')
    """
    return f"#{value:g}" if value != int(value) else f"#{int(value)}"
