"""Fixers for the English originals: page chrome and run-on repair (web transcripts).

English sources often arrive as text copied from a podcast or newsletter page: the
directory's chrome around the article, and the article itself flattened into one line
with every line break deleted. A deleted break leaves a *seam*, two pieces of text
touching with no space (``hay-day.I asked``, ``Building MomentumThe best``,
``were:* An obvious``), and the seams are exactly where the page had its paragraphs,
headings and list items. The fixers below find those seams and rebuild the structure.

Order matters and is fixed by ``EN_FIXERS`` at the bottom: chrome goes first (so it
cannot be mistaken for content), then paragraphs, lists, quoted mail and headings are
rebuilt, and seams left inside ordinary lines only get their missing space back.

Every split keeps the source line number; the cleaning report shows the words around
each break rather than the whole run-on line.
"""

from __future__ import annotations

import re
import string
from collections import Counter

from .debris import drop_page_source_blocks, remove_invisible_characters, strip_html_markup
from .fixlog import CleaningLog, Lines, drop_blank_lines, per_line
from .markdown_en import drop_front_matter, join_markdown_paragraphs, mark_fenced_code, read_markdown
from .model import Line
from .post_edges import PROSE_WORDS, drop_post_footer, drop_post_header
from .transcripts import drop_timestamps, join_captions, join_speaker_names

# --- what a seam looks like ----------------------------------------------------------------

_CLOSERS = "\"”’')]"
_OPENERS_PUNCT = "\"“‘'(["
_CLOSE = re.escape(_CLOSERS)  # for use inside a character class
_OPEN = re.escape(_OPENERS_PUNCT)

# A sentence end touching the next sentence: ``hay-day.I asked``, ``now".The``,
# ``welcome!The``, ``well-read.A prevailing``. The next sentence must start with a word
# (``A`` and ``I`` included), not an initial (``Ph.D``) nor an all-capital name, which a
# dot joins to a word in names like ``ASP.NET``.
_SENTENCE_SEAM = re.compile(
    rf"[.!?…][{_CLOSE}]*(?=[{_OPEN}]?(?:[A-Z][a-z’']|[AI]\b))"
)

# A colon touching what it introduces: ``at the time):FYI.``
_COLON_SEAM = re.compile(r"(?<=[a-z)]):(?=[A-Z])")

# Words that open a sentence. A word of this list glued to the end of the previous
# word (``MomentumThe``, ``GravityMy``, ``robotsThere``) marks a lost line break; other
# capitalized halves (``HuggingFace``, ``RewardBench``) are names.
SENTENCE_OPENERS = frozenset("""
    A After Also An And As At Before But By Do During Each Even Every For From He Her His How
    Everyone Here I If In It Its Just Last Like Many More Most My No Nobody Not Nothing Now Of
    On Once One Or Our She Since So Some Still That The Their Then There These They This Those
    Through To Today We What When Where Which While Who Why With Within Without You Your
""".split())

# Camel-case names never read as a seam, even when a text uses them only once
# (``Linked|In`` would otherwise look like a word glued to ``In``).
KNOWN_NAMES = frozenset("""
    LinkedIn WhatsApp HuggingFace OpenAI DeepMind RewardBench OLMo YouTube ChatGPT GitHub
    PyTorch TensorFlow JavaScript iPhone DeepSeek AlphaGo AlphaFold VentureBeat NeurIPS
""".split())

# ``AIWithout``: the seam sits before the last capital of a run; ``ionocraftAnd``: after a
# lowercase letter.
_WORD_SEAM = re.compile(r"(?:(?<=[a-z])|(?<=[A-Z])(?=[A-Z][a-z]))(?P<word>[A-Z][a-z]*)(?=[\s,’'])")

# A bullet marker inside a paragraph: a star glued to the previous text (``were:* An obvious``,
# ``somewhat* generating``), or a bullet sign, which nothing but a list uses (``are: • Making``).
_BULLET_SIGNS = "•●▪◦‣"
_INLINE_BULLET = re.compile(rf"(?<=\S)\*[ \t]+(?=\S)|(?<=\S)[ \t]*[{_BULLET_SIGNS}][ \t]+(?=\S)")
_OPEN_EMPHASIS = re.compile(r"(?:^|\s)\*+(?=[^\s*])")

_SENTENCE_SPACE = re.compile(rf"[.!?…]+[{_CLOSE}]*\s+(?=[{_OPEN}]*[A-Z0-9])")

# Abbreviations that never end a sentence (``Mr. Lambert``, ``et al.``), and those that
# do not when a number follows (``Feb. 16``, ``Fig. 3``). Dotted ones (``Ph.D.``, ``U.S.``,
# ``e.g.``) and initials are recognized by their shape.
_CLOCK = frozenset(("a.m", "p.m"))
"""Times of day that end a sentence before a word that opens one (``5 p.m. She left``), not
before another (``9 a.m. Eastern time``)."""
_TITLE_WORDS = frozenset("mr mrs ms dr prof sr jr st vs mt gen rep sen gov lt col capt sgt rev hon al".split())
_NUMBERED_WORDS = frozenset(
    "fig figs no nos eq eqs pp p vol vols ch sec ed approx ca jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

# Function words allowed in lowercase inside a Title-Case heading (``Getting into AI``).
HEADING_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or the to vs with".split())

RUN_ON_SEAMS = 3
"""A line with this many sentence seams lost its paragraph breaks (one seam is a typo)."""

LONG_PARAGRAPH = 2000
"""Characters beyond which a paragraph with no seams is cut at sentence ends."""


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].strip(_OPENERS_PUNCT + _CLOSERS)


def _ends_sentence(text: str, dot: int, next_word: int) -> bool:
    """Whether the ``.`` at ``dot`` ends a sentence rather than an abbreviation."""
    if text[dot] != "." or text[dot - 1:dot] == ".":
        return True  # ``!``, ``?`` and an ellipsis always end a sentence before a capital
    word = _word_before(text, dot)
    lowered = word.lower()
    if lowered in _CLOCK:  # "until 5 p.m. She left": a word that opens sentences opens one here
        following = re.match(r"[A-Za-z]+", text[next_word:])
        return bool(following) and following.group() in SENTENCE_OPENERS
    if ("." in word and not word[-1].isdigit()) or "/" in word or (len(word) == 1 and word.isupper()):
        return False  # Ph.D., U.S., e.g., www.site.ai/x, initials; but a number ends one (GPT-3.5.)
    if lowered in _TITLE_WORDS:
        return False
    return not (lowered in _NUMBERED_WORDS and text[next_word:next_word + 1].isdigit())


def _sentence_seams(text: str) -> list[int]:
    """Where a sentence starts glued to the previous one (``hay-day.I``, ``time):FYI``)."""
    seams = [m.end() for m in _SENTENCE_SEAM.finditer(text) if _ends_sentence(text, m.start(), m.end())]
    seams += [m.end() for m in _COLON_SEAM.finditer(text)]
    return sorted(seams)


