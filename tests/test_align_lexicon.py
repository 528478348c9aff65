"""Keys both languages share: English stems, contractions, word families and character glosses."""

from __future__ import annotations

from duizhao.lexicon import english_keys, load_lexicon, stem
from duizhao.scoring import PairScorer


def test_inflections_meet_on_one_stem():
    assert stem("focusing") == stem("focused") == stem("focus")
    assert stem("citations") == stem("citation")
    assert stem("weaknesses") == stem("weakness")


def test_contractions_leave_no_key():
    assert english_keys("I didn't give myself enough credit for this.") == ["give", "enough", "credit"]


def test_ordinary_words_are_not_folded_together():
    assert len({stem(w) for w in ("research", "reach", "search", "teach")}) == 4


def test_word_family_matches_when_the_gloss_itself_is_absent():
    # 引用 glosses as "cite"; the source says "citations".
    lexicon = load_lexicon()
    zh = [lexicon.chinese_tokens("他的引用数已有5千多。"), lexicon.chinese_tokens("灯塔看守人每天晚上爬上楼梯。")]
    en = [english_keys("I passed many citations this year."), english_keys("The weather was cold and grey.")]
    scorer = PairScorer(zh, en)
    assert scorer.score(range(0, 1), range(0, 1)) > 0
    assert scorer.score(range(0, 1), range(1, 2)) == 0
    assert scorer.score(range(1, 2), range(0, 1)) == 0


def test_characters_stand_in_for_a_word_whose_glosses_never_meet():
    lexicon = load_lexicon()
    [token] = [t for t in lexicon.chinese_tokens("这很充实") if t.word == "充实"]
    assert token.parts and set(token.parts) - set(token.keys)
    zh = [lexicon.chinese_tokens("这很充实")]
    en = [english_keys("It was real and true work."), english_keys("The lighthouse stood on a rock.")]
    scorer = PairScorer(zh, en)
    assert scorer.score(range(0, 1), range(0, 1)) > 0 == scorer.score(range(0, 1), range(1, 2))


def test_single_characters_have_no_parts():
    assert all(not t.parts for t in load_lexicon().chinese_tokens("书和笔") if len(t.word) == 1)


def test_a_named_entry_keeps_the_name_not_its_description():
    # CC-CEDICT glosses 谷歌 as "Google, Internet search engine company": the description would
    # tie the word to any sentence about companies, search or engines.
    lexicon = load_lexicon()
    assert lexicon.keys_of("谷歌") == ("googl",)
    assert lexicon.keys_of("伦敦") == ("london",)
    assert "compani" not in lexicon.keys_of("英伟达") and "nvidia" in lexicon.keys_of("英伟达")
    # Ordinary senses keep every content word.
    assert {"teacher", "gentleman", "sir"} <= set(lexicon.keys_of("先生"))


def test_a_negated_english_word_meets_the_word_it_negates():
    lexicon = load_lexicon()
    zh = [lexicon.chinese_tokens("有很多冲劲,但没方向。")]
    en = [english_keys("Plenty of undirected ambition."), english_keys("The lighthouse stood on a rock.")]
    scorer = PairScorer(zh, en)
    assert scorer.score(range(0, 1), range(0, 1)) > 0 == scorer.score(range(0, 1), range(1, 2))
    # "united" and "unless" are no negations: nothing of 团结 or 少 is found in them.
    zh = [lexicon.chinese_tokens("越来越少。")]
    assert PairScorer(zh, [english_keys("Unless it rains.")]).score(range(0, 1), range(0, 1)) == 0


def test_a_word_is_found_under_the_simplified_form_the_texts_use():
    # CC-CEDICT's Simplified for 諮商 is 谘商; OpenCC, which normalizes the texts, gives 咨商.
    lexicon = load_lexicon()
    assert "counsel" in lexicon.keys_of("咨商")
    assert [t.word for t in lexicon.chinese_tokens("咨商师")][0] == "咨商"
    # A form that is a headword of its own keeps its own glosses: 要著 (an important book) is
    # 要着 in OpenCC's Simplified, which CC-CEDICT has as a word of its own.
    assert "book" not in lexicon.keys_of("要着")


def test_a_character_with_one_meaning_weighs_as_much_as_a_word():
    # 懒 is "lazy" and nothing else; 说 glosses as say, speak, talk, explain and more. Among a
    # dozen sentences a key found once is worth a few bits, enough to show the halving.
    lexicon = load_lexicon()
    en = [english_keys("It is not laziness, and it is not a character flaw."), english_keys("We talk."),
          *(english_keys(f"Lighthouse number {k} stood on a rock.") for k in range(12))]
    scorer = PairScorer([lexicon.chinese_tokens(w) for w in ("懒", "懒惰", "说", "谈话")], en)
    assert scorer.score(range(0, 1), range(0, 1)) == scorer.score(range(1, 2), range(0, 1)) > 0
    assert 0 < scorer.score(range(2, 3), range(1, 2)) < scorer.score(range(3, 4), range(1, 2))
