"""Cleaning the real corpus loses nothing silently and leaves none of the known junk behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.corpus import load_corpus
from duizhao.ingest import read_lines

ROOT = Path(__file__).resolve().parent.parent

JUNK = {
    "nathan-lambert-path-into-ai": ["顶会0篇,一夜RLHF爆文刷屏", "0热度", "首页 发现", "看过 我的", "世界顶尖学术AI研究实验室"],
    "omar-khattab-research-impact": ["某某", "发布时间", "作者:热点", "主弟", "奖得讲述经验", "亲身", "真正的斯隆", "斯隆框架",
                                     "影响研究代码", "影响研究系统", "博士项目", "他是博士", "博士泽南", "相关文章"],
    "felix-hill-weights-of-responsibility": ["(xiàn)", "(zhàn)", "(shù)", "xiàn", "/p>", "?;", "??", "蛟", "氖", "У",
                                             "硐", "贁", "膶", "募s", "yún", "左右滑动查看"],
    "john-schulman-interview": [],  # a transcript: its cleaning joins subtitle phrases, it removes nothing
}


@pytest.fixture(scope="module")
def corpus():
    corpus, reports = load_corpus(ROOT / "translations", ROOT)
    return {article.meta.slug: article for article in corpus.articles}, {r.slug: r for r in reports}


def test_every_seed_is_in_the_corpus(corpus):
    articles, _ = corpus
    assert set(JUNK) <= set(articles)


@pytest.mark.parametrize("slug", sorted(JUNK))
def test_every_raw_line_is_shown_or_accounted_for(corpus, slug):
    articles, _ = corpus
    zh = articles[slug].zh
    raw = read_lines(ROOT / "translations" / slug / "zh.txt")
    shown = {n for block in zh.blocks for n in block.lines}
    removed = {c.line for c in zh.changes if c.action == "removed"}
    missing = [line.number for line in raw if line.text.strip() and line.number not in shown | removed]
    assert missing == [], f"{slug}: lines neither shown nor recorded: {missing}"


@pytest.mark.parametrize("slug", [slug for slug in sorted(JUNK) if JUNK[slug]])
def test_no_junk_survives(corpus, slug):
    articles, _ = corpus
    text = "\n".join(block.text for block in articles[slug].zh.blocks)
    left = [junk for junk in JUNK[slug] if junk in text]
    assert left == [], f"{slug}: still shows {left}"


@pytest.mark.parametrize("slug", sorted(JUNK))
def test_nothing_left_to_review(corpus, slug):
    _, reports = corpus
    assert [str(p) for p in reports[slug].zh.problems] == []


def test_genuine_words_that_look_like_spam_survive(corpus):
    articles, _ = corpus
    text = "\n".join(block.text for block in articles["omar-khattab-research-impact"].zh.blocks)
    for genuine in ("斯隆奖得主", "在读博士", "博士生", "攻读博士学位", "影响研究其中的一小步", "(i)", "(ii)"):
        assert genuine in text, genuine


def test_colophon_and_references_are_kept(corpus):
    articles, _ = corpus
    text = "\n".join(block.text for block in articles["nathan-lambert-path-into-ai"].zh.blocks)
    assert "参考资料：" in text and "https://www.interconnects.ai/p/my-path-into-ai" in text
    assert "论文链接：https://arxiv.org/abs/2403.13787" in text
    felix = "\n".join(block.text for block in articles["felix-hill-weights-of-responsibility"].zh.blocks)
    assert "内观禅修（Vipassana）" in felix and "（RNN）" in felix
    assert "我带来希望的少数事情" in felix and "。或许他们" in felix and "。可惜的是，" in felix
    assert "「安息吧，Felix。愿来世你不需要去战斗。」" in felix


_PAIRS = {"「": "」", "『": "』", "“": "”", "（": "）", "(": ")", "《": "》", "【": "】"}


def unbalanced(paragraphs: list[str]) -> list[tuple[int, str]]:
    """(paragraph, mark) for each bracket or quote that opens without closing or closes without
    opening. A quotation may run over several paragraphs, so what a paragraph leaves open may
    close in a later one.

    >>> unbalanced(["他说「好」（其实不好）"]), unbalanced(["那些「前沿AI实验室},可能"]), unbalanced(["如此)。"])
    ([], [(0, '「')], [(0, ')')])
    >>> unbalanced(["他回忆道，「我第一次见到Felix。", "向Felix家人致以深切的慰问」。"])
    []
    """
    closing = {close: open_ for open_, close in _PAIRS.items()}
    stack, stray = [], []
    for k, text in enumerate(paragraphs):
        for char in text:
            if char in _PAIRS:
                stack.append((k, char))
            elif char in closing:
                if stack and stack[-1][1] == closing[char]:
                    stack.pop()
                else:
                    stray.append((k, char))
    return sorted(stray + stack)


@pytest.mark.parametrize("slug", sorted(JUNK))
def test_every_bracket_and_quote_is_closed(corpus, slug):
    # Damage the received text carries (a brace for 」, a lost closing quote, a parenthesis
    # whose opening one became a dash) is mended by the article's overrides.yml, not shown.
    articles, _ = corpus
    blocks = articles[slug].zh.blocks
    left = [(blocks[k].lines[0], mark) for k, mark in unbalanced([block.text for block in blocks])]
    assert left == [], f"{slug}: (raw line, mark) {left}"