def camel_names(lines: Lines) -> frozenset[str]:
    """Camel-case words used more than once in the document are names, not seams."""
    counts = Counter(name for line in lines for word in _ALNUM_RUN.findall(line.text)
                     if (name := _camel(word)))
    return KNOWN_NAMES | {word for word, n in counts.items() if n > 1}


_ALNUM_RUN = re.compile(r"[A-Za-z0-9]+")
_ALNUM = frozenset(string.ascii_letters + string.digits)
_LOWER_UPPER = re.compile(r"[a-z][A-Z]")
_CAPITALS = re.compile(r"[A-Z]+")


def _camel(word: str) -> str | None:
    """The camel-case name in a run of letters and digits: the whole run when a capital follows
    a small letter, else from the first run of capitals that a small letter follows. Scanned
    in one pass, so that a pasted blob of thousands of letters costs no more than its length.

    >>> [_camel(w) for w in ("HuggingFace", "URLs", "9URLs", "NASA", "plain")]
    ['HuggingFace', 'URLs', 'URLs', None, None]
    """
    if _LOWER_UPPER.search(word):
        return word
    for run in _CAPITALS.finditer(word):
        if run.end() - run.start() >= 2 and word[run.end():run.end() + 1].islower():
            return word[run.start():]
    return None


def _word_seams(text: str, names: frozenset[str]) -> list[int]:
    """Where a sentence opener is glued to the word before it (``MomentumThe``)."""
    seams = []
    for m in _WORD_SEAM.finditer(text):
        if m.group("word") not in SENTENCE_OPENERS:
            continue
        left = m.start()
        while left and text[left - 1] in _ALNUM:
            left -= 1
        token = text[left:m.start()] + _ALNUM_RUN.match(text, m.start()).group()
        if token not in names:
            seams.append(m.start())
    return seams


def cut_line(line: Line, text: str, cuts: list[int], kinds: list[str], log: CleaningLog) -> list[Line]:
    """Cut ``text`` at ``cuts``; piece ``i`` gets ``kinds[i]``; each break is recorded."""
    bounds = [0, *cuts, len(text)]
    pieces: list[Line] = []
    piece_start = 0
    for i, (start, end) in enumerate(zip(bounds, bounds[1:])):
        piece = text[start:end].strip()
        if not piece:
            continue
        if pieces:
            _record_break(log, line, text, (piece_start, start, end), (pieces[-1].kind, kinds[i]))
        pieces.append(Line(line.number, piece, kinds[i]))
        piece_start = start
    return pieces


_MARKERS = {"heading": "## ", "item": "- ", "quote": "> ", "paragraph": ""}
_CONTEXT = 40


def _record_break(log: CleaningLog, line: Line, text: str, span: tuple[int, int, int], kinds: tuple[str, str]) -> None:
    """Record a new break showing the words around it, not the whole (possibly huge) line.

    ``span`` is where the piece before the break starts, where the break is and where
    the new piece ends; the shown result marks kinds as ``duizhao clean`` prints them.
    """
    piece_start, at, end = span
    left_from = max(piece_start, at - _CONTEXT)
    left, right = text[left_from:at], text[at:min(end, at + _CONTEXT)]
    shown_left = (_MARKERS[kinds[0]] if left_from == piece_start else "") + left.strip()
    shown_right = right.strip()
    if kinds[1] == "item":
        shown_right = shown_right.lstrip("*" + _BULLET_SIGNS).lstrip()
    log.split(Line(line.number, left + right), f"{shown_left} ¶ {_MARKERS[kinds[1]]}{shown_right}")


# --- page chrome -----------------------------------------------------------------------------

