"""Names written by sound: a Chinese transliteration (舒尔曼) and the English name it renders (Schulman).

A compiled translation (编译) writes most foreign names in characters chosen for their sound,
and CC-CEDICT knows only the famous ones. A name is the strongest evidence two passages share,
so it is matched by sound: both spellings are reduced to a *skeleton* of consonant classes
(舒尔曼 shu-er-man and Schulman both give ``SLMN``), and a run of transliteration characters in
a Chinese line takes the key of an English name of the same document with the same skeleton.

Only the English document's own names are candidates, which keeps chance matches rare: a word
counts as a name when it is capitalised and no CC-CEDICT gloss uses it (a gloss would mean the
Chinese has a word of its own for it, as 星期五 for Friday, and the dictionary matches that).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

_READINGS = """
阿a 埃ai 艾ai 爱ai 安an 昂ang 奥ao 巴ba 拜bai 班ban 邦bang 保bao 鲍bao 贝bei 本ben 比bi 彼bi 毕bi
宾bin 波bo 伯bo 博bo 布bu 查cha 茨ci 达da 戴dai 黛dai 丹dan 道dao 德de 登deng 迪di 蒂di 丁ding 东dong
杜du 顿dun 多duo 厄e 恩en 尔er 法fa 凡fan 范fan 菲fei 费fei 斐fei 芬fen 丰feng 冯feng 佛fo 弗fu 福fu
盖gai 甘gan 冈gang 高gao 戈ge 哥ge 格ge 根gen 古gu 圭gui 哈ha 海hai 汉han 豪hao 赫he 亨heng 洪hong
胡hu 华hua 霍huo 基ji 吉ji 济ji 加jia 贾jia 杰jie 金jin 卡ka 凯kai 坎kan 康kang 考kao 柯ke 科ke 克ke
肯ken 孔kong 库ku 夸kua 奎kui 昆kun 拉la 莱lai 赖lai 兰lan 朗lang 劳lao 勒le 雷lei 蕾lei 黎li 里li
丽li 莉li 利li 琳lin 林lin 隆long 卢lu 鲁lu 露lu 伦lun 罗luo 洛luo 马ma 玛ma 迈mai 麦mai 曼man 芒mang
毛mao 梅mei 门men 蒙meng 米mi 敏min 莫mo 默mo 墨mo 姆mu 穆mu 纳na 娜na 奈nai 南nan 瑙nao 内nei 尼ni
妮ni 宁ning 纽niu 努nu 诺nuo 欧ou 帕pa 潘pan 庞pang 佩pei 彭peng 皮pi 平ping 珀po 普pu 奇qi 齐qi
琪qi 恰qia 乔qiao 切qie 钦qin 琼qiong 丘qiu 瑞rui 萨sa 塞sai 桑sang 瑟se 森sen 沙sha 莎sha 珊shan
尚shang 绍shao 舍she 什shi 施shi 舒shu 斯si 丝si 松song 苏su 索suo 塔ta 泰tai 坦tan 汤tang 唐tang
陶tao 特te 提ti 廷ting 图tu 托tuo 瓦wa 万wan 威wei 韦wei 维wei 薇wei 温wen 沃wo 乌wu 伍wu 西xi 希xi
锡xi 茜xi 夏xia 谢xie 辛xin 休xiu 许xu 雅ya 亚ya 娅ya 扬yang 耶ye 伊yi 因yin 英ying 尤you 于yu 约yue
泽ze 扎zha 詹zhan 朱zhu 卓zhuo 兹zi 佐zuo 密mi 烈lie
"""
READINGS = {entry[0]: entry[1:] for entry in _READINGS.split()}
"""The characters of the usual transliteration tables, with the reading they have in names."""

SEPARATOR = "·"
"""The interpunct between the parts of a foreign name (娜迪亚·费兰特): each part is one English word."""

# Pinyin initials by the consonant class they render. j/q/zh/ch stand for English g, j, k and
# ch alike (吉姆 Jim, 加西亚 Garcia, 奇 Chi), zh for a z too (扎伦巴 Zaremba); w for both w and v
# (瓦尔加 Varga).
_INITIALS = (("zh", "KS"), ("ch", "K"), ("sh", "S"), ("b", "P"), ("p", "P"), ("d", "T"), ("t", "T"),
             ("g", "K"), ("k", "K"), ("j", "K"), ("q", "K"), ("x", "S"), ("z", "S"), ("c", "S"),
             ("s", "S"), ("f", "F"), ("w", "F"), ("h", "H"), ("l", "L"), ("r", "L"), ("m", "M"),
             ("n", "N"), ("y", ""))

# English spellings by consonant class, longest first; vowels (and y) separate consonants.
_SPELLINGS = re.compile(r"sch|tch|ch|sh|ph|th|ck|gh|qu|tz|ts|kn|wr|c(?=[eiy])|[a-z]")
_CLASS = {"sch": "S", "tch": "K", "ch": "K", "sh": "S", "ph": "F", "th": "T", "ck": "K", "gh": "",
          "qu": "K", "tz": "S", "ts": "S", "kn": "N", "wr": "L", "c": "K", "g": "K", "j": "K",
          "k": "K", "q": "K", "x": "KS", "b": "P", "p": "P", "d": "T", "t": "T", "f": "F", "v": "F",
          "w": "F", "l": "L", "r": "L", "m": "M", "n": "N", "s": "S", "z": "S", "h": "H"}
_VOWELS = frozenset("aeiouy")

SHORTEST = 2
"""Fewest consonant classes a matching skeleton needs: one class (欧塞 Osei, ``S``) is chance."""
MOST_SOUNDS = 16
"""Most skeletons kept for one English name (each optional spelling doubles them)."""
LONGEST = 8
"""Most characters in one part of a name: a longer run of transliteration characters is text."""
PART = 3
"""Fewest consonant classes of a name that is part of a longer run of transliteration characters."""
LOOSE = 4
"""Fewest classes on both sides for skeletons one class apart to match: 科瓦尔奇克 leaves out the
z of Kowalczyk. Shorter ones are chance (舒尔曼 SLMN is no Raman, LMN)."""


def syllable_sounds(reading: str) -> tuple[str, ...]:
    """The consonant classes one pinyin syllable may render: its initial and a nasal ending.

    >>> [syllable_sounds(r) for r in ("shu", "er", "man", "deng", "yi", "kua", "zha")]
    [('S',), ('L',), ('MN',), ('TN',), ('',), ('K',), ('K', 'S')]
    """
    if reading == "er":
        return ("L",)  # 尔 renders an English l or r
    kinds = ("",)
    for initial, classes in _INITIALS:
        if reading.startswith(initial):
            kinds, reading = tuple(classes) or ("",), reading[len(initial):]
            break
    ending = "N" if reading.endswith("n") or reading.endswith("ng") else ""
    return tuple(kind + ending for kind in kinds)


def chinese_sounds(name: str) -> frozenset[str]:
    """The skeletons of a name in transliteration characters (none if a character is not one).

    >>> sorted(chinese_sounds("舒尔曼")), sorted(chinese_sounds("扎伦巴")), sorted(chinese_sounds("研究"))
    (['SLMN'], ['KLNP', 'SLNP'], [])
    """
    if not name or any(char not in READINGS for char in name):
        return frozenset()
    sounds = {""}
    for char in name:
        sounds = {sound + kind for sound in sounds for kind in syllable_sounds(READINGS[char])}
    return frozenset(sounds)


def english_sounds(word: str) -> frozenset[str]:
    """The skeletons an English name may be written with in characters.

    Some spellings have two usual renderings, so a name has a few skeletons:

    * an r after a vowel is 尔 or nothing (Marta 玛尔塔, Lambert 兰伯特, Okafor 奥卡福);
    * th is a t or an s (Karpathy 卡帕西); h before i is an h or an x (Hinton 辛顿);
    * an initial J may be a y (Joris 约里斯).

    A doubled letter is one sound; w after a consonant is a glide Chinese leaves out (Kwame
    夸梅); m before a consonant is a syllable's final n (Lambert 兰伯特).

    >>> sorted(english_sounds("Schulman")), sorted(english_sounds("Okafor")), sorted(english_sounds("Joris"))
    (['SLMN'], ['KF', 'KFL'], ['KLS', 'LS'])
    """
    lowered = word.lower()
    spellings = _SPELLINGS.findall(lowered)
    options: list[tuple[str, ...]] = []
    last, after_consonant, after_vowel = "", False, False
    for at, spelling in enumerate(spellings):
        following = spellings[at + 1] if at + 1 < len(spellings) else ""
        if spelling == last:
            continue  # a doubled letter
        last = spelling
        if spelling in _VOWELS:
            options.append((".",))
            after_consonant, after_vowel = False, True
            continue
        kind = _CLASS.get(spelling, "")
        if spelling in ("w", "h") and after_consonant:
            choice: tuple[str, ...] = ("",)
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
    sounds = {""}
    for choice in options:
        sounds = {sound + kind for sound in sounds for kind in choice}
        if len(sounds) > MOST_SOUNDS:
            sounds = set(sorted(sounds)[:MOST_SOUNDS])
    # Two consonants of one class with no vowel between are one sound (ck, ll, ds).
    return frozenset(re.sub(r"([A-Z])\1+", r"\1", sound).replace(".", "") for sound in sounds)


def _closeness(chinese: str, english: str, whole: bool) -> int | None:
    """0 for the same skeleton, 1 for one class more or less, else None.

    A part of a longer run of transliteration characters (阿桑特 of 阿桑特博士) must match
    exactly and on more classes, and a loose match must span the whole run: two classes, or
    one class off, found inside a longer run are chance (尔曼 of 舒尔曼 is no Raman).
    """
    shortest = SHORTEST if whole else PART
    if chinese == english:
        return 0 if len(chinese) >= shortest else None
    if whole and min(len(chinese), len(english)) >= LOOSE and _one_dropped(chinese, english):
        return 1
    return None


def _one_dropped(a: str, b: str) -> bool:
    """Whether the longer skeleton is the shorter with one class more (Kowalczyk KFLKSK, 科瓦尔奇克 KFLKK).
    A class *changed* is not close: 玛尔塔 MLT is not Miriam MLM."""
    if len(a) < len(b):
        a, b = b, a
    return len(a) == len(b) + 1 and any(a[:i] + a[i + 1:] == b for i in range(len(a)))


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


@dataclass(frozen=True)
class EnglishNames:
    """The names of one English document: skeleton → the name's key (its stem)."""

    by_sound: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, texts: Iterable[str], is_common: Callable[[str, str], bool],
           key_of: Callable[[str], str]) -> EnglishNames:
        """Capitalised words of ``texts`` for which ``is_common`` (a dictionary check) is false."""
        found: dict[tuple[str, str], None] = {}
        for text in texts:
            for word in _CAPITALISED.findall(text):
                key = key_of(word)
                if not is_common(word, key):
                    found.update(dict.fromkeys((sound, key) for sound in english_sounds(word)))
        return cls(tuple(found))

    def key_for(self, name: str, whole: bool = True) -> tuple[int, str] | None:
        """How close the nearest name is to ``name`` (in characters) and its key; ``whole`` says
        whether ``name`` is a whole run of transliteration characters or a part of one."""
        matches = [(closeness, key) for sound in chinese_sounds(name) for english, key in self.by_sound
                   if (closeness := _closeness(sound, english, whole)) is not None]
        return min(matches) if matches else None


