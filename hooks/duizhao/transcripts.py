"""Transcripts copied from a video or podcast page: timestamps, speakers' names, captions.

The source of an interview often arrives as its transcript, in one of three shapes:

* a podcast page: each speaker's turn under a line with the speaker's name and the time
  (``Dwarkesh Patel 00:00:12``), and a list of chapters (``(00:00:00) – Pre-training``);
* captions copied from a video page: a short phrase a line, each under its time (``0:03``);
* a subtitle file (SRT or WebVTT): a cue number, ``00:00:01,500 --> 00:00:04,000``, the caption.

No time is content, and a phrase is no paragraph. ``drop_timestamps`` takes the times off;
``join_speaker_names`` puts each speaker's name in front of the turn it heads (``Dwarkesh
Patel: …``), as a transcript written for reading does; ``join_captions`` joins captions
into the speakers' turns, so that sentences come out whole. Each touches only a text shaped
so, and records every line it removes, shortens or joins.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import replace

from .fixlog import CleaningLog, Lines
from .model import Line

_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_BARE = re.compile(rf"^\s*[\[(]?{_TIME}[\])]?\s*$")
_CUE = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s.*)?$")
_CUE_NUMBER = re.compile(r"^\s*\d+\s*$")
_SUBTITLE_HEADER = re.compile(r"^\s*\ufeff?WEBVTT\b")  # with what follows it up to a blank line
# A time opening a line, with the dash or bar that may part it from the words: in brackets or
# to the second (``[05:12] Interviewer: …``, ``(00:00:00) – Pre-training``, ``00:01:05 So…``).
# A bare ``8:46`` opening a line is a live blog's or a timeline's time, which is content.
_TO_THE_SECOND = r"\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?"
_LEADING = re.compile(rf"^\s*(?:[\[(]{_TIME}[\])]|{_TO_THE_SECOND})(?:\s*[-–—|:]\s*|\s+)(?=\S)")
# A time closing a line that names a speaker: ``Dwarkesh Patel 00:00:12``, ``John Schulman (01:02:03)``.
_TRAILING = re.compile(rf"^(?P<name>\S.{{0,39}}?)\s*[\[(]?{_TIME}[\])]?\s*$")
_WORD_TIMING = re.compile(rf"<{_TIME}>")  # WebVTT times inside a caption
_CUE_TAG = re.compile(r"</?(?:c|v|lang|ruby|rt)(?:[.\s][^<>]*)?>")  # WebVTT's own tags: <c.yellow>, <v Jane>

# A name of two to four capitalised words (``Dwarkesh Patel``), one word with a colon (``Host:``),
# or one in capitals (``HOST``, ``Q``); a lone ``Okay`` or ``Right`` between captions is no name.
_NAME_WORD = r"[A-Z][\w'’-]*(?:\.[\w'’-]+)*\.?"
_SPEAKER = re.compile(rf"^\s*(?:>>\s*)?(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}(?<!\.)(?=\s*:?\s*$)"
                      rf"|[A-Z][\w'’-]*(?=\s*:\s*$)|[A-Z][A-Z'’-]*(?=\s*:?\s*$))\s*:?\s*$")
_CHINESE_NAME = re.compile(r"^[\u4e00-\u9fff·]{1,8}[:：]?$")  # 主持人, 约翰·舒尔曼

MIN_TIMES = 3
"""Fewest lines holding a time for a text to be taken for a transcript."""
TIMED_SHARE = 0.1
"""…and the share of its lines they must be: an essay's schedule of talks is neither. A
speaker's name before a time counts only for a name that heads two lines or more: the times
of a race's results follow names that stand once."""


