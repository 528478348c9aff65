"""Numbers written either way must meet: the strongest evidence between a summary and its source."""

from __future__ import annotations

import pytest

from duizhao.lexicon import english_keys, load_lexicon
from duizhao.numbers import chinese_numeral, number_key, numbers_in_chinese, numbers_in_english


@pytest.mark.parametrize("text, value", [
    ("二零一八", 2018), ("一千七百五十亿", 175_000_000_000), ("5千", 5000), ("十", 10),
    ("十五", 15), ("二十三", 23), ("两百", 200), ("三万", 30_000), ("1.5万", 15_000), ("2017", 2017),
])
def test_chinese_numerals(text, value):
    assert chinese_numeral(text) == value


@pytest.mark.parametrize("text, values", [
    ("如今,他的谷歌引用数已有5千多,h指数为32。", (5000, 32)),
    ("被引用了3000多次。", (3000,)),
    ("二零一八年春天", (2018,)),
    ("这要花 2-3 年", (2, 3)),
    ("他整整三个月每天都担心", (3,)),
    ("2022年5月加入HuggingFace后", (2022, 5)),
    ("市值一千七百五十亿美元", (175_000_000_000,)),
    # Neighbouring digits hedge ("two or three"); a two-digit year is not one of them.
    ("只需要两三个人", (2, 3)),
    ("七八年前", (7, 8)),
    ("九七年", (97,)),
])
def test_numbers_in_chinese(text, values):
    assert numbers_in_chinese(text) == tuple(float(v) for v in values)


@pytest.mark.parametrize("text", [
    "他一直在主动争取机会。", "这是第一步。", "万一失败了呢", "十分重要", "一些基础知识", "大家一起努力",
])
def test_words_written_with_numerals_are_not_numbers(text):
    assert numbers_in_chinese(text) == ()


@pytest.mark.parametrize("text, values", [
    ("I passed 5K citations", (5000,)),
    ("the real goal is 100K.", (100_000,)),
    ("trained Tülu 2 70B", (2, 70e9)),
    ("about 3 months before the release", (3,)),
    ("for two winters, all 1,000 of them", (2, 1000)),
    ("No numbers here.", ()),
    ("GPT-3 had 175 billion parameters", (3, 175e9)),
    ("a 1.5 trillion token run", (1.5e12,)),
    ("in 2018, thousands of people", (2018,)),
])
def test_numbers_in_english(text, values):
    assert numbers_in_english(text) == tuple(float(v) for v in values)


def test_both_languages_meet_on_one_key():
    zh = {number_key(v) for v in numbers_in_chinese("引用数已有5千多")}
    en = {number_key(v) for v in numbers_in_english("I passed 5K citations")}
    assert zh == en == {"#5000"}


def test_a_number_counts_once_not_also_as_words():
    # 千 of 5千多 is not the word "thousand", 两三 not the words "two" and "three": counted as
    # words too, they would be content the source lacks and lower the line's score.
    zh = [token.keys for token in load_lexicon().chinese_tokens("只需要两三个人,已有5千多次引用,回到二零一八年")]
    assert ("#2",) in zh and ("#3",) in zh and ("#5000",) in zh and ("#2018",) in zh
    assert not any(key in {"two", "three", "thousand", "excess", "eight", "zero"} for keys in zh for key in keys)
    en = english_keys("two or three people with 175 billion parameters")
    assert en == ["peopl", "paramet", "#2", "#3", "#175000000000"]


def test_a_place_in_an_order_meets_only_a_place_in_an_order():
    # "到第三次投稿时" is "by the third submission", not the sentence that says "three times".
    zh = [key for token in load_lexicon().chinese_tokens("到第三次投稿时,读博第二年,投了三次") for key in token.keys]
    assert zh.count("#3.") == 1 and zh.count("#2.") == 1 and zh.count("#3") == 1
    assert english_keys("By the third submission") == ["submiss", "#3."]
    assert english_keys("my 2nd paper in the 21st century, submitted three times") == \
        ["paper", "centuri", "submit", "time", "#2.", "#21.", "#3"]


@pytest.mark.parametrize("chinese, english", [
    ("薪水缩水三分之一", "a pay cut of a third of his salary"),
    ("近五分之一都标错了", "nearly a fifth of the labels were wrong"),
    ("三分之二的时间", "two-thirds of the time"),
    ("来馆人数下降了一半", "visits fell by half"),
    ("八成以上的跑量都很慢", "80% of the miles are slow"),
    ("产出少了一成五", "output fell by 15 percent"),
    ("七十年代、八十年代的论文", "papers from the seventies and the '80s"),
    ("九十年代", "the 1990s"),
    ("他三十多岁才读博", "he started his PhD in his thirties"),
    ("每周花一个半小时", "an hour and a half each week"),
    ("一年半之后", "a year and a half later"),
    ("读了两年半", "after two and a half years"),
])
def test_shares_decades_and_ages_meet(chinese, english):
    zh = {key for token in load_lexicon().chinese_tokens(chinese) for key in token.keys if key.startswith("#")}
    en = {key for key in english_keys(english) if key.startswith("#")}
    assert zh and zh <= en, (zh, en)


def test_a_share_is_no_place_in_an_order_and_an_age_no_decade():
    assert english_keys("a third attempt") == ["attempt", "#3."]
    assert english_keys("a third of them") == ["#0.333333"]
    assert english_keys("in her 30s") == ["#30"]
    assert english_keys("in the 30s") == ["#1930"]
    assert numbers_in_chinese("一成不变") == ()


@pytest.mark.parametrize("text", ["这一成果", "唯一成功", "每一成员国", "他八成是忘了", "他八成忘了", "变成三组",
                                  "一个半生不熟的想法", "一年半载", "第一个半小时"])
def test_numerals_inside_words_count_nothing(text):
    assert numbers_in_chinese(text) == ()


def test_years_before_a_word_starting_with_dai_are_no_decade():
    # 二十年|代码: twenty years of code, to meet "twenty years"; not the 1920s.
    assert numbers_in_chinese("我写了二十年代码") == (20.0,)
    assert numbers_in_chinese("这十年代表着什么") == (10.0,)


@pytest.mark.parametrize("text, values", [
    ("失业率为百分之四点二", (4.2,)),
    ("百分之一百万点五", (1_000_000.5,)),
    ("三分之一到一半", (1 / 3, 0.5)),          # a range of shares: no stray 1s from the range reading
    ("本世纪二十年代", (2020,)),
    ("2023年半导体销量下降", (2023,)),          # a year, then semiconductors: no half
    ("十年半导体研究", (10,)),
])
def test_decimal_percentages_ranges_of_shares_and_this_centurys_decades(text, values):
    assert numbers_in_chinese(text) == pytest.approx(values)


@pytest.mark.parametrize("text, values", [
    ("sales fell by a third.", (1 / 3,)),
    ("costs were cut by one-third", (1 / 3,)),
    ("the two halves of the season", (2,)),     # the whole, not a share
    ("one and a half years", (1.5,)),           # not also a half
    ("It took an hour and a half.", (1.5,)),
    ("two and a half years, 2 and a half weeks", (2.5, 2.5)),  # not also the 2
    ("a half-hearted try and a half measure", (0.5,)),
    ("one question and a half-baked idea", ()),  # "one" alone counts nothing, and no half is baked
    ("a dozen and a half", (12,)),                # 18, beyond this reading: not 1.5
    ("music of the 90's", (1990,)),
])
def test_english_shares_and_decades_at_their_edges(text, values):
    assert numbers_in_english(text) == pytest.approx(values)
