"""The glossary: its data file is validated, and terms get tooltips without damaging the HTML."""

from __future__ import annotations

import html
import re

import pytest

from conftest import ROOT
from duizhao.corpus import load_corpus
from duizhao.errors import InputError
from duizhao.model import Corpus
from duizhao.glossary import Glossary, Term, find_phrases, load_glossary, mark_terms
from duizhao.render_themes import glossary_page
from duizhao.themes import load_themes

THEME_IDS = ("flywheel", "momentum", "open-source", "mental-health")


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(ROOT / "translations" / "glossary.yml", ROOT, THEME_IDS)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "translations", ROOT)[0]


def _unmarked(marked: str) -> str:
    return re.sub(r'<abbr class="dz-term" title="[^"]*" lang="[^"]*">(.*?)</abbr>', r"\1", marked)


# --- the data file ---------------------------------------------------------------------------

def test_real_glossary_has_the_terms_the_essays_turn_on(glossary):
    ids = {t.id for t in glossary.terms}
    assert {"rlhf", "dpo", "ppo", "mind-share", "flywheel", "momentum", "rewardbench", "open-source"} <= ids
    for term in glossary.terms:
        assert term.definition_zh and term.definition_en, term.id


def test_real_glossary_points_only_to_real_themes():
    themes = load_themes(ROOT / "translations" / "themes.yml", ROOT)
    glossary = load_glossary(ROOT / "translations" / "glossary.yml", ROOT, tuple(t.id for t in themes))
    assert {t.theme for t in glossary.terms if t.theme} <= {t.id for t in themes}


