"""The blogging platform's furniture above and below a post copied from its page.

A post copied from Medium or a newsletter page brings the platform's buttons and counts
along: above the text ``Follow``, ``8 min read``, ``Listen``; below it ``Written by …``,
``2.4K Followers``, ``More from …`` with other posts' titles and blurbs, ``42 Likes · 7
Comments``, ``© 2025 …``. Left in, they stand among the essay's sentences as passages the
summary "skips" and make a reader scroll past them. None is the author's text.

Above the text, such a line is taken only before the prose begins (``Listen`` may head a
section of an essay on speech); a title, however long, is not prose yet. Below it, a footer begins at its first marker line and
runs to the end, so long as no paragraph of prose follows: the titles and blurbs of the
platform's other posts go with it, an author's postscript stays.
"""

from __future__ import annotations

import re

from .fixlog import CleaningLog, Lines

PROSE_WORDS = 10
"""A line this many words long is prose, not a button, a count or the page's address."""
FOOTER_PROSE_WORDS = 30
"""A line after a footer marker this long is a paragraph of the author's, not a blurb: the
marker was no footer."""
FOOTER_SHARE = 0.15
"""Most share of a text's words a footer may hold: in a text set out a sentence a line, a line
such as "Written by Mary Shelley" far from the end is the author's."""

_HEADER_LINE = re.compile(
    r"""^(?:
        follow(?:ing)? | listen | member-only\s+story | ·
      | (?:[^·\n]{1,40}\s·\s)?\d{1,3}\s+min(?:ute)?s?\s+read(?:\s·\s[^·\n]{1,40})?   # 8 min read · Mar 3, 2025
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_SENTENCE_ENDS = tuple(".!?:;\"”’)…")
_NAME = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}"
_FOOTER_START = re.compile(
    rf"""^(?:
        written\s+by\s+{_NAME} | more\s+from\s+{_NAME} | recommended\s+from\s+medium
      | [\d.,]+\s*[KkMm]?\s+followers?(?:\s·\s[\d.,]+\s*[KkMm]?\s+following)?
      | \d[\d,]*\s+likes?(?:\s·\s\d[\d,]*\s+comments?)? | \d[\d,]*\s+comments?
      | (?:©|\(c\)|copyright)\s*\d{{4}}\b.{{0,80}}
      | help\s+status\s+about\s+careers\b.{{0,80}}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def drop_post_header(lines: Lines, log: CleaningLog) -> Lines:
    """Remove the platform's buttons and reading time above a post, before its prose begins.

    >>> from duizhao.model import Line
    >>> log = CleaningLog("en.txt")
    >>> page = (Line(1, "Momentum Is a Flywheel"), Line(3, "Lena Ashworth"), Line(5, "Follow"),
    ...         Line(7, "8 min read · Mar 3, 2025"), Line(9, "Listen"),
    ...         Line(11, "For most of my twenties, I believed research careers were made by one paper."),
    ...         Line(13, "Listen"), Line(15, "It took me a decade to learn to listen to my students."))
    >>> [l.number for l in drop_post_header(page, log)]
    [1, 3, 11, 13, 15]
    >>> page = (Line(1, "The Year My Benchmark Broke Me: Notes on Quillmark, Burnout, and Staying in Research"),
    ...         Line(3, "by Ilse Brandvold · 14 min read"), Line(5, "In 2020 I was a data engineer at a start-up."))
    >>> [l.number for l in drop_post_header(page, log)]
    [1, 5]
    """
    kept, prose = [], False
    for line in lines:
        text = line.text.strip()
        # A long title is no prose yet: prose ends its lines as sentences end.
        prose = prose or len(text.split()) >= PROSE_WORDS and text.endswith(_SENTENCE_ENDS)
        if not prose and _HEADER_LINE.match(text):
            log.removed(line)
        else:
            kept.append(line)
    return tuple(kept)


def drop_post_footer(lines: Lines, log: CleaningLog) -> Lines:
    """Remove the platform's footer below a post: from its first marker to the end.

    >>> from duizhao.model import Line
    >>> log = CleaningLog("en.txt")
    >>> essay = " ".join(["Find the smallest thing you can finish this week, and finish it."] * 20)
    >>> page = (Line(1, essay), Line(3, "Written by Lena Ashworth"), Line(5, "2.4K Followers"), Line(7, "More from Lena Ashworth"),
    ...         Line(9, "Why I Stopped Chasing State of the Art"),
    ...         Line(11, "Benchmarks reward the last 0.5 percent; science rewards understanding."),
    ...         Line(13, "Help Status About Careers"))
    >>> [l.number for l in drop_post_footer(page, log)], len(log.changes)
    ([1], 6)

    A marker followed by a paragraph of prose is no footer, and stays:

    >>> page = (Line(1, essay), Line(3, "Written by Lena Ashworth"),
    ...         Line(5, " ".join(["We wrote the first draft together."] * 6)))
    >>> len(drop_post_footer(page, CleaningLog("en.txt")))
    3
    """
    words = [len(line.text.split()) for line in lines]
    start = next((k for k, line in enumerate(lines) if _FOOTER_START.match(line.text.strip())
                  and all(n < FOOTER_PROSE_WORDS for n in words[k + 1:])
                  and sum(words[k:]) <= FOOTER_SHARE * sum(words)), None)
    if start is None:
        return lines
    for line in lines[start:]:
        log.removed(line)
    return lines[:start]
