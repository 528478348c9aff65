"""Names written by sound: a Chinese transliteration (舒尔曼) and the English name it renders (Schulman).

A compiled translation (编译) writes most foreign names in characters chosen for their sound,
and CC-CEDICT knows only the famous ones. A name is the strongest evidence two passages share,
so it is matched by sound: both spellings are reduced to a *skeleton* of consonant classes
(舒尔曼 shu-er-man and Schulman both give ``SLMN``), and a run of transliteration characters in
a Chinese line takes the key of an English name of the same document with the same skeleton.

Only the English document's own names are candidates, which keeps chance matches rare: a word
counts as a name when it is capitalised and no CC-CEDICT gloss of an ordinary word uses it (such
a gloss means the Chinese has a word of its own for it, as 星期五 for Friday, and the dictionary
matches that). Two names with one skeleton (Lena and Alina) match nothing: the sound cannot tell
which is meant.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

_READINGS = """
阿a 埃ai 艾ai 爱ai 安an 昂ang 奥ao 巴ba 拜bai 班ban 邦bang 保bao 鲍bao 贝bei 本ben 比bi 彼bi 毕bi
宾bin 波bo 伯bo 博bo 布bu 查cha 茨ci 达da 戴dai 黛dai 丹dan 道dao 德de 登deng 邓deng 迪di 蒂di 丁ding
东dong 杜du 顿dun 多duo 厄e 恩en 尔er 法fa 凡fan 范fan 菲fei 费fei 斐fei 芬fen 丰feng 冯feng 佛fo 夫fu
弗fu 福fu 盖gai 甘gan 冈gang 高gao 戈ge 哥ge 格ge 根gen 古gu 圭gui 哈ha 海hai 汉han 翰han 豪hao 赫he
亨heng 洪hong 胡hu 华hua 霍huo 基ji 吉ji 济ji 加jia 贾jia 杰jie 金jin 卡ka 凯kai 坎kan 康kang 考kao
柯ke 科ke 克ke 肯ken 孔kong 库ku 夸kua 奎kui 昆kun 拉la 莱lai 赖lai 兰lan 朗lang 劳lao 勒le 雷lei
蕾lei 黎li 里li 丽li 莉li 利li 烈lie 列lie 琳lin 林lin 隆long 卢lu 鲁lu 露lu 吕lv 伦lun 罗luo 洛luo
马ma 玛ma 迈mai 麦mai 曼man 芒mang 毛mao 梅mei 门men 蒙meng 米mi 密mi 敏min 明ming 莫mo 默mo 墨mo 姆mu
穆mu 纳na 娜na 奈nai 南nan 瑙nao 内nei 尼ni 妮ni 涅nie 宁ning 纽niu 努nu 诺nuo 欧ou 帕pa 潘pan
庞pang 佩pei 彭peng 皮pi 平ping 珀po 普pu 奇qi 齐qi 琪qi 契qi 恰qia 乔qiao 切qie 钦qin 琼qiong 丘qiu
瑞rui 萨sa 塞sai 桑sang 瑟se 森sen 沙sha 莎sha 珊shan 尚shang 绍shao 舍she 什shi 施shi 舒shu 斯si 丝si
思si 松song 苏su 索suo 塔ta 泰tai 坦tan 汤tang 唐tang 陶tao 特te 提ti 廷ting 图tu 托tuo 瓦wa 娃wa
万wan 威wei 韦wei 维wei 薇wei 温wen 沃wo 乌wu 伍wu 西xi 希xi 锡xi 茜xi 夏xia 谢xie 辛xin 休xiu 许xu
雅ya 亚ya 娅ya 扬yang 耶ye 叶ye 伊yi 因yin 英ying 尤you 于yu 约yue 泽ze 扎zha 詹zhan 朱zhu 卓zhuo
兹zi 佐zuo
"""
READINGS = {entry[0]: entry[1:] for entry in _READINGS.split()}
"""The characters of the usual transliteration tables, with the reading they have in names.
Characters common in ordinary words (得, 文, 士) are left out although names use them: each
would start runs in ordinary prose."""

# Pinyin initials by the consonant classes they may render. j/q/zh/ch stand for English g, j, k
# and ch alike (吉姆 Jim, 加西亚 Garcia, 奇 Chi); zh and q for a z too (扎伦巴 Zaremba, 齐默尔曼
# Zimmermann); x for an h too (休斯 Hughes); w for both w and v (瓦尔加 Varga).
_INITIALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("zh", ("K", "S")), ("ch", ("K",)), ("sh", ("S",)), ("b", ("P",)), ("p", ("P",)), ("d", ("T",)),
    ("t", ("T",)), ("g", ("K",)), ("k", ("K",)), ("j", ("K",)), ("q", ("K", "S")), ("x", ("S", "H")),
    ("z", ("S",)), ("c", ("S",)), ("s", ("S",)), ("f", ("F",)), ("w", ("F",)), ("h", ("H",)),
    ("l", ("L",)), ("r", ("L",)), ("m", ("M",)), ("n", ("N",)), ("y", ("",)))

# English spellings, longest first: each is one sound. "ng" ends a syllable only before a
# consonant or at the end (Manning); before a vowel it is n + g (Bengio, 本吉奥).
_SPELLINGS = re.compile(r"sch|tch|ch|sh|ph|th|ck|gh|qu|tz|ts|kn|wr|ng(?![aeiouy])|[a-z]")
_CLASS = {"sch": "S", "tch": "K", "ch": "K", "sh": "S", "ph": "F", "th": "T", "ck": "K", "gh": "",
          "qu": "K", "tz": "S", "ts": "S", "kn": "N", "wr": "L", "ng": "N", "c": "K", "g": "K",
          "j": "K", "k": "K", "q": "K", "x": "KS", "b": "P", "p": "P", "d": "T", "t": "T", "f": "F",
          "v": "F", "w": "F", "l": "L", "r": "L", "m": "M", "n": "N", "s": "S", "z": "S", "h": "H"}
_VOWELS = frozenset("aeiouy")
VOWEL = "."
"""Marks a vowel in a skeleton being built: two consonants of one class meet as one sound only
with no vowel between (the nn of Connor and the n-n of 康纳 kang-na; not the two s of Sasa)."""

SHORTEST = 2
"""Fewest consonant classes a matching skeleton needs: one class (欧塞 Osei, ``S``) is chance."""
MOST_SOUNDS = 16
"""Most skeletons kept for one name (each optional spelling doubles them); the first in sorted
order, so that the same name always keeps the same ones."""
LONGEST = 8
"""Most characters in one part of a name: a longer run of transliteration characters is text."""
PART = 3
"""Fewest consonant classes of a name that is part of a longer run of transliteration characters."""
LOOSE = 4
"""Fewest classes on both sides for skeletons one class apart to match: 科瓦尔奇克 leaves out the
z of Kowalczyk. Shorter ones are chance (舒尔曼 SLMN is no Raman, LMN)."""


def skeleton(marked: str) -> str:
    """A skeleton from classes and vowel marks: one class twice with no vowel between is one sound.

    >>> skeleton("K.NN."), skeleton("S.S."), skeleton("S..LM.N")
    ('KN', 'SS', 'SLMN')
    """
    return re.sub(r"([A-Z])\1+", r"\1", marked).replace(VOWEL, "")


def syllable_sounds(reading: str) -> tuple[str, ...]:
    """What one pinyin syllable may render: its initial's class, its vowel and a nasal ending.

    >>> [syllable_sounds(r) for r in ("shu", "er", "man", "deng", "yi", "kua", "zha")]
    [('S.',), ('.L',), ('M.N',), ('T.N',), ('.',), ('K.',), ('K.', 'S.')]
    """
    if reading == "er":
        return (VOWEL + "L",)  # 尔 renders an English l or r after a vowel
    kinds: tuple[str, ...] = ("",)
    for initial, classes in _INITIALS:
        if reading.startswith(initial):
            kinds, reading = classes, reading[len(initial):]
            break
    ending = "N" if reading.endswith("n") or reading.endswith("ng") else ""
    return tuple(kind + VOWEL + ending for kind in kinds)


def chinese_sounds(name: str) -> frozenset[str]:
    """The skeletons of a name in transliteration characters (none if a character is not one).

    >>> sorted(chinese_sounds("舒尔曼")), sorted(chinese_sounds("扎伦巴")), sorted(chinese_sounds("研究"))
    (['SLMN'], ['KLNP', 'SLNP'], [])
    >>> sorted(chinese_sounds("康纳")), sorted(chinese_sounds("曼宁"))
    (['KN'], ['MNN'])
    """
    if not name or any(char not in READINGS for char in name):
        return frozenset()
    return _skeletons(syllable_sounds(READINGS[char]) for char in name)


def english_sounds(word: str) -> frozenset[str]:
    """The skeletons an English name may be written with in characters.

    Some spellings have two usual renderings, so a name has a few skeletons:

    * an r after a vowel is 尔 or nothing (Marta 玛尔塔, Lambert 兰伯特, Okafor 奥卡福);
    * th is a t or an s (Karpathy 卡帕西); h before i is an h or an x (Hinton 辛顿);
    * an initial J may be a y (Joris 约里斯).

    A doubled letter is one sound; c before e, i, y is an s (Vance, 万斯); w after a consonant is
    a glide Chinese leaves out (Kwame 夸梅); m before a consonant is a syllable's final n (Lambert
    兰伯特); h after a consonant or at the end is silent (Mensah, 门萨).

    >>> sorted(english_sounds("Schulman")), sorted(english_sounds("Okafor")), sorted(english_sounds("Joris"))
    (['SLMN'], ['KF', 'KFL'], ['KLS', 'LS'])
    >>> sorted(english_sounds("Vance")), sorted(english_sounds("Manning")), sorted(english_sounds("Connor"))
    (['FNS'], ['MNN'], ['KN', 'KNL'])
    >>> sorted(english_sounds("Zimmermann"))
    ['SMLMN', 'SMMN']
    """
    spellings = _SPELLINGS.findall(word.lower())
    options: list[tuple[str, ...]] = []
    last, after_consonant, after_vowel = "", False, False
    for at, spelling in enumerate(spellings):
        following = next((later for later in spellings[at + 1:] if later != spelling), "")
        if spelling == last:
            continue  # a doubled letter
        last = spelling
        if spelling in _VOWELS:
            options.append((VOWEL,))
            after_consonant, after_vowel = False, True
            continue
        kind = _CLASS.get(spelling, "")
        if spelling == "c" and following[:1] in ("e", "i", "y"):
            choice: tuple[str, ...] = ("S",)
        elif spelling in ("w", "h") and after_consonant or spelling == "h" and not following:
            choice = ("",)
        elif spelling == "r" and after_vowel and following not in _VOWELS:
            choice = (kind, "")
        elif spelling == "th":
            choice = ("T", "S")
        elif spelling == "h" and following == "i":
            choice = ("H", "S")
        elif spelling == "m" and following and following not in _VOWELS:
            choice = ("N",)
        elif spelling == "j" and at == 0:
            choice = (kind, "")
        else:
            choice = (kind,)
        options.append(choice)
        after_consonant, after_vowel = True, False
    return _skeletons(options)


def _skeletons(options: Iterable[tuple[str, ...]]) -> frozenset[str]:
    """Every skeleton spelled by taking one choice from each of ``options`` in turn."""
    sounds = [""]
    for choice in options:
        sounds = sorted({sound + kind for sound in sounds for kind in choice})[:MOST_SOUNDS]
    return frozenset(skeleton(sound) for sound in sounds)


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


@dataclass(frozen=True)
class EnglishNames:
    """The names of one English document, indexed by skeleton."""

    exact: dict[str, frozenset[str]] = field(default_factory=dict)
    """Skeleton → keys (stems) of the names that have it."""
    shortened: dict[str, frozenset[str]] = field(default_factory=dict)
    """A long skeleton with one class left out → keys of the names that have it."""

    @classmethod
    def of(cls, texts: Iterable[str], is_common: Callable[[str, str], bool],
           key_of: Callable[[str], str]) -> EnglishNames:
        """Capitalised words of ``texts`` for which ``is_common`` (a dictionary check) is false."""
        exact: dict[str, set[str]] = {}
        shortened: dict[str, set[str]] = {}
        for text in texts:
            for word in _CAPITALISED.findall(text):
                key = key_of(word)
                if is_common(word, key):
                    continue
                for sound in english_sounds(word):
                    exact.setdefault(sound, set()).add(key)
                    for shorter in _one_left_out(sound):
                        shortened.setdefault(shorter, set()).add(key)
        return cls({s: frozenset(k) for s, k in exact.items()}, {s: frozenset(k) for s, k in shortened.items()})

    def key_for(self, name: str, whole: bool = True) -> tuple[int, str] | None:
        """How close (0 exact, 1 loose) the one name sounding like ``name`` is, and its key; None
        if no name does, or several. ``whole`` says whether ``name`` is a whole run of
        transliteration characters or a part of one.

        A part must match exactly and on more classes, and a loose match must span the whole
        run: two classes, or one class off, found inside a longer run are chance (尔曼 of 舒尔曼
        is no Raman). Loose is one class more or less, never one changed: 玛尔塔 MLT is not
        Miriam MLM.
        """
        sounds = chinese_sounds(name)
        shortest = SHORTEST if whole else PART
        keys = {key for sound in sounds if len(sound) >= shortest for key in self.exact.get(sound, ())}
        closeness = 0
        if not keys and whole:
            closeness = 1
            keys = {key for sound in sounds if len(sound) >= LOOSE for key in self.shortened.get(sound, ())}
            keys |= {key for sound in sounds for shorter in _one_left_out(sound) for key in self.exact.get(shorter, ())}
        return (closeness, keys.pop()) if len(keys) == 1 else None


def _one_left_out(sound: str) -> list[str]:
    """The skeleton with one class left out, each way, when what is left is long enough to match loosely."""
    if len(sound) <= LOOSE:
        return []
    return list(dict.fromkeys(sound[:i] + sound[i + 1:] for i in range(len(sound))))


def name_spans(words: Sequence[str], names: EnglishNames, is_word: Callable[[str, str], bool],
               is_particle: Callable[[str], bool] = lambda word: False) -> dict[int, tuple[int, str]]:
    """Runs of ``words`` that spell an English name: start index → (end index, the name's key).

    A run is made of words written wholly in transliteration characters; anything else ends it,
    a name separator (娜迪亚·费兰特) too, so each part meets one English word. A name may leave
    out one character at either end of its run (博 of 博士), never more, and never starts with
    尔, which only ends a syllable. What ``is_word(name, key)`` says is a word of the language
    rather than the name with that key (许多, 平凡) is left to the dictionary.

    Longer names are taken before shorter ones, exact matches before loose ones; but a name
    that ends or starts on what ``is_particle`` says is a function character (里, 于, 比) comes
    after the names that do not: 实验室里阿格涅什卡 names 阿格涅什卡, and 帕帕达基斯比我 帕帕达基斯.
    Such a character still ends a name when nothing shorter matches (哈里, Harry).
    """
    if not names.exact:
        return {}
    candidates = []
    start = 0
    while start < len(words):
        if not _transliterated(words[start]):
            start += 1
            continue
        end = start
        while end < len(words) and _transliterated(words[end]):
            end += 1
        for a in range(start, end):
            if len("".join(words[start:a])) > 1:
                break
            if words[a].startswith("尔"):
                continue
            for b in range(end, a, -1):
                if len("".join(words[b:end])) > 1:
                    break
                name = "".join(words[a:b])
                if len(name) > LONGEST:
                    continue
                found = names.key_for(name, whole=(a, b) == (start, end))
                if found and not is_word(name, found[1]):
                    edge = is_particle(words[a]) or is_particle(words[b - 1])
                    candidates.append((edge, -len(name), found[0], a, b, found[1]))
        start = end
    spans: dict[int, tuple[int, str]] = {}
    taken: set[int] = set()
    for *_, a, b, key in sorted(candidates):
        if taken.isdisjoint(range(a, b)):
            taken.update(range(a, b))
            spans[a] = (b, key)
    return spans


def transliterated(word: str) -> bool:
    """Whether ``word`` is written wholly in transliteration characters (or is a foreign full
    name, with its separator)."""
    return bool(word) and ("·" in word or _transliterated(word))


def _transliterated(word: str) -> bool:
    return bool(word) and all(char in READINGS for char in word)
