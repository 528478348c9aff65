"""How well Chinese lines and English sentences express each other, from shared keys.

Each Chinese token (a word, Latin-script name or number) and each English key is
worth a few *bits*: more for words that are rare in this English document (a name
appearing once says more than "research"). For a Chinese line ``i`` and a sentence
``j`` two bit masks record which Chinese tokens found a gloss in the sentence and
which English keys a Chinese gloss covered. A bead's coverage on each side is then
a population count of OR-ed masks, cheap enough to score every bead shape the
DP tries without rebuilding sets.

Memory stays linear: rows of masks are computed on demand from an inverted index
(key → sentences) and only the last few rows are kept.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import Token

ZH_SHARE = 0.7
"""Weight of Chinese-side coverage in a pair score. A summary line should be found in
its source; the source sentence need not be found in the line (summaries condense)."""

SHORT_LINE_BITS = 4
"""Pseudo-count added to each side's total: one shared word between two short texts is
weak evidence, so short texts need proportionally more in common to score as high."""

DEFAULT_BITS = 2
"""Worth of a Chinese content word whose glosses occur nowhere in the English: content
the English lacks, which is evidence that the line was added."""


PRECISE_GLOSSES = 2
"""A single character glossed by at most this many keys is worth as much as a word: 懒 is "lazy"
and nothing else, while 说 (say, speak, talk, explain…) or 差 (differ, little…) matches anything."""

NUMBER_BONUS = 2
"""Extra bits of a number both texts state (``5千多`` and ``5K``)."""

SCORED_BITS = 8192
"""Bits of a Chinese line given positions in its masks. A line's masks are integers as wide as
its bits, one per sentence it touches, so an endless line (thousands of characters without a
full stop) would cost memory growing with the square of its length. No line expresses more
than ``aligner.LONGEST_LINK`` sentences, a few hundred words: past this many bits, tokens
still count in the line's total (its coverage stays honest) but match nothing."""

FEW_SENTENCES = 10
"""Below this many English sentences, a line's background leaves out its best match."""

NEAR_PREFIX = 3
"""Shortest shared prefix for two English stems to count as one word family."""
NEAR_SHARE = 0.75
"""…and the share of the shorter stem that the prefix must cover."""


@dataclass(frozen=True)
class Coverage:
    """Best 1-1 matches of a Chinese line, used to find anchors and moved lines."""

    line: int
    background: float
    """Mean 1-1 score of the line against every sentence: how generic its vocabulary is."""
    spread: float
    """Standard deviation of those scores once the best few are set aside."""
    best: tuple[tuple[float, int], ...]
    """The highest (score, sentence) pairs, best first."""
    rival: float
    """Best score among sentences not next to the best one: how well the line fits elsewhere."""