def drop_timestamps(lines: Lines, log: CleaningLog) -> Lines:
    """Take the times off a transcript: lines that are only a time or a subtitle cue go, with
    a subtitle file's cue numbers and header; a time opening a line, or closing the line of a
    speaker's name, is cut from it.

    >>> lines = [Line(n, t) for n, t in enumerate(["0:00", "I think people overestimate how much",
    ...     "0:03", "compute you need.", "[00:00:05] Host: Really?", "Dwarkesh Patel 00:00:12", "Sure.",
    ...     "Dwarkesh Patel 00:00:15", "We met at 12:30", "Kelvin Kiptum 2:00:35"], 1)]
    >>> [l.text for l in drop_timestamps(tuple(lines), CleaningLog("en.txt"))]
    ['I think people overestimate how much', 'compute you need.', 'Host: Really?', 'Dwarkesh Patel', 'Sure.', 'Dwarkesh Patel', 'We met at 12:30', 'Kelvin Kiptum 2:00:35']
    """
    content = [line for line in lines if line.text.strip() and line.kind != "code"]
    named = Counter(name for line in content for name in [_speaker_before_time(line.text)] if name)
    speakers = {name for name, n in named.items() if n >= 2}
    timed = sum(_is_timed(line.text, speakers) for line in content)
    if timed < MIN_TIMES or timed < TIMED_SHARE * len(content):
        return lines
    subtitles = bool(content) and bool(_SUBTITLE_HEADER.match(content[0].text))
    header = False  # inside a WebVTT file's header, which ends at the first blank line after it
    out: list[Line] = []
    for k, line in enumerate(lines):
        text = line.text
        if line.kind == "code" or not text.strip():
            header = False
            out.append(line)
            continue
        if subtitles and line is content[0]:
            header = True
        if header or _BARE.match(text) or _CUE.match(text) or (_CUE_NUMBER.match(text) and _next_is_cue(lines, k)):
            log.removed(line)
            continue
        fixed = _LEADING.sub("", _WORD_TIMING.sub("", text), count=1)
        fixed = _CUE_TAG.sub("", fixed) if subtitles else fixed
        name = _speaker_before_time(fixed)
        fixed = name if name in speakers else fixed
        if not fixed.strip():
            log.removed(line)
        elif fixed != text:
            log.changed(line, fixed)
            out.append(replace(line, text=fixed))
        else:
            out.append(line)
    return tuple(out)


def _is_timed(text: str, speakers: set[str]) -> bool:
    return bool(_BARE.match(text) or _CUE.match(text) or _LEADING.match(text) or _speaker_before_time(text) in speakers)


def _speaker_before_time(text: str) -> str | None:
    """The speaker's name of a line holding a name and a time (``Dwarkesh Patel 00:00:12``)."""
    match = _TRAILING.match(text)
    if match and (_SPEAKER.match(match.group("name")) or _CHINESE_NAME.match(match.group("name"))):
        return match.group("name")
    return None


def _next_is_cue(lines: Lines, k: int) -> bool:
    following = next((line.text for line in lines[k + 1:] if line.text.strip()), "")
    return bool(_CUE.match(following))


SPEAKER_LINES = 6
"""Name lines a transcript without times needs (three turns each of two speakers): a page's
furniture (``ADVERTISEMENT``, ``Read More``) also stands alone now and then."""
SPEAKING_SHARE = 0.8
"""Share of those lines that must be followed by words, not by another name: a list of
contents repeats an essay's headings one under another."""


def speaker_names(lines: Lines, timed: frozenset[str] = frozenset()) -> set[str]:
    """Names that stand alone on lines and head a transcript's turns: at least two speakers,
    each heading more than one turn (a heading of an essay stands once), and either names that
    carried a time (``timed``: ``Dwarkesh Patel 00:00:12``) or turns enough, each name followed
    by what its speaker says.

    >>> turns = ["HOST", "Hi.", "Guest:", "Hello.", "HOST", "So?", "Guest:", "Well.", "HOST", "Bye.", "Guest:", "Bye."]
    >>> sorted(speaker_names(tuple(Line(n, t) for n, t in enumerate(turns))))
    ['Guest', 'HOST']
    >>> contents = ["Contents", "Early Days", "Later Years", "Coda", "Early Days", "I was born.", "Later Years", "I left.", "Coda", "Done."]
    >>> speaker_names(tuple(Line(n, t) for n, t in enumerate(contents)))
    set()
    """
    texts = [line.text for line in lines if line.kind == "paragraph" and line.text.strip()]
    named = [(k, match.group("name")) for k, text in enumerate(texts) for match in [_SPEAKER.match(text)] if match]
    counts = Counter(name for _, name in named)
    names = {name for name, n in counts.items() if n >= 2}
    if len(names) < 2:
        return set()
    if names <= timed:
        return names
    speaking = sum(k + 1 < len(texts) and not _SPEAKER.match(texts[k + 1]) for k, name in named if name in names)
    lines_named = sum(counts[name] for name in names)
    return names if lines_named >= SPEAKER_LINES and speaking >= SPEAKING_SHARE * lines_named else set()