_CHROME_LINE = re.compile(
    r"""^(?:
        (?:podcast|episode|show|cover)\s+(?:artwork|art|image|cover)            # image alt text
      | (?:categories|categorieën|kategorien|catégories|categorías|categorie|categorias)\s*:?  # directory label
      | .{1,80}?\s[-–—]\s(?:a|een|ein|eine|un|une|uma)\s+podcast\s+(?:by|door|von|de|par|di)\s+.{1,80}
      | visit\s+the\s+podcast(?:'|’)s\s+(?:native\s+language\s+)?(?:site|website)
      | share(?:\s+this\s+(?:post|article|story|episode))?                      # newsletter buttons
      | subscribe(?:\s+now)? | sign\s+(?:in|up) | log\s+in | copy\s+link | upgrade\s+to\s+paid
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def drop_page_chrome(lines: Lines, log: CleaningLog) -> Lines:
    """Remove the page furniture around a transcript or a post, line by whole line.

    Pages copied from podcast directories carry the cover image's alt text, the
    directory's category label and show byline (often in the directory's language, not
    the show's) and a link back to the show's site; newsletter pages carry their buttons
    (Share this post, Subscribe, Sign in). None of it is the author's text.

    >>> log = CleaningLog("en.txt")
    >>> [l.text for l in drop_page_chrome((Line(3, "Interconnects - Een podcast door Nathan Lambert"),
    ...     Line(5, "Podcast artwork"), Line(7, "Categorieën:"), Line(9, "One of the big upsides."),
    ...     Line(11, "Visit the podcast's native language site")), log)]
    ['One of the big upsides.']
    >>> len(log.changes)
    4
    """
    kept = []
    for line in lines:
        if _CHROME_LINE.match(line.text.strip()):
            log.removed(line)
        else:
            kept.append(line)
    return tuple(kept)


_LEADING_URL = re.compile(r"^\s*https?://\S*?(?=[A-Z][a-z]|\s|$)")


def split_off_page_address(lines: Lines, log: CleaningLog) -> Lines:
    """Remove the page's own address, which copying a page often glues to its first words.

    ``https://www.interconnects.ai/p/how-i-got-hereSome longer…``: the address is where
    the text was found (``meta.yml`` keeps it), not part of it. Only a URL that starts a
    line before any prose is taken; links inside the text stay. A glued address ends
    where a capitalized word begins, since page addresses are written in lowercase.

    >>> log = CleaningLog("en.txt")
    >>> [l.text for l in split_off_page_address(
    ...     (Line(9, "https://www.interconnects.ai/p/how-i-got-hereSome longer housekeeping notes"),), log)]
    ['Some longer housekeeping notes']
    >>> log.changes[0].before
    'https://www.interconnects.ai/p/how-i-got-here'
    """
    out = list(lines)
    for i, line in enumerate(lines):
        m = _LEADING_URL.match(line.text)
        if m:
            log.removed(line, m.group().strip())
            rest = line.text[m.end():].strip()
            if rest:
                out[i] = Line(line.number, rest, line.kind)
            else:
                del out[i]
            break
        if len(line.text.split()) >= PROSE_WORDS:
            break  # prose has begun: any later URL is a link the author wrote
    return tuple(out)


_SUBSCRIPTION_NOTES = (
    # Substack's appeal: "Interconnects is a reader-supported publication. Consider becoming a subscriber."
    re.compile(r"(?<![^\s.!?])[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,4} is a reader-supported publication\."
               r"(?: ?[^.!?]{0,120}\bsubscriber\.)?"),
    # The podcast feed's footer: "This is a public episode. If you'd like to discuss this ... visit <url>"
    re.compile(r"(?<![^\s.!?])This is a public episode\.(?: ?If you(?:'|’)d like to discuss this with other"
               r" subscribers or get access to bonus episodes, visit [^\s]*[^\s.])?\.?"),
    re.compile(r"(?<![^\s.!?])Thanks for reading [^.!?\n]{1,80}! Subscribe for free to receive new posts"
               r" and support my work\."),
)


def drop_subscription_notes(lines: Lines, log: CleaningLog) -> Lines:
    """Remove newsletter and podcast-feed subscription appeals from inside the text.

    Publishing platforms insert them between paragraphs and at the end of every post;
    they are the platform's voice, not the author's, and have no counterpart in a
    translation. Removing one keeps the seam around it, so the paragraph break it sat on
    is still found later.

    >>> log = CleaningLog("en.txt")
    >>> drop_subscription_notes((Line(9, "the arc of science.Interconnects is a reader-supported publication."
    ...     " Consider becoming a subscriber.Keeping GravityMy time"),), log)[0].text
    'the arc of science.Keeping GravityMy time'
    """
    out = []
    for line in lines:
        text = line.text
        for pattern in _SUBSCRIPTION_NOTES:
            for m in reversed(list(pattern.finditer(text))):
                log.removed(line, m.group())
                text = _join_around(text[:m.start()], text[m.end():])
        if text == line.text:
            out.append(line)
        elif text.strip():
            out.append(Line(line.number, text.strip(), line.kind))
    return tuple(out)


def _join_around(left: str, right: str) -> str:
    """Join the text on both sides of a removal: spaced if either side was, glued if both were."""
    spaced = left[-1:].isspace() or right[:1].isspace()
    return left.rstrip() + (" " if spaced and left.strip() and right.strip() else "") + right.lstrip()


# --- structure: title, paragraphs, lists, mail, headings ------------------------------------

def mark_title_heading(lines: Lines, log: CleaningLog) -> Lines:
    """Make a short first line without a sentence end the text's heading.

    Copied pages start with the title (``My path into AI``); as a paragraph it would
    read as a stray sentence. It is kept, not removed: it is the author's own title.

    >>> [l.kind for l in mark_title_heading((Line(1, "My path into AI"),
    ...     Line(9, "One of the big upsides for my current writing habit is that I should become known.")), CleaningLog("en.txt"))]
    ['heading', 'paragraph']
    >>> [l.kind for l in mark_title_heading((Line(1, "I asked."), Line(2, "They said no.")), CleaningLog("en.txt"))]
    ['paragraph', 'paragraph']
    """
    if len(lines) < 2 or lines[0].kind != "paragraph" or not lines[0].text.strip():
        return lines
    marked = MARKDOWN_HEADING.match(lines[0].text)
    if marked:  # ``# My path into AI``: the title, without its marks
        log.changed(lines[0], marked.group(1))
        return (Line(lines[0].number, marked.group(1), "heading", lines[0].merged), *lines[1:])
    title, following = lines[0].text.strip(), lines[1].text.strip()
    if _one_sentence_a_line(lines):  # a literary translation: the first paragraph is on the lines after
        following = " ".join(line.text.strip() for line in lines[1:4])
    elif len(lines) > 2 and not _FRONT_LINE.match(title) and \
            _stands_as_title(following, lines[2].text.strip(), SECTION_HEADING_WORDS):
        following = lines[2].text.strip()  # the first section's heading comes first
    # A title in Title Case may run longer, with its subtitle (``Eight Years of Listening: What
    # I Learned Leaving…``): no sentence capitalizes every word.
    most = TITLE_CASE_WORDS if in_title_case([w for w in re.split(r"[\s:–—-]+", title) if w]) else TITLE_WORDS
    if title.startswith("http") or not _stands_as_title(title, following, most):
        return lines
    return (Line(lines[0].number, lines[0].text, "heading"), *lines[1:])


TITLE_WORDS = 12
"""Longest first line, in words, read as the text's title."""
_FRONT_LINE = re.compile(r".*\d|By\s|(?:I|We|You|He|She|They|It)\b")
"""A first line that is a date, a byline or a sentence, not a title above a section heading."""
TITLE_CASE_WORDS = 20
"""…and the longest when every word but the small ones is capitalized."""


def _stands_as_title(text: str, following: str, most_words: int) -> bool:
    """A short line with no sentence end, followed by a paragraph at least twice as long."""
    return (bool(text) and len(text.split()) <= most_words and text[-1] not in ".!?:;,…" + _CLOSERS
            and len(following) >= max(40, 2 * len(text)))


MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+(\S.*?)\s*#*\s*$")
SECTION_HEADING_WORDS = 10
"""Longest line, in words, read as a section heading when it stands alone between paragraphs."""


def mark_section_headings(lines: Lines, log: CleaningLog) -> Lines:
    """Make a section title standing on a line of its own a heading: ``## Keeping Gravity``
    (the marks are taken off, and recorded) or a short capitalised line with no sentence end
    followed by a longer paragraph (``Keeping Gravity``). Lines ending in ``:`` introduce a
    list or a quote and stay paragraphs.

    >>> body = "My time at Ai2 has been the easiest to contextualize period of my career."
    >>> [(l.kind, l.text) for l in mark_section_headings((Line(3, "## Keeping Gravity"), Line(5, body)), CleaningLog("en.txt"))][0]
    ('heading', 'Keeping Gravity')
    >>> [l.kind for l in mark_section_headings((Line(1, "Keeping Gravity"), Line(3, body), Line(5, "The things I do are:"), Line(7, body)), CleaningLog("en.txt"))]
    ['heading', 'paragraph', 'paragraph', 'paragraph']
    >>> [l.kind for l in mark_section_headings((Line(1, "Learning to write, and the person who taught me"), Line(3, body + " " + body)), CleaningLog("en.txt"))]
    ['heading', 'paragraph']
    """
    out = list(lines)
    by_sentence = _one_sentence_a_line(lines)
    for k, line in enumerate(lines):
        if line.kind != "paragraph":
            continue
        marked = MARKDOWN_HEADING.match(line.text)
        if marked:
            log.changed(line, marked.group(1))
            out[k] = Line(line.number, marked.group(1), "heading", line.merged)
            continue
        text = line.text.strip()
        following = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        if by_sentence and following:
            if not _opens_a_section(following, lines[k + 1:k + 4], text):
                continue
            following = " ".join(other.text.strip() for other in lines[k + 1:k + 4])
        if text[:1].isupper() and _stands_as_title(text, following, SECTION_HEADING_WORDS):
            out[k] = Line(line.number, line.text, "heading", line.merged)
    return tuple(out)


def _opens_a_section(following: str, section: Lines, title: str) -> bool:
    """In a text written one sentence a line, a heading has no long paragraph after it, but a
    section of substance still follows: its next three lines hold three times the heading's
    length (80 characters at least), and the first is no one- or two-word reply ("Sure.")
    that a line of dialogue without its full stop gets.

    >>> _opens_a_section("Then came the arXiv anxiety.", (Line(1, "Then came the arXiv anxiety."),
    ...     Line(2, "Every weekday evening the new listings appear."), Line(3, "I refreshed the page.")), "The fear of being scooped")
    True
    >>> _opens_a_section("Sure.", (Line(1, "Sure."), Line(2, "Of course it was."),
    ...     Line(3, "Everything about hardware is slow and costly.")), "And it was really hard")
    False
    """
    length = sum(len(line.text.strip()) for line in section)
    return len(following.split()) >= 3 and length >= max(80, 3 * len(title))


ONE_SENTENCE_SHARE = 0.8
"""Share of a text's lines that must each hold one whole sentence for it to count as written
one sentence a line (a literary translation set out for comparison)."""


def _one_sentence_a_line(lines: Lines) -> bool:
    """Whether the text is written one sentence a line.

    >>> _one_sentence_a_line(tuple(Line(n, t) for n, t in enumerate(["Title", "It rained.", "We stayed in.", "Why?"] * 4)))
    True
    >>> _one_sentence_a_line((Line(1, "It rained. We stayed in."), Line(2, "Then it stopped. We went out.")))
    False
    """
    sentences = [line for line in lines if line.text.rstrip()[-1:] in ".!?…" + _CLOSERS]
    single = [line for line in sentences if len(split_sentences(line.text)) == 1]
    return len(single) >= 10 and len(single) >= ONE_SENTENCE_SHARE * len(sentences)


def restore_paragraph_breaks(lines: Lines, log: CleaningLog) -> Lines:
    """Cut a run-on line into paragraphs where sentences touch with no space.

    A page flattened into one line keeps no paragraph breaks, but every break left a
    seam: ``…in its hay-day.I asked…``, ``Onto the post!One of…``, ``at the time):FYI.``
    In a line with several seams they are the lost breaks; a single seam in an ordinary
    line is a typo and only gets a space (``split_glued_sentences``). Abbreviations and
    numbers (``Ph.D. I``, ``e.g.``, ``U.S.``, ``0.5``, ``www.interconnects.ai``) are no seams.

    >>> text = "when deep reinforcement learning was in its hay-day.I asked them. No.After these refusals in my Ph.D. I had none.Onto the post!One more."
    >>> [l.text for l in restore_paragraph_breaks((Line(9, text),), CleaningLog("en.txt"))]
    ['when deep reinforcement learning was in its hay-day.', 'I asked them. No.', 'After these refusals in my Ph.D. I had none.', 'Onto the post!', 'One more.']
    """
    out: list[Line] = []
    for line in lines:
        seams = _sentence_seams(line.text) if line.kind == "paragraph" else []
        if len(seams) < RUN_ON_SEAMS:
            out.append(line)
        else:
            out += cut_line(line, line.text, seams, ["paragraph"] * (len(seams) + 1), log)
    return tuple(out)


def _bullet_marks(text: str) -> list[re.Match]:
    """Inline ``* `` markers, leaving out the closing star of an ``*emphasis*``."""
    marks, start = [], 0
    for m in _INLINE_BULLET.finditer(text):
        if m.group().startswith("*") and _OPEN_EMPHASIS.search(text, start, m.start()):
            continue
        marks.append(m)
        start = m.end()
    return marks


_LIST_NUMBER = r"\d{1,2}[.)]"
"""A list item's number (``1.``, ``2)``)."""
_PLAIN_BULLET = re.compile(rf"^\s*(?:[-*•]|{_LIST_NUMBER})\s+(?=\S)")


def mark_plain_list_items(lines: Lines, log: CleaningLog) -> Lines:
    """Make the bulleted or numbered lines of a plain text (``- Talk to ten users…``, ``1. Hire
    slowly.``) list items, bullets taken off and numbers kept: two such lines in a row, or one
    after a line ending in a colon. (A Markdown file's lists are read with the rest of its
    Markdown.)

    >>> lines = (Line(1, "Here is what I would tell myself:"), Line(3, "- Talk to users."), Line(4, "- Ship early."),
    ...          Line(6, "It worked."), Line(8, "- 2019 was a hard year, he said."), Line(10, "We went on."))
    >>> [(l.kind, l.text) for l in mark_plain_list_items(lines, CleaningLog("en.txt"))]  # doctest: +NORMALIZE_WHITESPACE
    [('paragraph', 'Here is what I would tell myself:'), ('item', 'Talk to users.'), ('item', 'Ship early.'),
     ('paragraph', 'It worked.'), ('paragraph', '- 2019 was a hard year, he said.'), ('paragraph', 'We went on.')]
    >>> lines = (Line(1, "Three rules:"), Line(3, "1. Hire slowly."), Line(4, "2) Pay on time."), Line(6, "12. That was all."))
    >>> [(l.kind, l.text) for l in mark_plain_list_items(lines, CleaningLog("en.txt"))]
    [('paragraph', 'Three rules:'), ('item', '1. Hire slowly.'), ('item', '2) Pay on time.'), ('item', '12. That was all.')]
    """
    marks = [_PLAIN_BULLET.match(line.text) if line.kind == "paragraph" else None for line in lines]
    out: list[Line] = []
    for k, (line, mark) in enumerate(zip(lines, marks)):
        in_run = (k > 0 and marks[k - 1]) or (k + 1 < len(lines) and marks[k + 1])
        after_colon = k > 0 and lines[k - 1].text.rstrip().endswith(":")
        if mark and (in_run or after_colon):
            # A number stays: a list may count down, or be referred to by number.
            text = (line.text.strip() if mark.group().strip()[:1].isdigit() else line.text[mark.end():]).rstrip()
            if text != line.text:
                log.changed(line, text)
            out.append(Line(line.number, text, "item", line.merged))
        else:
            out.append(line)
    return tuple(out)


def split_inline_bullets(lines: Lines, log: CleaningLog) -> Lines:
    """Turn ``* `` (or ``•``) bullets flattened into a paragraph into list items.

    ``…were:* An obvious gift…,* Acceptance that…`` was a list under an introducing
    sentence. The introduction stays a paragraph; each bullet becomes an item. A list's
    last item ends at the next seam (``* testing the silicon robotsThere are…``): the
    rest is the paragraph that followed the list. One lone star is a footnote mark, not
    a list, unless a colon introduces it.

    >>> text = "were:* An obvious gift on focusing,* Plenty of undirected ambition.Starting my PhD in 2017"
    >>> [(l.kind, l.text) for l in split_inline_bullets((Line(9, text),), CleaningLog("en.txt"))]
    [('paragraph', 'were:'), ('item', 'An obvious gift on focusing,'), ('item', 'Plenty of undirected ambition.'), ('paragraph', 'Starting my PhD in 2017')]
    """
    names = camel_names(lines)
    out: list[Line] = []
    for line in lines:
        marks = _bullet_marks(line.text) if line.kind == "paragraph" else []
        if len(marks) < 2 and not (marks and line.text[:marks[0].start()].rstrip().endswith(":")):
            out.append(line)
            continue
        cuts, kinds = [], ["paragraph"]
        for i, mark in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(line.text)
            tail = _first_seam(line.text[mark.end():end], names)
            cuts.append(mark.start())
            kinds.append("item")
            if tail is not None:
                cuts.append(mark.end() + tail)
                kinds.append("paragraph")
        pieces = cut_line(line, line.text, cuts, kinds, log)
        out += [Line(p.number, p.text.strip().lstrip("*" + _BULLET_SIGNS).strip(), p.kind) for p in pieces]
    return tuple(out)


def _first_seam(text: str, names: frozenset[str]) -> int | None:
    seams = _sentence_seams(text) + _word_seams(text, names)
    return min(seams) if seams else None


_MAIL_MARKER = re.compile(r"-{3,}\s*(?:Forwarded message|Original Message)\s*-{3,}|Begin forwarded message:", re.I)
_MAIL_FIELD = re.compile(r"\b(?:From|Date|Sent|Subject|To|Cc|Bcc|Reply-To):")
_SIGN_OFF = re.compile(r"(?<=[.!?])\s*(?P<sign>[a-z][a-z0-9._-]{1,15})\s*$")
QUOTED_NOTE = 400
"""Characters of a forwarding note still quoted with the mail; longer text is the author's."""
MAIL_REACH = 40
"""Lines after the mail header searched for the sender's closing sign-off."""


def quote_forwarded_mail(lines: Lines, log: CleaningLog) -> Lines:
    """Keep a forwarded e-mail pasted into the text as a quotation.

    The author quotes a mail (``---------- Forwarded message ----------``, its header
    fields, its body and bullets) inside their own prose. Flattened, it reads as the
    author's sentences. The mail runs from the forwarder's short note to the forwarder's
    sign-off (``ksjp``), which is glued after the note's last sentence and closes the
    mail again later (``micro robots?ksjpThe details…``). Without a sign-off only the
    header is quoted and the curator is asked to look.

    >>> text = ("FYI. Roberto is interested.ksjp---------- Forwarded message ---------- From: Kristofer"
    ...     " PISTER Cc: Brian Yang , Roberto CalandraMy summary of the meeting:")
    >>> lines = (Line(9, text), Line(9, "Do you guys have friends?ksjpThe details are a long story."))
    >>> for l in quote_forwarded_mail(lines, CleaningLog("en.txt")): print(l.kind, l.text)
    quote FYI. Roberto is interested.
    quote ksjp
    quote ---------- Forwarded message ----------
    quote From: Kristofer PISTER Cc: Brian Yang, Roberto Calandra
    quote My summary of the meeting:
    quote Do you guys have friends?
    quote ksjp
    paragraph The details are a long story.
    """
    names = camel_names(lines)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        marker = _MAIL_MARKER.search(line.text) if line.kind == "paragraph" else None
        if marker is None:
            out.append(line)
            i += 1
            continue
        head, sign = _mail_head(line, marker, names, log)
        body, i = _mail_body(lines, i + 1, head.pop() if head[-1].kind == "paragraph" else None, sign, log)
        out += head + body
    return tuple(out)


def _mail_head(line: Line, marker: re.Match, names: frozenset[str], log: CleaningLog) -> tuple[list[Line], str]:
    """Quote lines for the note, sign-off, marker and header; the rest of the line comes last."""
    text = line.text
    note_end, sign = marker.start(), ""
    signed = _SIGN_OFF.search(text, 0, marker.start())
    if signed:
        note_end, sign = signed.start("sign"), signed.group("sign")
    fields = list(_MAIL_FIELD.finditer(text, marker.end()))
    header_end = len(text)
    if fields:
        seam = _first_seam(text[fields[-1].end():], names)
        header_end = fields[-1].end() + seam if seam is not None else len(text)
    # Without a sign-off nothing shows where the author's text stops and the note starts.
    note_kind = "quote" if sign and note_end <= QUOTED_NOTE else "paragraph"
    cuts = [note_end, marker.start(), marker.end(), header_end]
    kinds = [note_kind, "quote", "quote", "quote", "paragraph"]
    pieces = cut_line(line, text, cuts, kinds, log)
    return [_tidy_header(p, log) if _MAIL_FIELD.match(p.text) else p for p in pieces], sign


def _tidy_header(line: Line, log: CleaningLog) -> Line:
    """Addresses stripped from a header leave ``Brian Yang , Grant Wang ,``: close the gaps."""
    tidy = re.sub(r"\s+,", ",", line.text)
    if tidy != line.text:
        log.changed(line, tidy)
    return Line(line.number, tidy, line.kind)


def _mail_body(lines: Lines, start: int, rest: Line | None, sign: str, log: CleaningLog) -> tuple[list[Line], int]:
    """Quote the mail body up to the sign-off; return the lines and where the text resumes."""
    candidates = ([rest] if rest else []) + list(lines[start:start + MAIL_REACH])
    closing = re.compile(rf"(?<![A-Za-z]){re.escape(sign)}(?![a-z])") if sign else None
    for n, line in enumerate(candidates):
        m = closing.search(line.text) if closing else None
        if m:
            quoted = [_as_quote(l, log) for l in candidates[:n]]
            cut = cut_line(line, line.text, [m.start(), m.end()], ["quote", "quote", "paragraph"], log)
            used = n - (1 if rest else 0) + 1
            return quoted + cut, start + used
    log.warn(lines[start - 1].number, "forwarded e-mail: no closing sign-off found, only its header is quoted")
    return ([_as_quote(rest, log)] if rest else []), start


def _as_quote(line: Line, log: CleaningLog) -> Line:
    """A line of the mail; its bullets keep a visible bullet, since a quote is not a list."""
    if line.kind != "item":
        return Line(line.number, line.text, "quote")
    bullet = f"• {line.text}"
    log.changed(line, bullet)
    return Line(line.number, bullet, "quote")


def split_wrapped_words(lines: Lines, log: CleaningLog) -> Lines:
    """Re-separate words that a quoted e-mail's hard line wrap glued together.

    Mail is wrapped at a fixed width; when the page dropped those line ends, the words on
    either side fused (``The mostinteresting one``, ``looking for researchprojects``). A
    long word in a quotation that occurs nowhere else is split when exactly one split
    gives two words the document uses on their own. Prose outside quotations is left
    alone: compounds there are the author's (``hardworking``).

    >>> lines = (Line(9, "The mostinteresting one.", "quote"), Line(9, "the most interesting projects"))
    >>> split_wrapped_words(lines, CleaningLog("en.txt"))[0].text
    'The most interesting one.'
    """
    words = Counter(w.lower() for line in lines for w in re.findall(r"[A-Za-z]+", line.text))
    out = []
    for line in lines:
        fixed = line.text
        if line.kind == "quote":
            fixed = re.sub(r"\b[a-z]{13,}\b", lambda m: _unglue(m.group(), words), line.text)
        if fixed != line.text:
            log.changed(line, fixed)
            line = Line(line.number, fixed, line.kind)
        out.append(line)
    return tuple(out)


def _unglue(word: str, words: Counter) -> str:
    """``mostinteresting`` -> ``most interesting`` when that is the only split into known words."""
    if words[word] > 1:
        return word
    splits = [(word[:i], word[i:]) for i in range(4, len(word) - 3) if words[word[:i]] and words[word[i:]]]
    return " ".join(splits[0]) if len(splits) == 1 else word


def split_glued_headings(lines: Lines, log: CleaningLog) -> Lines:
    """Give back their own line to section headings glued to the first sentence.

    ``Getting into AIWithout retelling…``, ``Building MomentumThe best thing…``: a short
    Title-Case phrase starting a line (or right after a sentence end) whose last word
    runs into a sentence opener is a heading that lost its line break. Camel-case names
    (``HuggingFace``, ``OpenAI``, ``RewardBench``) never count as a seam.

    >>> lines = (Line(9, "Getting into AIWithout retelling my entire pre-grad school life"),
    ...          Line(9, "HuggingFace has had a lot of mind share."), Line(9, "As an organization, HuggingFace grew."))
    >>> [(l.kind, l.text) for l in split_glued_headings(lines, CleaningLog("en.txt"))][:2]
    [('heading', 'Getting into AI'), ('paragraph', 'Without retelling my entire pre-grad school life')]
    """
    names = camel_names(lines)
    out: list[Line] = []
    waiting = list(reversed(lines))
    while waiting:
        line = waiting.pop()
        found = _glued_heading(line.text, names) if line.kind == "paragraph" else None
        if found is None:
            out.append(line)
            continue
        start, end = found
        *done, rest = cut_line(line, line.text, [start, end], ["paragraph", "heading", "paragraph"], log)
        out += done
        waiting.append(rest)  # the text after a heading may hold the next one
    return tuple(out)


def _glued_heading(text: str, names: frozenset[str]) -> tuple[int, int] | None:
    for seam in _word_seams(text, names):
        before = text[:seam]
        ends = list(re.finditer(rf"[.!?][{_CLOSE}]*\s+", before))
        start = ends[-1].end() if ends else 0
        if _is_title_phrase(text[start:seam]):
            return start, seam
    return None


HEADING_WORDS = 6
"""Most words of a heading found in running text (a title phrase, or a heading between
sentences), unless a year follows it (``_SPACED_HEADING_BEFORE_PLACE``)."""


TITLE_HEADING_WORDS = 9
"""…and of one in Title Case between sentences (``Lab Culture and the Collaboration That Failed``)."""


def _is_title_phrase(phrase: str, most: int = HEADING_WORDS) -> bool:
    """``Getting into AI``, ``Keeping Gravity``: 1-6 words (or ``most``), content words capitalized."""
    words = phrase.split()
    if not 1 <= len(words) <= most or re.search(r"[.!?:;,\"“”()]", phrase):
        return False
    return words[0][0].isupper() and in_title_case(words)


def in_title_case(words: list[str]) -> bool:
    """Whether every word is capitalized (or a number) but the small ones (of, the, to…)."""
    return all(w[0].isupper() or w[0].isdigit() or w in HEADING_SMALL_WORDS for w in words)


# After a sentence end, a short phrase with no punctuation that ends in a lowercase word,
# then a sentence opener and a lowercase word: ``itself. Nowhere to hide A few months ago``.
# ``I`` opens no sentence here (it is capital anywhere), and ``The`` and names are followed
# by a capital in titles (``at The Times``), which the lowercase word after rules out.
# A comma is allowed between the words of a Title-Case phrase (``Side Doors, Luck and Rest``).
# A conjunction may open the sentence before "I" (``Coming Back Smaller When I returned``): a
# heading never ends in one.
_CONJUNCTIONS = "When|While|After|Before|Once|Since|Until|Although|Though|Because|As|If"
# One pattern a phrase length: the phrase a shorter one finds may be no heading ("Lab |
# Culture and the…") where a longer one is ("Lab Culture and the Collaboration That Failed |
# While I was away").
_SENTENCE_START = re.compile(rf"(?:^|(?<=[.!?…][{_CLOSE}] )|(?<=[.!?…] ))(?=(?:#{{1,6}} )?[A-Z])")
_SPACED_HEADINGS = tuple(re.compile(
    rf"(?P<marker>#{{1,6}} )?(?P<phrase>[A-Z][\w’'-]*(?:,? [\w’'-]+){{{size}}}) "
    rf"(?=(?P<opener>(?:{_CONJUNCTIONS})(?= I [a-z])|[A-Z][a-z]*(?= [a-z0-9])) )"
) for size in range(TITLE_HEADING_WORDS))
# …or ending in a lowercase word, then a sentence opening on a time or place: ``Building the
# flywheel In January 2022 I…``, ``Finding momentum again At Nordvik my…``. A capital after
# ``In`` is a month or a name there; a title phrase (``Life In London``) ends in a capital.
# Before a year (``…students now Since 2022 I…``) the phrase may be longer and hold a comma
# (``Oulu, and what I tell students now``): no sentence runs on into "Since 2022" unpunctuated.
_PLACE_OPENERS = "After|At|Before|By|During|From|In|Last|On|Since"
_SPACED_HEADING_BEFORE_PLACE = re.compile(
    rf"(?:^|(?<=[.!?…][{_CLOSE}] )|(?<=[.!?…] ))(?P<marker>#{{1,6}} )?"
    rf"(?P<phrase>[A-Z][\w’'-]*(?:,? [\w’'-]+){{0,{HEADING_WORDS}}}? [a-z][\w’'-]*) (?=(?P<opener>{_PLACE_OPENERS}) [A-Z0-9])"
)
_YEAR = re.compile(r"\d{4}\b")


# What a heading never ends with (``We launched in | May``, ``used the | Transformer``), nor
# starts with (``We chose option | A because``): a sentence cut in two looks like that.
NOT_HEADING_END = HEADING_SMALL_WORDS | frozenset(
    "my our your his her its their this that these those some any each every no".split())
NOT_HEADING_START = frozenset("I We You He She They".split())
# …except a determiner before a word that opens a noun phrase itself: ``there was no | Time``
# goes on, ``Learning to say no | The first time`` cannot (no noun phrase reads "no The").
_DETERMINER_ENDS = frozenset("a an the my our your his its their no every each".split())
_DETERMINER_OPENERS = frozenset("A An The My Our Your His Its Their This These Those No Every Each".split())
# Nouns that name things by a letter or a number (``plan A``, ``type A``, ``figure 3``).
_LABELLED_NOUNS = frozenset(
    "plan option type grade class group tier series vitamin team side part section chapter figure fig "
    "table appendix exhibit step phase stage level version model round".split())


def _starts_a_heading(phrase: str, opener: str, following: str, lowercase: set[str], marked: bool) -> bool:
    """Whether ``phrase`` is a heading glued to the sentence opened by ``opener following…``."""
    words = phrase.split()
    if opener == "I":
        # "I" opens a sentence anywhere, so only a phrase no sentence reads like goes before
        # it: every word capitalized, words the text writes in lowercase among them (``The
        # Project That Went Nowhere I started…``), not a run of names (``with Pieter Abbeel I``).
        return (len(words) >= 3 and all(w[0].isupper() for w in words) and following[:1].islower()
                and sum(w.lower() in lowercase for w in words[1:]) >= 2)
    if words[0] in NOT_HEADING_START:
        return False
    if words[-1] in NOT_HEADING_END and not (words[-1] in _DETERMINER_ENDS and opener in _DETERMINER_OPENERS):
        return False
    title_case = _is_title_phrase(phrase.replace(",", ""), TITLE_HEADING_WORDS)
    before_year = opener in _PLACE_OPENERS.split("|") and bool(_YEAR.match(following))
    if ("," in phrase or len(words) > HEADING_WORDS) and not title_case and not before_year:
        return False  # a comma belongs to a sentence, unless it parts the words of a title
    if words[-1].lower() in _LABELLED_NOUNS and len(opener) == 1:
        return False
    if opener in SENTENCE_OPENERS:
        opens = True
    else:  # ``Researchers in``: a word the text writes in lowercase too, before a lowercase word
        opens = opener.lower() in lowercase and following[:1].islower()
    # A Title-Case phrase (``Keeping Gravity``) needs an opener, or a Markdown mark before
    # it, to tell it from a name starting a sentence.
    titled = title_case and (marked or opener in SENTENCE_OPENERS)
    return opens and (words[-1].islower() or titled)


def split_spaced_headings(lines: Lines, log: CleaningLog) -> Lines:
    """Give back their own line to section headings that a run-on page joined with a space.

    A page flattened with spaces for its breaks reads ``…humanity itself. Nowhere to hide A
    few months ago I went…``. Only such a page is searched (a paragraph longer than
    ``LONG_PARAGRAPH``): a heading is a phrase of one to six words (nine in Title Case) after a
    sentence end, without punctuation (before a year, up to eight, a comma allowed), ending in a
    lowercase word, followed by a capitalized word that opens the next sentence: a sentence
    opener (``SENTENCE_OPENERS``; ``I`` only after a phrase with every word capitalized, ``The
    Project That Went Nowhere I started``) or a word the text writes in lowercase elsewhere
    (``Researchers in``), so not a name (``met Pieter at lunch``) nor a date (``in May 2023``).
    A phrase ending in a lowercase word may also be followed by a preposition and a capital
    (``Building the flywheel In January…``): a sentence opening on a date or a place. A phrase that starts like a sentence (``We
    chose option A``) or ends like half of one (``used the Transformer``) is none.

    >>> text = "It ends here. Nowhere to hide A few months ago I met The Times staff. " * 30
    >>> [(l.kind, l.text[:20]) for l in split_spaced_headings((Line(9, text),), CleaningLog("en.txt"))][:3]
    [('paragraph', 'It ends here.'), ('heading', 'Nowhere to hide'), ('paragraph', 'A few months ago I m')]
    """
    out: list[Line] = []
    for index, line in enumerate(lines):
        if line.kind != "paragraph" or len(line.text) <= LONG_PARAGRAPH:
            out.append(line)
            continue
        lowercase = lowercase_words(line.text)
        cuts, kinds = [], ["paragraph"]  # kinds[i] is the kind of the piece before cuts[i]
        title = _page_title(line.text) if index == 0 else None
        if title:
            cuts, kinds = [title], ["heading", "paragraph"]
        starts = [m.start() for m in _SENTENCE_START.finditer(line.text)]
        found = [m for m in (pattern.match(line.text, at) for at in starts for pattern in _SPACED_HEADINGS) if m]
        found += _SPACED_HEADING_BEFORE_PLACE.finditer(line.text)
        for m in sorted(found, key=lambda m: (m.start(), m.end())):
            if cuts and m.start() < cuts[-1]:
                continue  # a shorter phrase from here was a heading already
            following = line.text[m.end() + len(m.group("opener")) + 1:]
            if not _starts_a_heading(m.group("phrase"), m.group("opener"), following, lowercase, bool(m.group("marker"))):
                continue
            if m.start() == 0:
                kinds[0] = "heading"
            else:
                cuts.append(m.start())
                kinds.append("heading")
            cuts.append(m.end())
            kinds.append("paragraph")
        pieces = cut_line(line, line.text, cuts, kinds, log) if cuts else [line]
        out += [Line(p.number, p.text.lstrip("#").lstrip(), p.kind) if p.kind == "heading" else p for p in pieces]
    return tuple(out)


def lowercase_words(text: str) -> set[str]:
    """The words a text writes in lowercase: capitalized elsewhere, such a word starts a sentence
    there (``Researchers in…``), where a name would not.

    >>> sorted(lowercase_words("Research in Delft. We met Pieter and his team-mates."))
    ['and', 'his', 'in', 'met', 'team-mates']
    """
    return set(re.findall(r"\b[a-z][a-z’'-]*\b", text))


GREETINGS = frozenset("Dear Hi Hello".split())
"""Words a letter starts with: what follows is no title, and no heading."""


def _page_title(text: str) -> int | None:
    """Where the Title-Case title that starts a flattened page ends, if it starts with one.

    Its words are all capitalized but the small ones (commas or a colon may part them), so no
    sentence reads like it, and at least three, so that no name of two words does (``Acme Corp
    Today announced…``; one of three, ``New York City In the spring…``, still would). A
    sentence opener starts the text after it, followed by a lowercase word or a number once
    past the small words (``In the spring``, ``Last month``, ``In 2021``), where a title would
    go on in capitals (``…Learned From a Failed Startup``).

    >>> text = "Twelve Years, Five Labs, and a Benchmark I Had to Let Go Last month a student asked me."
    >>> text[:_page_title(text)]
    'Twelve Years, Five Labs, and a Benchmark I Had to Let Go'
    >>> text = "Lessons Learned From a Failed Startup In the spring of 2019 we closed."
    >>> text[:_page_title(text)]
    'Lessons Learned From a Failed Startup'
    >>> _page_title("Last Tuesday OpenAI and Google Research announced a model.") is None
    True
    """
    lead = len(text) - len(text.lstrip())  # a page pasted with a space before it
    words = text[lead:].split(" ", TITLE_CASE_WORDS + 8)
    if words[0] in GREETINGS:
        return None  # a letter's greeting, not a title
    for size in range(1, min(TITLE_CASE_WORDS, len(words) - 2) + 1):
        word = words[size - 1]
        inner_dots = "." in word[:-1]  # Ph.D. is a word of a title; a full stop ends a sentence
        if re.search(r"[^\w’',:&.-]", word) or (word.endswith(".") and not inner_dots) or \
                not (word[:1].isupper() or word[:1].isdigit() or word == "&" or word.rstrip(",:") in HEADING_SMALL_WORDS):
            return None  # no longer a title: neither is anything longer
        opener = words[size]
        following = next((w for w in words[size + 1:] if w not in HEADING_SMALL_WORDS), "")
        ends_a_title = word[0].isupper() and word[-1].isalnum() and word.lower() not in HEADING_SMALL_WORDS
        if ends_a_title and size >= 3 and opener in SENTENCE_OPENERS and (following[:1].islower() or following[:1].isdigit()):
            return lead + len(" ".join(words[:size]))
    return None


# A speaker's label after a sentence end: ``…matters? A: Compute was…``, ``Lex Fridman: So…``.
_SPEAKER_TURN = re.compile(
    rf"(?<=[.!?…{_CLOSE}] )(?=[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){{0,2}}: [{_OPEN}]?[A-Z])"
)


def split_speaker_turns(lines: Lines, log: CleaningLog) -> Lines:
    """Start a new paragraph at each speaker's label of an interview a run-on page joined.

    A label of one to three capitalized words and a colon after a sentence end (``Q:``,
    ``A:``, ``Lex Fridman:``) begins a turn, as it began a line before the page was
    flattened. Only a line with several labels (``RUN_ON_SEAMS``) is taken for a flattened
    interview: one ``Note:`` or ``Update:`` in a long paragraph is the author's.

    >>> text = "Q: Is compute all that matters? A: It never was. Look at nanochat. " * 40
    >>> [l.text for l in split_speaker_turns((Line(9, text),), CleaningLog("en.txt"))][:2]
    ['Q: Is compute all that matters?', 'A: It never was. Look at nanochat.']
    """
    out: list[Line] = []
    for line in lines:
        cuts = [m.start() for m in _SPEAKER_TURN.finditer(line.text)] if line.kind == "paragraph" else []
        if len(cuts) < RUN_ON_SEAMS:
            out.append(line)
        else:
            out += cut_line(line, line.text, cuts, ["paragraph"] * (len(cuts) + 1), log)
    return tuple(out)


def split_long_paragraphs(lines: Lines, log: CleaningLog) -> Lines:
    """Cut a very long paragraph with no seams into paragraphs of a few sentences.

    A run-on page whose breaks left spaces instead of seams would otherwise become one
    screen-filling block. Cuts fall at sentence ends, about every ``LONG_PARAGRAPH / 3``
    characters; ordinary paragraphs are far shorter and untouched.

    >>> text = " ".join(["The best thing that I learned was how to build momentum and mind-share."] * 40)
    >>> len(split_long_paragraphs((Line(9, text),), CleaningLog("en.txt")))
    4
    """
    out: list[Line] = []
    for line in lines:
        if line.kind != "paragraph" or len(line.text) <= LONG_PARAGRAPH:
            out.append(line)
            continue
        cuts, last = [], 0
        for m in _SENTENCE_SPACE.finditer(line.text):
            if m.end() - last >= LONG_PARAGRAPH // 3 and _ends_sentence_at(line.text, m):
                cuts.append(m.end())
                last = m.end()
        out += cut_line(line, line.text, cuts, ["paragraph"] * (len(cuts) + 1), log)
    return tuple(out)


# --- repairs inside a line ---------------------------------------------------------------------

def split_glued_sentences(text: str) -> str:
    """Put back the space lost between two sentences: ``in its hay-day.I asked``.

    Only a line or two of such seams is left to this fixer (more means lost paragraph
    breaks, see ``restore_paragraph_breaks``). Abbreviations, decimals, initials and web
    addresses have no seam.

    >>> split_glued_sentences("it was in its hay-day.I asked them (after my Ph.D. I think), e.g. www.interconnects.ai or 0.5.")
    'it was in its hay-day. I asked them (after my Ph.D. I think), e.g. www.interconnects.ai or 0.5.'
    >>> split_glued_sentences("I became well-read.A prevailing emotion, in the U.S.A too.")
    'I became well-read. A prevailing emotion, in the U.S.A too.'
    """
    for seam in reversed(_sentence_seams(text)):
        text = text[:seam] + " " + text[seam:]
    return text


def space_after_comma(text: str) -> str:
    """Put back the space lost after a comma between two words: ``sensor data,and compare``.

    >>> space_after_comma("based on the inertial sensor data,and compare to 1,000 runs")
    'based on the inertial sensor data, and compare to 1,000 runs'
    """
    return re.sub(r"(?<=[a-z]{2}),(?=[a-z]{2})", ", ", text)


# --- sentences -----------------------------------------------------------------------------------

_LEADING_LIST_NUMBER = re.compile(rf"\s*{_LIST_NUMBER}\s+")


def split_sentences(text: str) -> list[str]:
    """Split an English paragraph into sentences (the units Chinese is aligned to).

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
    brackets) followed by a capital or a digit, or glued to the next sentence. A colon
    does not end a sentence. Abbreviations (``Ph.D.``, ``e.g.``, ``U.S.``, ``Mr.``,
    ``Dr.``, ``Feb. 16``), initials and decimals never do.

    >>> split_sentences("I asked. They said no.")
    ['I asked.', 'They said no.']
    >>> split_sentences('I finished the Ph.D. I was starting. Dr. Levine said "no." Then? It was in its hay-day.I asked.')
    ['I finished the Ph.D. I was starting.', 'Dr. Levine said "no."', 'Then?', 'It was in its hay-day.', 'I asked.']
    >>> split_sentences("Disruptions, low-quality work, etc. can slow growth (e.g. 0.5 of it). Talk topics are tentative: SF, U.S. West.")
    ['Disruptions, low-quality work, etc. can slow growth (e.g. 0.5 of it).', 'Talk topics are tentative: SF, U.S. West.']
    >>> split_sentences("A small team could get close to GPT-3.5. People assumed otherwise.")
    ['A small team could get close to GPT-3.5.', 'People assumed otherwise.']
    >>> split_sentences("We worked until 5 p.m. She left early. The talk is at 9 a.m. Eastern time.")
    ['We worked until 5 p.m.', 'She left early.', 'The talk is at 9 a.m. Eastern time.']
    >>> split_sentences("1. Hire slowly. Pay on time.")
    ['1. Hire slowly.', 'Pay on time.']
    """
    cuts = [m.end() for m in _SENTENCE_SPACE.finditer(text) if _ends_sentence_at(text, m)]
    cuts += [seam for seam in _sentence_seams(text) if text[seam - 1] != ":"]
    number = _LEADING_LIST_NUMBER.match(text)
    if number:  # ``1. Hire slowly.``: a list's number is no sentence of its own
        cuts = [cut for cut in cuts if cut > number.end()]
    bounds = [0, *sorted(set(cuts)), len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def _ends_sentence_at(text: str, match: re.Match) -> bool:
    end_mark = match.group().rstrip().rstrip(_CLOSERS)
    dot = match.start() + len(end_mark) - 1
    return _ends_sentence(text, dot, match.end())


EN_FIXERS = (
    drop_front_matter,
    mark_fenced_code,  # before any fixer reads the lines: code is kept as typed
    per_line(remove_invisible_characters),
    drop_page_source_blocks,
    per_line(strip_html_markup),
    drop_timestamps,  # a transcript's times, then its speakers' names and captions:
    join_speaker_names,  # before Markdown, which would join a caption to the next
    join_captions,
    join_markdown_paragraphs,
    drop_blank_lines,
    drop_page_chrome,
    drop_post_header,
    drop_post_footer,
    split_off_page_address,
    drop_subscription_notes,
    read_markdown,
    mark_plain_list_items,
    mark_title_heading,
    mark_section_headings,
    restore_paragraph_breaks,
    split_inline_bullets,
    quote_forwarded_mail,
    split_wrapped_words,
    split_glued_headings,
    split_spaced_headings,
    split_speaker_turns,
    split_long_paragraphs,
    per_line(split_glued_sentences),
    per_line(space_after_comma),
    drop_blank_lines,
)