def test_glossary_errors_name_file_and_line(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(
        "- id: dpo\n"                              # 1
        "  zh: 直接偏好优化\n"
        "  en: DPO\n"
        "  definition_zh: 偏好数据直接微调\n"
        "  definition_en: Fine-tunes on preferences\n"
        "  theme: nowhere\n"                       # 6
        "- id: dpo2\n"                             # 7
        "  zh: 直接偏好优化\n"
        "  en: Direct PO\n"
        "  definition_zh: 重复\n"
        "  definition_en: Duplicate\n"
        "- id: Bad Id\n"                           # 12
        "  zh: 飞轮\n"
        "  en: flywheel\n"
        "  defintion_zh: 拼错\n"                   # 15
        "  definition_en: misspelt field\n",
        encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_glossary(path, tmp_path, THEME_IDS)
    messages = {(p.path, p.line, p.message.split(" (")[0]) for p in caught.value.problems}
    assert ("glossary.yml", 6, "unknown theme 'nowhere'") in messages
    assert ("glossary.yml", 7, "'直接偏好优化' is already a spelling of 'dpo'") in messages
    assert ("glossary.yml", 15, "unknown field 'defintion_zh'") in messages
    assert ("glossary.yml", 12, "entry lacks field 'definition_zh'") in messages


def test_glossary_yaml_syntax_error_has_a_line(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("- id: x\n  zh: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_glossary(path, tmp_path)
    assert caught.value.problems[0].line is not None
    assert str(caught.value).startswith("glossary.yml:")


# --- finding and marking terms ------------------------------------------------------------------

def test_chinese_term_in_running_chinese_text(glossary):
    marked = mark_terms(html.escape("其中最宝贵一课,是如何积累势能(momentum)和心智占有率(mind-share)"), glossary, "zh")
    assert '<abbr class="dz-term"' in marked and ">势能</abbr>" in marked and ">心智占有率</abbr>" in marked
    # one tooltip per term per paragraph: the English gloss of the same term is left plain
    assert ">momentum</abbr>" not in marked and ">mind-share</abbr>" not in marked
    assert "心智占有率：" in marked and "mind-share: " in marked  # both languages in the title


def test_longest_match_first(glossary):
    marked = mark_terms("关于RLHF(基于人类反馈的强化学习)", glossary, "zh")
    assert ">基于人类反馈的强化学习</abbr>" not in marked  # same term as RLHF, already marked
    marked = mark_terms("基于人类反馈的强化学习", glossary, "zh")
    assert ">基于人类反馈的强化学习</abbr>" in marked and ">强化学习</abbr>" not in marked


def test_latin_terms_are_whole_words(glossary):
    assert mark_terms("DPR and RLHFs and xPPO", glossary, "en") == "DPR and RLHFs and xPPO"
    assert ">PPO</abbr>算法之父" in mark_terms("PPO算法之父", glossary, "zh")
    assert [s.phrase for s in find_phrases("an open source tool, mindshare", ("open-source", "mind-share"))] == ["open-source", "mind-share"]


def test_entities_tags_and_urls_are_left_alone(glossary):
    text = ('RLHF &amp; DPO &lt;b&gt;PPO&lt;/b&gt; <a href="https://arxiv.org/abs/rlhf">RLHF paper</a> '
            'https://example.org/flywheel/RLHF 飞轮')
    marked = mark_terms(text, glossary, "en")
    assert "&amp;" in marked and "&lt;b&gt;" in marked
    assert '<a href="https://arxiv.org/abs/rlhf">RLHF paper</a>' in marked
    assert "https://example.org/flywheel/RLHF" in marked
    assert _unmarked(marked) == text


def test_traditional_text_is_matched_through_simplified(glossary):
    marked = mark_terms("真正讓飛輪轉起來的", glossary, "zh-Hant")
    assert '>飛輪</abbr>' in marked and 'lang="zh-Hant"' in marked
    assert "飛輪：" in marked  # the tooltip's Chinese half follows the text's script


NEGATIVE = [
    "这是一段普通的中文，没有任何术语。",
    "「你好，」她说，「今天天气不错。」",
    "一、准备材料\n二、开始实验",
    "An ordinary English sentence about nothing in particular.",
    "He said: \"we will ship it tomorrow\".",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_text_without_terms_comes_through_unchanged(glossary, text):
    escaped = html.escape(text)
    assert mark_terms(escaped, glossary, "zh") == escaped


def test_marking_real_paragraphs_only_adds_markup(glossary, corpus):
    marked_any = 0
    for article in corpus.articles:
        for block in article.zh.blocks:
            escaped = html.escape(block.text)
            marked = mark_terms(escaped, glossary, "zh")
            assert _unmarked(marked) == escaped
            marked_any += marked != escaped
    assert marked_any > 20


# --- the glossary page ------------------------------------------------------------------------

def test_glossary_page_links_to_occurrences(glossary, corpus):
    page = glossary_page(glossary, corpus)
    assert '<span class="dz-hant" lang="zh-Hant">基於人類反饋的強化學習</span> <small lang="en">RLHF</small> {#rlhf' in page
    assert re.search(r"\]\(articles/nathan-lambert-path-into-ai\.md#zh-[0-9a-f]{6}(-\d+)? \"", page)
    for term in glossary.terms:
        assert f"{{#{term.id} data-toc-label=" in page
    # Other ways of writing a term, and the labels of its occurrences, are in their own language:
    # English is set in the English face on paper and read aloud as English.
    assert ('<span lang="en">reinforcement learning from human feedback</span>' in page
            and '<span class="dz-hans" lang="zh-Hans">人类反馈强化学习</span>' in page)
    # No-break spaces tie the "·" to both its neighbours and the label to its places (a line
    # of the book ended "· English: pp." with the page numbers on the next).
    assert '\u00a0·\u00a0<span class="dz-places-label"><span lang="en">English</span>:</span>\u00a0<span class="dz-places">[1](' in page
    # "中文" is named in English too; the label is set whole, and tied to its places.
    assert '中文</span>\u00a0<span lang="en">Chinese</span>:</span>\u00a0<span class="dz-places">[1](' in page
    assert 'lang="zh-Hans">English<' not in page and 'lang="zh-Hans">reinforcement' not in page
    # A name written alike in both languages is given once, in the heading and in the contents.
    assert '<span class="dz-hant" lang="zh-Hant">RewardBench</span> {#rewardbench data-toc-label="RewardBench"}' in page


def test_glossary_page_escapes_definitions():
    glossary = Glossary((Term("x", "术语", "term", "<script>alert(1)</script>", "[x](javascript:alert(1))"),))
    page = glossary_page(glossary, Corpus())
    assert "<script>" not in page and "&lt;script&gt;" in page
    # raw HTML, its brackets as character references: no link can come of it
    assert '<p lang="en">&#91;x&#93;(javascript:alert(1))</p>' in page