def join_speaker_names(lines: Lines, log: CleaningLog) -> Lines:
    """Put a speaker's name, standing on a line of its own, in front of the turn it heads:
    ``Dwarkesh Patel`` over ``Today I have…`` becomes ``Dwarkesh Patel: Today I have…``. Left
    alone, the name would read as a heading or as a sentence the summary skipped.

    >>> turns = ["Jane Doe", "", "Welcome.", "Guest:", "Thanks.", "Jane Doe", "So?", "Guest:", "Well.", "Jane Doe", "Bye.", "Guest:", "Bye."]
    >>> [l.text for l in join_speaker_names(tuple(Line(n, t) for n, t in enumerate(turns, 1)), CleaningLog("en.txt")) if l.text][:4]
    ['Jane Doe: Welcome.', 'Guest: Thanks.', 'Jane Doe: So?', 'Guest: Well.']
    """
    # Names whose time was just taken off: a podcast page's, whatever the number of turns.
    timed = frozenset(c.after for c in log.changes if c.fixer == "drop_timestamps" and c.action == "changed")
    names = speaker_names(lines, timed)
    if not names:
        return lines
    out: list[Line] = []
    pending: Line | None = None  # a name waiting for its turn
    name = ""
    for line in lines:
        match = _SPEAKER.match(line.text) if line.kind == "paragraph" else None
        if match and match.group("name") in names:
            if pending:
                out.append(pending)  # a name heading no words: kept as it is
            pending, name = line, match.group("name")
            continue
        if pending and line.text.strip() and line.kind == "paragraph":
            joined = f"{name}: {line.text.strip()}"
            log.merged(pending, joined)
            log.changed(line, joined)
            out.append(Line(line.number, joined, line.kind, (pending.number, *line.merged)))
            pending = None
            continue
        if pending and line.text.strip():
            out.append(pending)
            pending = None
        out.append(line)
    if pending:
        out.append(pending)
    return tuple(out)


CAPTION_LINES = 8
"""Fewest lines for a text to be read as captions."""
CAPTION_WORDS = 12
"""Most words of a typical caption (the median line)."""
FINISHED_SHARE = 0.3
"""Most lines of captions that end a sentence: a caption stops wherever the screen is full."""
CAPITAL_SHARE = 0.5
"""Most lines of captions that start with a capital: a caption goes on mid-sentence, while a
line of English verse starts with a capital whatever it goes on from."""
PARTED_SHARE = 0.8
"""Share of captions a subtitle file parts with a blank line (each cue, all but the odd one)."""
CHUNK_WORDS = 30
"""Words of a piece cut from captions that have no sentence ends at all (automatic captions)."""

_END_MARK = r"[.!?…][\"”’')\]]*"
_SENTENCE_END = re.compile(rf"{_END_MARK}\s*$")
_SENTENCE_INSIDE = re.compile(rf"{_END_MARK}(?=\s|$)")
_TURN = re.compile(rf"^\s*(?:>>|{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}:\s)")  # ``>>`` or a speaker's ``Name:``