def name_spans(words: Sequence[str], names: EnglishNames,
               known: Callable[[str], bool]) -> dict[int, tuple[int, str]]:
    """Runs of ``words`` that spell an English name: start index → (end index, the name's key).

    A run is made of words written wholly in transliteration characters and never crosses a
    name separator. A name may leave out one character at either end of its run (博 of 博士),
    never more, and never starts with 尔, which only ends a syllable. A single word the
    dictionary ``known`` glosses is left to its glosses (多伦多 is Toronto there). Longer
    names are taken before shorter ones, exact matches before loose ones.
    """
    if not names.by_sound:
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
            if len("".join(words[start:a])) > 1 or words[a].startswith("尔"):
                break
            for b in range(end, a, -1):
                if len("".join(words[b:end])) > 1:
                    break
                name = "".join(words[a:b])
                if len(name) > LONGEST or (b == a + 1 and known(name)):
                    continue
                found = names.key_for(name, whole=(a, b) == (start, end))
                if found:
                    candidates.append((-len(name), found[0], a, b, found[1]))
        start = end
    spans: dict[int, tuple[int, str]] = {}
    taken: set[int] = set()
    for _, _, a, b, key in sorted(candidates):
        if taken.isdisjoint(range(a, b)):
            taken.update(range(a, b))
            spans[a] = (b, key)
    return spans


def _transliterated(word: str) -> bool:
    return bool(word) and all(char in READINGS for char in word)
