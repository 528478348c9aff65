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
