"""Names written by sound in Chinese (舒尔曼) meet the English name they render (Schulman)."""

from __future__ import annotations

import pytest

from duizhao.lexicon import english_keys, load_lexicon, stem
from duizhao.names import EnglishNames, chinese_sounds, english_sounds, name_spans
from duizhao.scoring import PairScorer

# Usual renderings of names in Chinese news, none of them in CC-CEDICT's glosses as written here.
RENDERINGS = [
    ("Bengio", "本吉奥"), ("Amodei", "阿莫迪"), ("Hassabis", "哈萨比斯"), ("Lambert", "兰伯特"),
    ("Karpathy", "卡帕西"), ("Kowalczyk", "科瓦尔奇克"), ("Schmidhuber", "施密德胡贝"),
    ("Sutskever", "苏茨克维"), ("Hinton", "辛顿"), ("Dario", "达里奥"), ("Demis", "德米斯"),
    ("Shazeer", "沙泽尔"), ("Zaremba", "扎伦巴"), ("Brockman", "布罗克曼"), ("Schulman", "舒尔曼"),
    ("Halvorsen", "哈尔沃森"), ("Kwame", "夸梅"), ("Okafor", "奥卡福"), ("Marta", "玛尔塔"),
    ("Vance", "万斯"), ("Connor", "康纳"), ("Fleming", "弗莱明"), ("Hughes", "休斯"),
    ("Zimmermann", "齐默尔曼"), ("Mensah", "门萨"), ("Ivanov", "伊万诺夫"), ("Petrova", "佩特罗娃"),
]


def _names(*words: str) -> EnglishNames:
    return load_lexicon().english_names([" ".join(words)])


@pytest.mark.parametrize(("english", "chinese"), RENDERINGS)
def test_usual_renderings_meet_their_name(english, chinese):
    assert _names(english).key_for(chinese) is not None, (sorted(english_sounds(english)),
                                                         sorted(chinese_sounds(chinese)))


@pytest.mark.parametrize(("english", "chinese"), [
    ("Miriam", "玛尔塔"),     # one class changed: MLM, MLT
    ("Raman", "舒尔曼"),      # one class more on a short skeleton: LMN, SLMN
    ("Osei", "欧塞"),         # one class is chance
    ("Dutch", "达奇"),        # capitalised, but a word CC-CEDICT glosses (荷兰): not a name
])
def test_near_sounds_are_not_names(english, chinese):
    assert _names(english).key_for(chinese) is None


def test_a_name_the_dictionary_knows_is_left_to_its_gloss():
    # CC-CEDICT glosses 扎克伯格 as (Mark) Zuckerberg. jieba cuts the word in pieces; matched
    # by sound, it is one token again, with the name's key and its own glosses.
    lexicon = load_lexicon()
    token = next(t for t in lexicon.chinese_tokens("扎克伯格说", _names("Zuckerberg")))
    assert token.word == "扎克伯格" and {"zuckerberg", "mark"} <= set(token.keys)
    # 门萨 is glossed Mensa, a name that sounds like Mensah: it renders Mensah too.
    assert any(t.name for t in lexicon.chinese_tokens("后来门萨这么说。", _names("Mensah")))
    # 平凡 (ordinary) sounds like a P-N-F-N name, but the dictionary glosses it as a word.
    assert not any(t.name for t in lexicon.chinese_tokens("平凡的一天", _names("Pinfin")))


def test_a_name_glossed_in_another_name_is_still_a_name():
    # Joris is in the gloss of 尤里斯·伊文思 (Joris Ivens), a name written by sound itself.
    assert _names("Joris").key_for("约里斯") == (0, stem("Joris"))


def test_two_names_with_one_sound_match_neither():
    assert _names("Lena", "Alina").key_for("莉娜") is None
    assert _names("Lena").key_for("莉娜") == (0, "lena")


def test_common_words_are_not_names():
    # 许多 (many) has only glosses of function words, so the dictionary does not list it; jieba's
    # count of it still says it is a word.
    tokens = load_lexicon().chinese_tokens("许多人认为这几道坎很难", _names("Sato"))
    assert not any(token.name for token in tokens)


def test_a_name_is_found_inside_a_run_only_whole_or_short_of_one_character():
    names = _names("Asante", "Raman")
    def known(word, key):
        return False
    # 阿桑特博士: 博 of 博士 follows the name; 尔曼 of 舒尔曼 is no Raman.
    assert name_spans(["阿", "桑", "特", "博"], names, known) == {0: (3, "asant")}
    assert name_spans(["舒", "尔", "曼"], names, known) == {}
    # A run may start with 尔 (the end of a syllable before it): the name after it still counts.
    assert name_spans(["尔", "阿", "桑", "特"], names, known) == {1: (4, "asant")}


def test_a_function_character_beside_a_name_stays_out_of_it():
    lexicon = load_lexicon()
    names = _names("Papadakis", "Agnieszka")
    tokens = lexicon.chinese_tokens("帕帕达基斯比我先察觉到了，实验室里阿格涅什卡也是。", names)
    assert [t.word for t in tokens if t.name] == ["帕帕达基斯", "阿格涅什卡"]


def test_a_name_separator_parts_the_name():
    names = _names("Nadia", "Ferrante")
    words = load_lexicon().words("娜迪亚·费兰特")
    keys = [key for _, key in name_spans(words, names, lambda word, key: False).values()]
    assert keys == ["nadia", "ferrant"]


def test_a_chinese_word_of_its_own_is_left_to_its_glosses():
    # 东西 (thing) sounds like a name's T-N-S, but it is a word CC-CEDICT glosses.
    tokens = load_lexicon().chinese_tokens("他带来了很多东西。", _names("Dennis"))
    assert all(not token.name for token in tokens)


def test_a_line_naming_someone_by_sound_scores_highest_with_the_sentence_naming_them():
    en = ["The workshop opened in a converted garage on the east side of town.",
          "Halvorsen ran it for the first few years and kept the accounts in a paper notebook.",
          "Kowalczyk arrived later and rewired everything without asking anyone."]
    zh = "后来科瓦尔奇克自作主张。"
    lexicon = load_lexicon()

    def scores(names):
        scorer = PairScorer([lexicon.chinese_tokens(zh, names)], [english_keys(s) for s in en])
        return [scorer.score(range(1), range(j, j + 1)) for j in range(len(en))]

    with_names, without = scores(lexicon.english_names(en)), scores(EnglishNames())
    assert max(range(3), key=with_names.__getitem__) == 2
    assert max(range(3), key=without.__getitem__) != 2


def test_accented_names_are_names_whole():
    # The key must not stop at the accent ("Logro"), and the name must be found at all.
    assert english_keys("Lucía Montero grew up in Logroño.") == ["lucia", "montero", "grew", "logrono"]
    names = _names("Agnieszka Wróblewska of Toruń")
    assert names.key_for("弗罗布莱夫斯卡")[1] == stem("Wroblewska")
    assert names.key_for("托伦") == (0, stem("Torun"))