class PairScorer:
    """Scores beads of Chinese lines × English sentences from token keys."""

    def __init__(self, zh_tokens: Sequence[Sequence[Token]], en_keys: Sequence[Sequence[str]],
                 rows_kept: int = 8):
        self.n, self.m = len(zh_tokens), len(en_keys)
        self._postings, self._en_bits, self.en_total = _index_english(en_keys)
        near = _NearKeys(self._postings)
        self._zh = [_zh_line(tokens, self._postings, near, self.m) for tokens in zh_tokens]
        self.zh_total = [total for _, total in self._zh]
        self._rows: OrderedDict[int, dict] = OrderedDict()
        self._rows_kept = rows_kept

    def row(self, i: int) -> dict:
        """Sentence → (Chinese mask, English mask) for every sentence sharing a key with line ``i``."""
        cached = self._rows.get(i)
        if cached is not None:
            self._rows.move_to_end(i)
            return cached
        masks: dict[int, list[int]] = {}
        postings, en_bits = self._postings, self._en_bits
        for keys, block in self._zh[i][0]:
            for key in keys:
                for j in postings.get(key, ()):
                    pair = masks.get(j)
                    if pair is None:
                        masks[j] = [block, en_bits[j][key]]
                    else:
                        pair[0] |= block
                        pair[1] |= en_bits[j][key]
        self._rows[i] = masks
        if len(self._rows) > self._rows_kept:
            self._rows.popitem(last=False)
        return masks

    def figures_only_in(self, i: int) -> set[int]:
        """Sentences that state a figure of line ``i`` no other sentence states."""
        return {self._postings[key][0] for keys, _ in self._zh[i][0] for key in keys
                if key.startswith("#") and len(self._postings.get(key, ())) == 1}

    def shared_sentence(self, lines: range, j: int) -> list[float]:
        """Score of each of ``lines`` when they share sentence ``j``: each line's own Chinese
        coverage, with the English coverage the lines reach together."""
        rows = [self.row(i).get(j) for i in lines]
        en_mask = 0
        for pair in rows:
            if pair:
                en_mask |= pair[1]
        en_hit = en_mask.bit_count()
        return [combine(pair[0].bit_count() if pair else 0, self.zh_total[i], en_hit, self.en_total[j])
                for i, pair in zip(lines, rows)]

    def score(self, lines: range, sentences: range) -> float:
        """Score in [0, 1] of a bead: Chinese ``lines`` expressing English ``sentences``."""
        zh_hit = zh_all = en_hit = en_all = 0
        en_masks = [0] * len(sentences)
        for i in lines:
            row = self.row(i)
            union = 0
            for k, j in enumerate(sentences):
                pair = row.get(j)
                if pair:
                    union |= pair[0]
                    en_masks[k] |= pair[1]
            zh_hit += union.bit_count()
            zh_all += self.zh_total[i]
        for k, j in enumerate(sentences):
            en_hit += en_masks[k].bit_count()
            en_all += self.en_total[j]
        return combine(zh_hit, zh_all, en_hit, en_all)

    def one_to_many(self, i: int, end: int, most: int, share: float) -> tuple[list[float], list[int]]:
        """Line ``i`` with sentences ``end-b … end-1`` for b = 1 … most (growing leftwards): each
        bead's score, and how many of its sentences have under ``share`` of their own keys
        covered by the line (sentences the line barely touches)."""
        row = self.row(i)
        zh_all = self.zh_total[i]
        union = en_hit = en_all = thin = 0
        scores, thins = [], []
        for j in range(end - 1, max(-1, end - 1 - most), -1):
            pair = row.get(j)
            hit = 0
            if pair:
                union |= pair[0]
                hit = pair[1].bit_count()
                en_hit += hit
            total = self.en_total[j]
            en_all += total
            thin += hit < share * (total + SHORT_LINE_BITS)
            scores.append(combine(union.bit_count(), zh_all, en_hit, en_all))
            thins.append(thin)
        return scores, thins

    def coverage(self, i: int, keep: int = 5) -> Coverage:
        """Background, spread and best matches of line ``i`` against the whole English text."""
        row = self.row(i)
        zh_all = self.zh_total[i]
        scores = sorted((combine(z.bit_count(), zh_all, e.bit_count(), self.en_total[j]), j)
                        for j, (z, e) in row.items())
        scores.reverse()
        # In a short text the line's own match would weigh on its background as much as the
        # unrelated sentences do (with one sentence it would be the background): leave it out.
        counted = scores[1:] if self.m < FEW_SENTENCES else scores
        background = sum(s for s, _ in counted) / max(1, self.m - (len(scores) - len(counted)))
        rest = [s for s, _ in scores[3:]]
        count = max(1, self.m - 3)
        mean = sum(rest) / count
        variance = max(0.0, sum(s * s for s in rest) / count - mean * mean)
        top = scores[0][1] if scores else 0
        rival = next((s for s, j in scores if abs(j - top) > 2), 0.0)
        return Coverage(i, background, math.sqrt(variance), tuple(scores[:keep]), rival)


def combine(zh_hit: int, zh_all: int, en_hit: int, en_all: int) -> float:
    """Weighted geometric mean of both coverages (zero when either side has nothing)."""
    if not zh_hit or not en_hit:
        return 0.0
    zh_share = zh_hit / (zh_all + SHORT_LINE_BITS)
    en_share = en_hit / (en_all + SHORT_LINE_BITS)
    return zh_share ** ZH_SHARE * en_share ** (1 - ZH_SHARE)


def _bits_for(df: int, m: int) -> int:
    """Worth of a key occurring in ``df`` of ``m`` sentences: 1 (everywhere) … 5 (once)."""
    idf = math.log((m + 1) / (df + 0.5))
    return max(1, min(5, round(idf * 0.9)))


