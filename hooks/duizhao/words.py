"""Chinese word segmentation with jieba, initialised once per process.

Two stages need words rather than characters: the aligner looks words up in the
dictionary, and script conversion must not join the end of one word and the start of
the next into a phrase of OpenCC's tables (相关|系统 is not 關係). jieba's word counts
also tell a common word from a name written by sound (许多 is no Hsu-Doe).
"""

from __future__ import annotations

from functools import lru_cache


def segment(text: str) -> list[str]:
    """The words of ``text`` (jieba's dictionary only, no guessing of unknown words).

    >>> segment("相关系统")
    ['相关', '系统']
    """
    return _jieba().lcut(text, HMM=False)


def parts_of(word: str) -> list[tuple[str, int]]:
    """The shorter words inside ``word`` that a search may be typed as, with where each starts.

    >>> parts_of("抑郁症")
    [('抑郁', 0)]
    """
    return [(part, start) for part, start, end in _jieba().tokenize(word, mode="search", HMM=False)
            if 1 < end - start < len(word)]


COMMON = 1000
"""Count in jieba's dictionary from which a word is common: 许多 (25,601), 恰恰 (1,023), while
the names it lists are rarer (彼得 336, 汤普森 38)."""


def is_common(word: str) -> bool:
    """Whether jieba's dictionary counts ``word`` as a common word.

    >>> is_common("许多"), is_common("汤普森")
    (True, False)
    """
    return _count(word) >= COMMON


PARTICLE = 20_000
"""Count in jieba's dictionary from which a single character is a function word: 里 (77,054),
于 (106,176), 比 (35,305), while the characters of names written by sound are rarer (拉 12,817,
斯 4,120)."""


def is_particle(word: str) -> bool:
    """Whether ``word`` is a single character jieba counts as a function word.

    >>> is_particle("于"), is_particle("斯"), is_particle("许多")
    (True, False, False)
    """
    return len(word) == 1 and _count(word) >= PARTICLE


def _count(word: str) -> int:
    """How often jieba's dictionary counts ``word`` (0 for a word it lacks)."""
    return _jieba().dt.FREQ.get(word, 0)


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba
