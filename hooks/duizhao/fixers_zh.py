"""Fixers for the Chinese texts: page junk, conversion debris, SEO spam, subtitle layout.

Order matters and is fixed by ``ZH_FIXERS`` at the bottom: the curator's ``fix:`` entries
have already been applied to the raw lines; debris inside lines is repaired next (while
the text is still as received, so that the mojibake detector sees what the curator sees),
the script is then normalized to Simplified, and document-level junk, spam and layout
are handled last, on clean Simplified text.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import replace

from . import spam
from .debris import drop_page_source_blocks, remove_invisible_characters, strip_html_markup
from .errors import InputError, Problem
from .fixers_en import MARKDOWN_HEADING
from .fixlog import CleaningLog, Lines, drop_blank_lines, per_line
from .model import Line
from .notes import PUBLICATION_HEADER, is_publisher_note
from .numbers import SECTION_NUMBER
from .punctuation import restore_full_width
from .script import looks_traditional, mend_simplified, to_simplified
from .transcripts import drop_timestamps

CJK = "\u4e00-\u9fff"
SENTENCE_END = "。！？!?；;…"
CLOSERS = "」』”’)）》】"
"""Closing quotes and brackets that may follow a sentence's final punctuation."""


def ends_sentence(text: str) -> bool:
    """Whether a line ends like a finished sentence (closing quotes do not count).

    >>> ends_sentence("他说:「每天专注4小时,你也能改变世界。」")
    True
    >>> ends_sentence("深度RL:转行契机")
    False
    """
    core = text.rstrip().rstrip(CLOSERS)
    return bool(core) and core[-1] in SENTENCE_END


def reading_length(text: str) -> int:
    """Length as a reader perceives it: a Latin word or number counts about as much as two characters.

    >>> reading_length("第一篇论文")
    5
    >>> reading_length("Felix在2023年第二届Khipu上未领取的参会证件")
    20
    """
    text = text.strip()
    latin = re.findall(r"[A-Za-z0-9]+", text)
    return len(re.sub(r"[A-Za-z0-9]+", "", text)) + sum(min(2, (len(w) + 2) // 3) for w in latin)


# --- conversion debris (raw text, before script conversion) ---------------------------------

_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_GLOSS = re.compile(rf"\((?=[a-zü{_TONE_VOWELS}]*[{_TONE_VOWELS}])[a-zü{_TONE_VOWELS}]{{1,6}}\)")
"""A single pinyin syllable with a tone mark in parentheses: ``(xiàn)``. Real parentheticals
(``(Vipassana)``, ``(RNN)``, ``(i)``) carry no tone marks and are left alone."""


def drop_pinyin_glosses(text: str) -> str:
    """Remove pinyin readings that a broken script converter wrote after characters it changed.

    The converter glossed every character it converted, even inside Latin names, so the
    gloss is debris wherever it stands.

    >>> drop_pinyin_glosses("期間,他表現(xiàn)出了重度抑郁")
    '期間,他表現出了重度抑郁'
    >>> drop_pinyin_glosses("1月11日,F(xiàn)elix的葬禮將于倫敦北部舉行")
    '1月11日,Felix的葬禮將于倫敦北部舉行'
    >>> drop_pinyin_glosses("但很可能連內觀禪修(Vipassana)也被AI滲透了")
    '但很可能連內觀禪修(Vipassana)也被AI滲透了'
    >>> drop_pinyin_glosses("(i) 表達更復雜的模塊組合;基于循環神經網絡(RNN)的編碼器")
    '(i) 表達更復雜的模塊組合;基于循環神經網絡(RNN)的編碼器'
    """
    return PINYIN_GLOSS.sub("", text)


BROKEN_HTML_TAIL = re.compile(r"(?:\?|<)/p>\s*$")
"""A closing ``</p>`` left at the end of a line; ``?/p>`` when its ``<`` was swallowed
by the byte before it, i.e. when a character just before the tag was destroyed too."""


def drop_broken_html_tails(lines: Lines, log: CleaningLog) -> Lines:
    """Remove HTML paragraph ends (``</p>``, ``?/p>``) that a copy-paste left at line ends.

    When the ``<`` was swallowed (``?/p>``) the byte before it was eaten too, usually the
    closing quote ``」``: if the line does not already end in a closing mark, the curator is
    asked to restore it through a ``fix:`` entry.

    >>> log = CleaningLog("zh.txt")
    >>> [l.text for l in drop_broken_html_tails((Line(28, "「安息吧,F(xiàn)elix。愿來世你不需要去戰(zhàn)斗。」?/p>"),), log)]
    ['「安息吧,F(xiàn)elix。愿來世你不需要去戰(zhàn)斗。」']
    >>> log.changes[0].action, log.problems
    ('changed', [])
    """
    out = []
    for line in lines:
        match = BROKEN_HTML_TAIL.search(line.text)
        if not match:
            out.append(line)
            continue
        kept = line.text[:match.start()].rstrip()
        if match.group().startswith("?") and not kept.endswith(tuple(CLOSERS)):
            log.warn(line.number, f"broken HTML tail {match.group().strip()!r}: the character before it was lost "
                                  "(probably a closing 」); restore it with a fix: entry")
        if kept:
            log.changed(line, kept)
            out.append(replace(line, text=kept))
        else:
            log.removed(line)
    return tuple(out)


_GLOSSED_LOSS = re.compile(rf"\?[a-zü{_TONE_VOWELS}]{{1,6}}\)")
_MOJIBAKE_SIGNS = (
    (re.compile(rf"\?\(?[a-zü{_TONE_VOWELS}]*[{_TONE_VOWELS}][a-zü{_TONE_VOWELS}]*\)"),
     "a character was lost before a pinyin gloss"),
    (re.compile(r"\?[;；]"), "'?;' is the tail of a misread full stop"),
    (re.compile(rf"\?\?(?=[{CJK}])"), "'??' before Chinese text is a misread character"),
    (re.compile(rf"[\u0370-\u03ff\u0400-\u04ff](?=[{CJK}])|(?<=[{CJK}])[\u0370-\u03ff\u0400-\u04ff]"),
     "Greek or Cyrillic letter inside Chinese text"),
    (re.compile("\ufffd+"), "a replacement character: the decoder could not read these bytes"),
    (re.compile("锟斤拷|烫烫烫|屯屯屯"), "the classic trace of UTF-8 and GBK read as each other"),
    (re.compile("[\u00c2-\u00ef][\u0080-\u00bf]"), "UTF-8 read as Latin-1 (ä½ for 你)"),
)
"""Traces that text was read in the wrong encoding (GBK bytes shifted by one). Each is
something well-formed Chinese never contains: a question mark glued to a pinyin gloss or to
a semicolon, two question marks before a character, a Cyrillic letter between characters."""


def find_mojibake(text: str) -> list[tuple[str, str]]:
    """The mojibake runs in a line, with the sign that gave each away.

    >>> [run for run, _ in find_mojibake("所以,對他人多一份理解,不要輕易下結論很重要?;蛟S他們可能正經(jīng)歷著")]
    ['要?;蛟S他']
    >>> [run for run, _ in find_mojibake("困境??上У氖?,很多人仍然低估了心理健康")]
    ['境??上У氖', '上У氖?,']
    >>> find_mojibake("寫論文?那只是影響研究其中的一小步。由于公司估值與LLM性能(難以分割地?)掛鉤")
    []
    >>> find_mojibake("真的吗??我不信。你在干什么??快回来")
    []
    """
    found = []
    for pattern, reason in _MOJIBAKE_SIGNS:
        for match in pattern.finditer(text):
            if match.group() == "??" and _asks(text, match.start()):
                continue  # 真的吗??我不信: a question asked twice over, not a lost character
            start, end = max(0, match.start() - 1), min(len(text), match.end() + 3)
            found.append((text[start:end], reason))
    return found


_ASKED_WITH = re.compile("(?:[吗嗎呢吧嘛]|什么|什麼|甚么|甚麼|怎么|怎麼|怎么样|怎麼樣|为什么|為什麼|为何|為何|谁|誰|哪里|哪裡|"
                           "哪儿|哪兒|多少|如何|怎样|怎樣|是不是|有没有|有沒有|对不对|對不對|行不行|好不好)$")


def _asks(text: str, at: int) -> bool:
    """Whether the text before ``at`` ends in a question particle or a question word, as a
    question asked with ``??`` does. Mojibake puts ``??`` where a character was lost, which
    may follow any word, a question word inside the clause too (无论如何…困境??), so only the
    word right before counts; 么 alone does not (那么??力 is 那么努力 with 努 lost).

    >>> _asks("真的吗??我不信", 3), _asks("你到底想怎么样??快说", 7), _asks("不为人知的困境??上У氖", 7)
    (True, True, False)
    >>> _asks("无论如何都要面对困境??惜的是", 10), _asks("他那么??力地工作", 3), _asks("这个问题是否??要解决", 6)
    (False, False, False)
    """
    return bool(_ASKED_WITH.search(text, 0, at))


def warn_mojibake(lines: Lines, log: CleaningLog) -> Lines:
    """Report text damaged by a wrong encoding: no fixer can guess the lost characters.

    The curator restores them with ``fix:`` entries in ``overrides.yml`` (applied before
    any fixer); once every run is fixed, nothing is reported. The text is left unchanged.
    """
    for line in lines:
        for run, reason in find_mojibake(line.text):
            log.warn(line.number, f"mojibake {run!r} ({reason}): restore the text with a fix: entry")
    return lines


LINE_DEBRIS_FIXERS = (per_line(remove_invisible_characters), drop_page_source_blocks, per_line(strip_html_markup),
                      drop_broken_html_tails, warn_mojibake, per_line(drop_pinyin_glosses))
"""Debris inside lines, repaired on the text as received. The mojibake detector runs
before the gloss remover because a gloss glued to ``?`` is its clearest sign."""


def to_simplified_script(lines: Lines, log: CleaningLog) -> Lines:
    """Normalize Traditional script to Simplified so that every later stage sees one script.

    A text received in Traditional is converted whole, and that is not recorded as a change:
    the original script is kept as the article's ``script`` and a Traditional rendering is
    produced for display. A text received in Simplified only has stray Traditional characters
    folded, and each line that changes is recorded: there, a change is a repair. The script is
    judged here, once, on the text without its page junk, and kept in ``log.script``.
    """
    if looks_traditional("".join(line.text for line in lines)):
        log.script = "hant"
        return tuple(replace(line, text=to_simplified(line.text)) for line in lines)
    return per_line(mend_simplified)(lines, log)


# --- SEO spam -------------------------------------------------------------------------------

PAGE_METADATA = re.compile(r"^\s*(?:发布时间|发布日期|时间)[:：]\s*\d{4}-\d{1,2}-\d{1,2}.*(?:来源|作者|浏览|阅读)[:：]")


def drop_page_metadata(lines: Lines, log: CleaningLog) -> Lines:
    """Remove the ``发布时间:… 来源:… 作者:…`` line a content farm puts above a copied article.

    It describes the copy, not the article (its "source" is a placeholder company).

    >>> log = CleaningLog("zh.txt")
    >>> drop_page_metadata((Line(1, "发布时间:2024-11-28 13:33:56 来源:成都市某某轴承有限责任公司 作者:热点"), Line(2, "机器之心编译")), log)
    (Line(number=2, text='机器之心编译', kind='paragraph', merged=()),)
    """
    return _drop(lines, log, lambda line: bool(PAGE_METADATA.search(line.text)))


def drop_spam_fragments(lines: Lines, log: CleaningLog) -> Lines:
    """Remove the keyword fragments the curator listed under ``spam:`` (see ``spam.remove_fragments``)."""
    fragments = tuple(replace(f, text=to_simplified(f.text), keep=tuple(map(to_simplified, f.keep)))
                      for f in log.overrides.spam)
    if not fragments:
        return lines
    # A stale entry must not be ignored silently, as a stale fix is not (``apply_curator_fixes``).
    unused = [Problem(log.overrides.path, f"spam fragment {given.text!r} is not in the text (or only inside its "
                      "'keep' phrases): remove the entry, or correct it", given.at)
              for given, fragment in zip(log.overrides.spam, fragments)
              if not any(spam.remove_fragments(line.text, (fragment,)) != line.text for line in lines)]
    if unused:
        raise InputError(unused)
    return per_line(lambda text: spam.remove_fragments(text, fragments))(lines, log)


SPAM_FIXERS = (drop_page_metadata, per_line(spam.remove_placeholder_companies), drop_spam_fragments)


# --- page junk ------------------------------------------------------------------------------

def _drop(lines: Lines, log: CleaningLog, is_junk) -> Lines:
    out = []
    for line in lines:
        if line.text.strip() and is_junk(line):
            log.removed(line)
        else:
            out.append(line)
    return tuple(out)


_PROSE_ENDS = ("。", "」", "』", "”", "…", "\"", ".")
"""How a sentence of prose ends and a headline does not (a headline ends bare, or in ! or ?)."""


REPEATED_IMAGES = 5
"""Times a long line not opening the page must repeat to be taken for images' alt text."""


def _repeated_headlines(lines: Lines) -> set[str]:
    """Texts that stand in for images: a long line repeated five times or more (three if it
    is the first line), or the first line repeated. (A web page copied as text keeps each image's alt text, which
    many sites fill with the headline.) Short repeated lines are left alone: a transcript
    legitimately repeats ``因此`` or ``他认为``. Nor is a line that ends like a sentence of
    prose (``。``, a closing quote) a headline: a story or a poem may come back to its first
    line, or repeat a line of dialogue, on purpose.

    >>> sorted(_repeated_headlines(tuple(Line(n, t) for n, t in enumerate(["那年冬天,河水结冰了。", "我每天沿着河岸走。",
    ...     "「你回来了。」", "「你回来了。」", "「你回来了。」", "那年冬天,河水结冰了。"], 1))))
    []
    >>> refrain = "你还记得我们一起坐过的那条船吗？"
    >>> sorted(_repeated_headlines(tuple(Line(n, t) for n, t in enumerate(["夜航", refrain, "那是冬天。", refrain, "船沉了。", refrain], 1))))
    []
    """
    texts = [line.text.strip() for line in lines if line.text.strip()]
    if not texts:
        return set()
    counts = Counter(text for text in texts if not text.endswith(_PROSE_ENDS))
    # Three times if it is also the page's first line, the title; else five: a story's refrain
    # (你还记得那条船吗？) may come back three or four times.
    found = {text for text, n in counts.items()
             if reading_length(text) >= 12 and (n >= REPEATED_IMAGES or (n >= 3 and text == texts[0]))}
    if counts[texts[0]] >= 2 and reading_length(texts[0]) >= 8:
        found.add(texts[0])
    return found



def _non_blank_neighbours(lines: Lines, i: int) -> tuple[int, int]:
    """Index of the next non-blank line after ``i`` and how many blank lines lie between."""
    j = i + 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    return j, j - i - 1


URL = re.compile(r"https?://|www\.")


def drop_image_captions(lines: Lines, log: CleaningLog) -> Lines:
    """Remove the short label printed right under an image whose place is held by alt text.

    The image is not shown, so its label (``世界顶尖学术AI研究实验室``) would read as a stray
    heading. Only a short label without any punctuation, at most one blank line below the
    image, is removed; a caption that says something (with commas, a link) is kept.

    >>> lines = tuple(Line(n, t) for n, t in enumerate(["顶会0篇,一夜RLHF爆文刷屏!他靠写作逆袭AI圈,院士都说好", "",
    ...     "顶会0篇,一夜RLHF爆文刷屏!他靠写作逆袭AI圈,院士都说好", "", "世界顶尖学术AI研究实验室", "", "", "事后回顾,他已有一些基本特质:"], 1))
    >>> [l.text for l in drop_image_captions(lines, CleaningLog("zh.txt")) if l.text]
    ['顶会0篇,一夜RLHF爆文刷屏!他靠写作逆袭AI圈,院士都说好', '顶会0篇,一夜RLHF爆文刷屏!他靠写作逆袭AI圈,院士都说好', '事后回顾,他已有一些基本特质:']
    """
    images = _repeated_headlines(lines)
    captions = set()
    for i, line in enumerate(lines):
        if line.text.strip() not in images:
            continue
        j, blanks = _non_blank_neighbours(lines, i)
        if j < len(lines) and blanks <= 1 and _is_label(lines[j].text) and lines[j].text.strip() not in images:
            captions.add(lines[j].number)
    return _drop(lines, log, lambda line: line.number in captions)


def _is_label(text: str) -> bool:
    text = text.strip()
    return (reading_length(text) <= 20 and re.search(f"[{CJK}]", text) is not None
            and not re.search(r"[，,。；;！!？?、:：]", text) and not URL.search(text))


def drop_repeated_headline(lines: Lines, log: CleaningLog) -> Lines:
    """Remove the headline wherever it is repeated as image alt text (and as the first line:
    the page shows the title from ``meta.yml``).

    >>> lines = tuple(Line(n, t) for n, t in enumerate(["顶会0篇,一夜RLHF爆文刷屏!他靠写作逆袭AI圈,院士都说好", "博士毕业时,他没有在顶会上发表过文章。",
    ...     "顶会0篇,一夜RLHF爆文刷屏!他靠写作逆袭AI圈,院士都说好", "如今,他的谷歌引用数已有5千多。"], 1))
    >>> [l.text for l in drop_repeated_headline(lines, CleaningLog("zh.txt"))]
    ['博士毕业时,他没有在顶会上发表过文章。', '如今,他的谷歌引用数已有5千多。']
    """
    headlines = _repeated_headlines(lines)
    return _drop(lines, log, lambda line: line.text.strip() in headlines)


_COUNT = r"\d+(?:[.,]\d+)*\s*(?:万|w|W|k|K)?\+?\s*次?"
_COUNTED = "热度|阅读量|阅读数|阅读|在看|点赞数|点赞|赞|评论|收藏|分享|浏览量|浏览|人看过|次播放|播放"
PAGE_COUNTER = re.compile(rf"^(?:(?:{_COUNT}\s*(?:{_COUNTED})?|(?:{_COUNTED})\s*[:：]?\s*{_COUNT})\s*[·|｜]?\s*)+$")


def drop_page_counters(lines: Lines, log: CleaningLog) -> Lines:
    """Remove ratings and popularity counters (``4.8``, ``0热度``) copied with the page.

    >>> [l.text for l in drop_page_counters((Line(5, "4.8"), Line(6, "0热度"), Line(7, "2017年秋天,他开始读博。")), CleaningLog("zh.txt"))]
    ['2017年秋天,他开始读博。']
    >>> counters = ["阅读 1.2万", "阅读 1.2万 · 在看 36", "1.2万阅读 · 36在看", "阅读数 1.2万", "阅读 1.2万次", "浏览量 3,245"]
    >>> [l.text for l in drop_page_counters(tuple(Line(n, t) for n, t in enumerate([*counters, "阅读100本书", "3个"], 1)), CleaningLog("zh.txt"))]
    ['阅读100本书', '3个']
    """
    return _drop(lines, log, lambda line: bool(PAGE_COUNTER.match(line.text.strip())))


APP_INTERFACE = frozenset(
    "首页 发现 看过 我的 消息 推荐 关注 分享 收藏 评论 点赞 在看 转发 登录 注册 返回 搜索 更多 打开APP 下载APP "
    "相关文章 相关阅读 相关推荐 阅读原文 展开全文 左右滑动查看 上下滑动查看 点击查看 查看更多 上一篇 下一篇 返回顶部 "
    "扫码关注 关注我们 点击阅读原文 长按识别二维码 复制链接".split()
)


def drop_app_navigation(lines: Lines, log: CleaningLog) -> Lines:
    """Remove lines made only of app or page interface words (``首页 发现``, ``左右滑动查看``).

    A line counts only when every word on it is an interface word, so prose that merely
    mentions 首页 or 分享 stays.

    >>> [l.text for l in drop_app_navigation((Line(1, "首页 发现"), Line(2, "看过 我的"), Line(3, "(左右滑动查看)"),
    ...     Line(4, "他在首页分享了这篇文章。")), CleaningLog("zh.txt"))]
    ['他在首页分享了这篇文章。']
    """
    def is_interface(line: Line) -> bool:
        words = re.split(r"[\s|·/]+", line.text.strip().strip("()（）[]【】"))
        return all(word in APP_INTERFACE for word in words if word) and any(words)

    return _drop(lines, log, is_interface)


def drop_teaser(lines: Lines, log: CleaningLog) -> Lines:
    """Remove a teaser paragraph that repeats the start of the body and stops mid-word.

    Feeds print the first few hundred characters of an article as one paragraph above it;
    the copy keeps both. A line is a teaser when, spaces aside, it is a prefix of the
    concatenation of at least two following lines.

    >>> lines = tuple(Line(n, t) for n, t in enumerate(["他最近分享了如何走上AI之路。博士毕业时,他没有在顶会上发表过文章。他的学术背景是高能物理/",
    ...     "他最近分享了如何走上AI之路。", "博士毕业时,他没有在顶会上发表过文章。", "他的学术背景是高能物理/激光。"], 1))
    >>> [l.number for l in drop_teaser(lines, CleaningLog("zh.txt"))]
    [2, 3, 4]
    """
    texts = [(line, _squeeze(line.text)) for line in lines if line.text.strip()]
    teasers = set()
    for i, (line, text) in enumerate(texts):
        following, used = "", 0
        for _, later in texts[i + 1:]:
            if len(following) >= len(text):
                break
            following += later
            used += 1
        if used >= 2 and len(text) >= 20 and following.startswith(text):
            teasers.add(line.number)
    return _drop(lines, log, lambda line: line.number in teasers)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


REPEATED_RUN = 4
"""Non-blank lines in a row that, met again in the same order, make a passage pasted twice."""
REPEATED_LENGTH = 60
"""Reading length such a passage must reach: short lines (``因此``, ``他认为``) repeat in speech."""


def drop_repeated_passages(lines: Lines, log: CleaningLog) -> Lines:
    """Remove a passage that repeats, line for line, one met earlier in the text: the text
    (or part of it) was pasted more than once. The first copy stays; each line of the
    others is in the report.

    A single repeated line is left to the fixers that know why it repeats (a headline as
    image alt text); only ``REPEATED_RUN`` lines or more in the same order, with some
    length to them, count as a second copy.

    >>> text = ["第一段讲他怎样开始读博，并且很快就被人工智能吸引了。", "第二段讲他被两位教授婉拒了。", "第三段讲他独自上课、读论文。",
    ...         "第四段讲他挖出了导师的一封旧邮件。"]
    >>> lines = tuple(Line(n, t) for n, t in enumerate(text * 3, 1))
    >>> [l.number for l in drop_repeated_passages(lines, CleaningLog("zh.txt"))]
    [1, 2, 3, 4]
    """
    texts = [(k, line.text.strip()) for k, line in enumerate(lines) if line.text.strip()]
    seen_at: dict[str, int] = {}  # where each text first stood
    repeated: set[int] = set()
    i = 0
    while i < len(texts):
        p = seen_at.get(texts[i][1])
        run = 0
        while p is not None and i + run < len(texts) and p + run < i and texts[p + run][1] == texts[i + run][1]:
            run += 1
        if run >= REPEATED_RUN and sum(reading_length(t) for _, t in texts[i:i + run]) >= REPEATED_LENGTH:
            repeated.update(k for k, _ in texts[i:i + run])
            i += run
            continue
        seen_at.setdefault(texts[i][1], i)
        i += 1
    out = []
    for k, line in enumerate(lines):
        if k in repeated:
            log.removed(line)
        else:
            out.append(line)
    return tuple(out)


PAGE_JUNK_FIXERS = (drop_page_counters, drop_app_navigation, drop_repeated_passages, drop_image_captions,
                    drop_repeated_headline, drop_teaser)


# --- subtitle transcripts -------------------------------------------------------------------

def looks_like_subtitles(lines: Lines) -> bool:
    """Whether a text is a subtitle transcript: many lines, most short, almost none finished.

    >>> looks_like_subtitles(tuple(Line(n, t) for n, t in enumerate(["大家好", "最近", "在一场深度访谈中", "详细拆解了OpenAI的崛起之路"] * 8, 1)))
    True
    >>> looks_like_subtitles(tuple(Line(n, t) for n, t in enumerate(["他开始读博。", "他学过物理。", "他很专注。", "结果发了后,又过了三个月才有人发竞品"] * 8, 1)))
    False
    """
    texts = [line.text.strip() for line in lines if line.text.strip()]
    if len(texts) < 30:
        return False
    short = statistics.median(reading_length(t) for t in texts) <= 20
    finished = sum(ends_sentence(t) for t in texts) / len(texts)
    return short and finished < 0.15


NEW_SENTENCE = tuple(
    "但是 但 不过 然而 而且 因此 所以 此外 另外 同时 另一方面 一方面 首先 其次 接下来 最后 总之 总体而言 换句话说 "
    "事实上 毕竟 如今 最近 作为 在访谈中 访谈中 谈到 提到 说到 至于 纵观 离开 感谢 今天 这也 这无疑 这意味着 "
    "这就 他说 他认为 他表示 他发现 他预计 舒尔曼 那么 而在 而对于 而谈到 而进入 而这 而现在 随着".split()
)
"""Words that open a new sentence when a phrase starts with them (spoken Chinese)."""

SOFT_NEW_SENTENCE = tuple("这个 这些 这款 这场 他 她 它 我们 你 人们 很多人 团队 如果 虽然 尽管 而".split())
"""Words that open a new sentence only once the running sentence is long."""

NEEDS_MAIN_CLAUSE = tuple("作为 在 对于 而对于 随着 至于 从 当 关于 由于 如果 即便 即使 虽然 尽管 而在 为了 除了 通过".split())
"""A phrase opening with these is a frame (作为…, 至于…): the sentence goes on after it."""

NEW_PARAGRAPH = tuple(
    "首先 其次 接下来 最后 此外 另外 谈到 提到 说到 至于 纵观 作为 在访谈中 访谈中 如今 离开 随着 对于 "
    "而谈到 而对于 总体而言 感谢 那么".split()
)
"""Words that open a new topic: a paragraph may start here."""

_CONCESSIVE = ("虽然", "尽管", "虽", "即便", "即使")
_CONDITIONAL = ("如果", "假如", "要是", "只要")
_QUESTION_END = ("吗", "呢")
PARAGRAPH_MIN, PARAGRAPH_MAX, SENTENCE_LONG = 80, 220, 40


def join_subtitle_phrases(lines: Lines, log: CleaningLog) -> Lines:
    """Join a subtitle transcript's phrases into punctuated sentences and paragraphs.

    Only texts that look like subtitles (``looks_like_subtitles``) are touched. Phrases are
    joined with ``，``; a sentence ends (``。`` or ``？``) where the next phrase opens with a
    word that starts sentences in speech (但是, 因此, 首先 …), unless the phrase before is a
    frame (作为…, 如果…, a short 现在) or the sentence is a concession that 但是 completes. A paragraph ends at
    such a boundary once it is long enough and the next sentence opens a new topic, or
    once it is too long. Each absorbed line is recorded as merged into its paragraph.

    >>> phrases = ["在访谈中", "他分享了自己的独到见解", "首先是价值函数的争议", "价值函数是否已经过时了呢", "舒尔曼给出的答案是否定的"]
    >>> paragraphs = join_subtitle_phrases(tuple(Line(n, t) for n, t in enumerate(phrases * 7, 1)), CleaningLog("zh.txt"))
    >>> paragraphs[0].text.split("。")[:2]
    ['在访谈中，他分享了自己的独到见解', '首先是价值函数的争议，价值函数是否已经过时了呢？舒尔曼给出的答案是否定的']
    """
    phrases = [line for line in lines if line.text.strip()]
    if not looks_like_subtitles(lines):
        return lines
    out = []
    for group in _paragraphs(_sentences(phrases)):
        first, text = group[0][0], "".join(_sentence_text(sentence) for sentence in group)
        members = [line for sentence in group for line in sentence]
        if text != first.text:
            log.changed(first, text)
        for line in members[1:]:
            log.merged(line, text)
        out.append(replace(first, text=text, merged=(*first.merged, *(m.number for m in members[1:]), *(n for m in members[1:] for n in m.merged))))
    return tuple(out)


def _sentences(phrases: list[Line]) -> list[list[Line]]:
    sentences: list[list[Line]] = []
    for line in phrases:
        if not sentences or _ends_here(sentences[-1], line.text.strip()):
            sentences.append([line])
        else:
            sentences[-1].append(line)
    return sentences


def _ends_here(sentence: list[Line], next_phrase: str) -> bool:
    """Whether the sentence so far is finished before ``next_phrase``."""
    texts = [line.text.strip() for line in sentence]
    last, size = texts[-1], reading_length("".join(texts))
    if ends_sentence(last):
        return True
    if last[-1] in "，,、：:" or last.startswith(NEEDS_MAIN_CLAUSE) or reading_length(last) <= 5:
        return False
    if last.endswith(_QUESTION_END):
        return True
    if texts[0].startswith(_CONDITIONAL) and next_phrase.startswith(("那么", "就")):
        return False
    if any(c in t for t in texts for c in _CONCESSIVE) and next_phrase.startswith(("但", "却", "也")):
        return False
    if any(c in t for t in texts for c in ("由于", "因为")) and next_phrase.startswith("所以"):
        return False
    if next_phrase.startswith(NEW_SENTENCE):
        return size >= 8
    return size >= SENTENCE_LONG and next_phrase.startswith(SOFT_NEW_SENTENCE) and not next_phrase.startswith(("而是", "而不是"))


def _sentence_text(sentence: list[Line]) -> str:
    parts = []
    for line in sentence:
        text = line.text.strip()
        if parts and parts[-1][-1] not in "，,、：:。！？!?；;…" + CLOSERS:
            parts[-1] += "，"
        parts.append(text)
    last = parts[-1]
    if not ends_sentence(last) and last[-1] not in "，,、：:":
        parts[-1] = last + ("？" if last.endswith(_QUESTION_END) else "。")
    return "".join(parts)


def _paragraphs(sentences: list[list[Line]]) -> list[list[list[Line]]]:
    """Group sentences into paragraphs, breaking only before a sentence that opens with a marker."""
    paragraphs: list[list[list[Line]]] = []
    length = 0
    for sentence in sentences:
        opening = sentence[0].text.strip()
        marked = opening.startswith(NEW_SENTENCE)
        topic = length >= PARAGRAPH_MIN and opening.startswith(NEW_PARAGRAPH)
        if not paragraphs or topic or (marked and length >= PARAGRAPH_MAX):
            paragraphs.append([])
            length = 0
        paragraphs[-1].append(sentence)
        length += reading_length(_sentence_text(sentence))
    return paragraphs


RUN_ON_SENTENCES = 12
"""More sentences than this in one line is a page whose paragraph breaks were lost: no
paragraph of the essays comes near it, and no reader scrolls through it as one block."""
OPENERS = "「『“‘(（《【"
"""Opening quotes and brackets: a sentence end inside them does not end the line's sentence."""
FULL_STOPS = "。！？!?"


def split_run_on_text(lines: Lines, log: CleaningLog) -> Lines:
    """Give each sentence of a run-on line (a web page copied without its breaks) a line of its own.

    Sentences end at ``。！？!?`` outside quotes and brackets, so a quoted saying stays whole.
    Each piece keeps the source line number; the split is recorded.

    >>> text = "他说:「先听。再看。」然后走了。" * 13
    >>> [l.text for l in split_run_on_text((Line(1, text),), CleaningLog("zh.txt"))][:2]
    ['他说:「先听。再看。」然后走了。', '他说:「先听。再看。」然后走了。']
    >>> len(split_run_on_text((Line(1, "第一句。第二句。"),), CleaningLog("zh.txt")))
    1
    """
    out: list[Line] = []
    for line in lines:
        pieces = _sentence_pieces(line.text) if line.kind == "paragraph" else [line.text]
        if len(pieces) <= RUN_ON_SENTENCES:
            out.append(line)
            continue
        log.split(line, " ¶ ".join(pieces))
        out.extend(replace(line, text=piece) for piece in pieces)
    return tuple(out)


def _sentence_pieces(text: str) -> list[str]:
    pieces, start, depth = [], 0, 0
    for k, char in enumerate(text):
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS:
            depth = max(0, depth - 1)
        elif char in FULL_STOPS and depth == 0 and (k + 1 == len(text) or text[k + 1] not in FULL_STOPS):
            pieces.append(text[start:k + 1])
            start = k + 1
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


# --- block kinds ----------------------------------------------------------------------------

BULLET = re.compile(r"^\s*[•·●▪◦‣■□◆◇\-\*]\s+")


def mark_list_items(lines: Lines, log: CleaningLog) -> Lines:
    """Mark bullet lines as list items and take the bullet off (the page draws its own).

    >>> [(l.kind, l.text) for l in mark_list_items((Line(85, "  • 很会专注,能独自钻研技术难题。"),), CleaningLog("zh.txt"))]
    [('item', '很会专注,能独自钻研技术难题。')]
    """
    out = []
    for line in lines:
        match = BULLET.match(line.text)
        if match and line.text[match.end():].strip():
            text = line.text[match.end():].strip()
            log.changed(line, text)
            out.append(replace(line, text=text, kind="item"))
        else:
            out.append(line)
    return tuple(out)


def mark_headings(lines: Lines, log: CleaningLog) -> Lines:
    """Mark section headings: a short unfinished line (or two) followed by a paragraph.

    "Short" is relative to the text's paragraphs: up to 18 reading units in a text of
    short paragraphs, up to 30 in one of long paragraphs; a heading with a comma must be
    shorter still (up to 14 in a text of short paragraphs: 重返校园，一无所成的第一年 is one,
    结果发了后，又过了三个月才有人发竞品 a sentence without its full stop). A heading the page
    broke over two lines (``着眼项目`` / ``而不是论文``) is joined into one. Author and source
    lines (``编辑:…``) and links are never headings.
    A line marked as a heading in Markdown (``## 第一部分``) is one, without its marks, and
    is never joined with another.

    >>> lines = tuple(Line(n, t) for n, t in enumerate(["首先,以下是指导原则:", "着眼项目", "而不是论文",
    ...     "这是一个至关重要的思维,其他的一切都基于此。", "结果发了后,又过了三个月才有人发竞品", "所以,这是第一个评估工具。"], 1))
    >>> [(l.kind, l.text) for l in mark_headings(lines, CleaningLog("zh.txt"))][1:3]
    [('heading', '着眼项目，而不是论文'), ('paragraph', '这是一个至关重要的思维,其他的一切都基于此。')]
    >>> lines = tuple(Line(n, t) for n, t in enumerate(["夜班渡轮", "夜班渡轮", "每个星期五晚上，母亲都坐夜班渡轮从岛上到大陆去。"], 1))
    >>> [l.text for l in mark_headings(lines, CleaningLog("zh.txt"))][:2]  # a title printed twice is not one heading
    ['夜班渡轮', '夜班渡轮']
    >>> lines = tuple(Line(n, t) for n, t in enumerate(["# 养蜂人", "## 第一部分", "我的祖父养了四十年蜜蜂。"], 1))
    >>> [(l.kind, l.text) for l in mark_headings(lines, CleaningLog("zh.txt"))]
    [('heading', '养蜂人'), ('heading', '第一部分'), ('paragraph', '我的祖父养了四十年蜜蜂。')]
    """
    body = [line for line in lines if line.text.strip()]
    limit, comma_limit = _heading_limits(body)

    # The title: the first line that is no publisher's note, nor a publication's header (机器之心报道).
    title = next((line for line in body if not is_publisher_note(line.text)
                  and not PUBLICATION_HEADER.fullmatch(line.text.strip())), None)
    # With its subtitle, the title is longer than any section heading.
    title_limits = ((TITLE_LIMIT, TITLE_LIMIT) if title and _SUBTITLE.search(title.text)
                    else (max(limit, TITLE_PLAIN_LIMIT), max(comma_limit, TITLE_PLAIN_LIMIT)))

    def candidate(line: Line, comma_end: bool = False) -> bool:
        return _could_be_heading(line, *(title_limits if line is title else (limit, comma_limit)), comma_end)

    out: list[Line] = []
    i = 0
    while i < len(body):
        line = body[i]
        marked = MARKDOWN_HEADING.match(line.text)
        if marked:
            log.changed(line, marked.group(1))
            out.append(replace(line, text=marked.group(1), kind="heading"))
            i += 1
            continue
        after = body[i + 1] if i + 1 < len(body) else None
        after2 = body[i + 2] if i + 2 < len(body) else None
        # Two short lines in a row are one heading broken in two (着眼项目 / 而不是论文), but a
        # line and its repeat (a page's title printed twice) are no such pair.
        if (candidate(line, comma_end=True) and after and candidate(after) and not MARKDOWN_HEADING.match(after.text)
                and not SECTION_NUMBER.match(after.text)  # a numbered heading after a title opens a section
                and after.text.strip() != line.text.strip() and after2 and _is_paragraph(after2, limit)
                and reading_length(line.text + after.text) <= limit + 6):
            joined = _join_heading(line.text.strip(), after.text.strip())
            log.changed(line, joined)
            log.merged(after, joined)
            out.append(replace(line, text=joined, kind="heading", merged=(*line.merged, after.number, *after.merged)))
            i += 2
            continue
        # The title may stand above the first section's heading (开面包店八年… / 一、缘起).
        above_heading = line is title and after and candidate(after) and after2 and _is_paragraph(after2, limit)
        if candidate(line) and after and (_is_paragraph(after, limit) or above_heading):
            out.append(replace(line, text=line.text.strip(), kind="heading"))
        else:
            out.append(line)
        i += 1
    return tuple(out)


TITLE_LIMIT = 48
"""Longest first line, in reading units, taken for the title when a subtitle follows a colon or a
dash (在蛋白质里待了五年：一位计算生物博士生的过劳与归来)…"""
TITLE_PLAIN_LIMIT = 20
"""…and at least this long when none does (他走过的弯路，可能正是你要避开的坑), or as long as a heading
of the text: a longer line among short paragraphs is the lead's first sentence, without its full
stop (2017年秋天，我从北京飞到旧金山，开始了在斯坦福的博士生涯)."""
_SUBTITLE = re.compile(r"\S\s*(?:(?<!\d)[:：](?!\d)|[|｜]|——?)\s*\S")


def _heading_limits(body: list[Line]) -> tuple[int, int]:
    paragraphs = [reading_length(line.text) for line in body if ends_sentence(line.text)]
    typical = statistics.median(paragraphs) if paragraphs else 0
    return int(min(30, max(18, typical / 4))), int(min(30, max(14, typical / 4)))


def _could_be_heading(line: Line, limit: int, comma_limit: int, comma_end: bool) -> bool:
    text = line.text.strip()
    if line.kind != "paragraph" or not re.search(f"[{CJK}]", text) or URL.search(text) or is_publisher_note(text):
        return False
    if ends_sentence(text) or re.search(r"[。！？!?；;]", text):
        return False
    if text[-1] in "，,":
        return comma_end and reading_length(text) <= 6
    if text[-1] in "、:：—-…":
        return False
    size = reading_length(text)
    return size <= (comma_limit if re.search(r"[，,]", text) else limit)


def _is_paragraph(line: Line, limit: int) -> bool:
    return line.kind == "paragraph" and (ends_sentence(line.text) or reading_length(line.text) > limit)


def _join_heading(first: str, second: str) -> str:
    return first + second if first[-1] in "，,:：" else f"{first}，{second}"


CODE_FENCE = re.compile(r"^\s*(?:```|~~~)")


def restore_chinese_punctuation(lines: Lines, log: CleaningLog) -> Lines:
    """Give ASCII punctuation beside Chinese its full width (``博士毕业时,他`` → ``博士毕业时，他``).

    It runs last, on the text that stays (a junk line is removed, not mended first), and
    after the gloss remover, which knows a pinyin gloss by its ASCII parentheses. A line
    with mojibake is left as it is: its ``?`` stands for characters a wrong encoding lost,
    not for a question, and the curator restores that line with a ``fix:`` entry. So is a
    fenced code block.
    """
    damaged = {problem.line for problem in log.problems if problem.message.startswith("mojibake")}
    mend = per_line(restore_full_width)
    out: list[Line] = []
    in_code = False  # inside a fenced code block, which keeps every character
    for line in lines:
        fence = CODE_FENCE.match(line.text)
        if in_code or fence or damaged & {line.number, *line.merged}:
            out.append(line)
        else:
            out.extend(mend((line,), log))
        in_code ^= bool(fence)
    return tuple(out)


BLOCK_FIXERS = (mark_list_items, mark_headings)


# Fixers that repair text inside a line, before script conversion.
LINE_FIXERS: tuple = LINE_DEBRIS_FIXERS

# Fixers that need the whole document, after script conversion.
DOCUMENT_FIXERS: tuple = (*SPAM_FIXERS, *PAGE_JUNK_FIXERS, drop_timestamps, join_subtitle_phrases, split_run_on_text,
                          *BLOCK_FIXERS, restore_chinese_punctuation)

ZH_FIXERS = (*LINE_FIXERS, to_simplified_script, *DOCUMENT_FIXERS, drop_blank_lines)