def _index_english(en_keys: Sequence[Sequence[str]]):
    """Inverted index, per-sentence key bit blocks and per-sentence total bits."""
    m = len(en_keys)
    postings: dict[str, list[int]] = {}
    for j, keys in enumerate(en_keys):
        for key in dict.fromkeys(keys):
            postings.setdefault(key, []).append(j)
    # Keys in more than half the sentences are the document's own stopwords.
    common = {key for key, where in postings.items() if len(where) > max(3, m // 2)}
    for key in common:
        del postings[key]
    en_bits, en_total = [], []
    for keys in en_keys:
        blocks, offset = {}, 0
        for key in dict.fromkeys(keys):
            if key in common:
                continue
            width = _bits_for(len(postings[key]), m)
            blocks[key] = ((1 << width) - 1) << offset
            offset += width
        en_bits.append(blocks)
        en_total.append(offset)
    for j, blocks in enumerate(en_bits):
        for key, block in list(blocks.items()):
            base = _negated(key)
            if base and base not in blocks:
                blocks[base] = block  # the same bits: the sentence says it once
                postings.setdefault(base, []).append(j)
    return postings, en_bits, en_total


def _negated(key: str) -> str | None:
    """The key an English key negates with "un-": "undirected" still speaks of a direction
    (方向), "unhappy" of happiness. Short remainders are left alone (unit, union, until); so is
    "unless", whose remainder is another word. Remainders that are no word (under → "der",
    universe → "ivers") meet no gloss and do no harm.

    >>> _negated("undirect"), _negated("unhappi"), _negated("unit"), _negated("unless")
    ('direct', 'happi', None, None)
    """
    if key.startswith("un") and len(key) >= 6 and key != "unless":
        return key[2:]
    return None


class _NearKeys:
    """English keys of this document that share a long prefix with a gloss key: one word family
    under different suffixes ("cite" and "citat", "fun" and "funni", "technic" and "techniqu")."""

    def __init__(self, postings: dict):
        self._by_start: dict[str, list[str]] = {}
        for key in postings:
            if len(key) >= NEAR_PREFIX and key[0] != "#":
                self._by_start.setdefault(key[:NEAR_PREFIX], []).append(key)

    def __call__(self, keys: Sequence[str]) -> list[str]:
        found = []
        for key in keys:
            if len(key) < NEAR_PREFIX:
                continue
            for other in self._by_start.get(key[:NEAR_PREFIX], ()):
                shorter = min(len(key), len(other))
                if _common_prefix(key, other) >= max(NEAR_PREFIX, NEAR_SHARE * shorter):
                    found.append(other)
        return list(dict.fromkeys(found))


def _common_prefix(a: str, b: str) -> int:
    size = 0
    for x, y in zip(a, b):
        if x != y:
            break
        size += 1
    return size


def _zh_line(tokens: Sequence[Token], postings: dict, near: _NearKeys, m: int):
    """Token bit blocks of a Chinese line (keys present in the English only) and its total bits.

    A token whose own keys occur nowhere in the English falls back on looser evidence, worth
    half: English keys of the same word family, then the glosses of its characters.
    """
    out, offset = [], 0
    for token in tokens:
        word = token.word
        if not token.keys:
            continue
        if offset >= SCORED_BITS:
            offset += DEFAULT_BITS
            continue
        found = [key for key in dict.fromkeys(token.keys) if key in postings]
        loose = False
        if not found:
            found = near(token.keys) or [key for key in token.parts if key in postings]
            loose = bool(found)
        if found:
            df = min(m, sum(len(postings[key]) for key in found))
            width = _bits_for(df, m)
        else:
            width = DEFAULT_BITS
        if loose or (len(word) == 1 and not word.isascii() and len(token.keys) > PRECISE_GLOSSES):
            width = max(1, width // 2)  # word families and most single characters gloss loosely
        elif found and all(key.startswith("#") for key in found):
            width += NUMBER_BONUS  # a shared figure is rarely a coincidence, even when moved
        elif token.name or word.isascii():
            # Names, acronyms (and a figure the English lacks) are strong evidence: of a link
            # when found, of an addition when not.
            width += 1
        if found:
            out.append((tuple(found), ((1 << width) - 1) << offset))
        offset += width
    return out, offset