def looks_like_captions(lines: Lines) -> bool:
    """Whether a text is captions: many short lines, few of them ending a sentence, and
    either no blank lines or one after every caption (a subtitle file's cues). Blank lines
    now and then are paragraph breaks: a text wrapped at 80 columns also has short lines.

    >>> looks_like_captions(tuple(Line(n, t) for n, t in enumerate(["I think people", "overestimate how much", "compute you",
    ...     "need to train a model."] * 3)))
    True
    >>> looks_like_captions(tuple(Line(n, t) for n, t in enumerate(["It rained.", "We stayed in.", "Then it stopped."] * 3)))
    False
    >>> looks_like_captions(tuple(Line(n, t) for n, t in enumerate(["Many people ask how", "to do research that", "matters to others.", ""] * 3)))
    False
    >>> looks_like_captions(tuple(Line(n, t) for n, t in enumerate(["Two roads diverged in a yellow wood,", "And sorry I could not travel both",
    ...     "And be one traveler, long I stood", "And looked down one as far as I could"] * 3)))  # verse
    False
    """
    texts = [line.text.strip() for line in lines if line.kind == "paragraph" and line.text.strip()]
    blanks = sum(not line.text.strip() for line in lines)
    if len(texts) < CAPTION_LINES or 0 < blanks < PARTED_SHARE * len(texts):
        return False
    short = statistics.median(len(t.split()) for t in texts) <= CAPTION_WORDS
    finished = sum(bool(_SENTENCE_END.search(t)) for t in texts) / len(texts)
    capitals = sum(t[:1].isupper() for t in texts) / len(texts)
    return short and finished <= FINISHED_SHARE and capitals <= CAPITAL_SHARE


def join_captions(lines: Lines, log: CleaningLog) -> Lines:
    """Join captions into paragraphs: a new one starts where a speaker's turn does (``>>`` or
    ``Name:``). A paragraph too long to read whole is cut later at its sentence ends; captions
    with no sentence end at all are cut here into pieces of about ``CHUNK_WORDS`` words, at
    caption ends, so that no unit of alignment runs for pages.

    >>> lines = tuple(Line(n, t) for n, t in enumerate(["Host: so tell me", "how it started",
    ...     ">> well it was", "two thousand eighteen", "and we had", "a few GPUs", "nothing more", "than that"], 1))
    >>> [l.text for l in join_captions(lines, CleaningLog("en.txt"))]
    ['Host: so tell me how it started', '>> well it was two thousand eighteen and we had a few GPUs nothing more than that']
    """
    if not looks_like_captions(lines):
        return lines
    turns: list[list[Line]] = []
    for line in lines:
        if line.kind != "paragraph":
            turns.append([line])
            continue
        if not line.text.strip():
            continue  # a subtitle file parts its cues with blank lines: no paragraph ends there
        if not turns or _TURN.match(line.text) or turns[-1][0].kind != "paragraph":
            turns.append([])
        turns[-1].append(line)
    out: list[Line] = []
    for turn in turns:
        if turn[0].kind != "paragraph":
            out.extend(turn)
            continue
        # Automatic captions have no full stops, or a stray one ("right?"): cut them where
        # sentence ends are too far apart to make units of a reader's size.
        words = sum(len(line.text.split()) for line in turn)
        ends = sum(len(_SENTENCE_INSIDE.findall(line.text)) for line in turn)
        pieces = [turn] if ends and words <= 2 * CHUNK_WORDS * ends else _chunks(turn)
        for piece in pieces:
            out.append(_joined(piece, log))
    return tuple(out)


def _chunks(turn: list[Line]) -> list[list[Line]]:
    pieces: list[list[Line]] = [[]]
    words = 0
    for line in turn:
        if words >= CHUNK_WORDS:
            pieces.append([])
            words = 0
        pieces[-1].append(line)
        words += len(line.text.split())
    return pieces


def _joined(piece: list[Line], log: CleaningLog) -> Line:
    first = piece[0]
    if len(piece) == 1:
        return first
    text = " ".join(line.text.strip() for line in piece)
    log.changed(first, text)
    for line in piece[1:]:
        log.merged(line, text)
    merged = (*first.merged, *(n for line in piece[1:] for n in (line.number, *line.merged)))
    return Line(first.number, text, first.kind, merged)
