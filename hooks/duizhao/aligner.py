"""Aligning a cleaned Chinese text with its English source: scoring, thresholds, search, links.

The thresholds come from each document's own scores, not from constants: a Chinese
line is linked only when its match stands out from the *noise* of its scores against
unrelated sentences (its background plus a multiple of the document's spread). A
summary full of generic vocabulary and a faithful translation thus get the thresholds
they need. Length is weighed the same way, against the document's own ratio (``lengths``);
and texts whose matches keep no order at all are not aligned (``correspondence``).
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .align import Bead, band_from_anchors, best_path, monotone_anchors, relink_moved
from .correspondence import judge
from .lengths import LengthModel, letters
from .lexicon import english_keys, load_lexicon
from .model import Alignment, CleanText, Link, PinnedLink
from .notes import is_editorial_note
from .numbers import section_number
from .remarks import general_remarks
from .scoring import Coverage, PairScorer
from .turns import Turns, is_answer, is_question

NOISE_LEVELS = 3.5
"""How many spreads above its background a line's score must rise to count as a match."""
MIN_THRESHOLD = 0.12
"""Floor for that threshold: with almost no noise, one shared word is not a match."""
MAX_SENTENCES = 12
"""Most English sentences one Chinese line may express (a paragraph translated whole), unless
its length makes room for more (``LengthModel.most_sentences``)."""
LONGEST_LINK = 60
"""…but never more than this: it bounds the search's work for a line that never ends a sentence."""
MAX_LINES = 6
"""Most consecutive Chinese lines that may share one English sentence (each must show evidence)."""
EVIDENCE_LEVELS = 3.0
"""Spreads above its background a line's score must rise to count as evidence at all."""
CONTINUATION = 1.0
"""Share of its threshold a line pays when it continues a sentence its neighbour already
expresses: a summary often spreads one long sentence over several short lines."""
EXTRA_SENTENCE = 2.0
"""Spreads a one-to-many link pays for each further sentence the line barely touches, so that
a line does not swallow a neighbouring sentence on the strength of one shared word."""
THIN_SHARE = 0.25
"""Share of a sentence's keys a line must cover for the sentence not to count as barely touched."""
FILL_LEVELS = 1.0
"""Spreads above its background a line placed between two links must rise to be linked."""
FILL_SHARE = 0.5
"""…and at least this share of its own threshold."""
GAP_LINES = 2
"""How far (in lines) a line looks for the linked neighbours that place it."""
GAP_SENTENCES = 3
"""Most sentences between its neighbours' links for a line to count as placed."""
PLACE_LINES = 4
"""How far (in lines) a line looks for one linked neighbour that places it on its own."""
PLACE_SENTENCES = 6
"""How far past that neighbour's sentence an unclaimed sentence may lie to be its match."""
BAND_WIDTH = 12
"""Columns kept either side of the anchor path."""
RELINK_MARGIN = 2.0
"""A line off the path is relinked when its best match beats the threshold and every match
not adjacent to it by this many spreads."""
LENGTH_LEVELS = 1.0
"""Spreads a link pays per unit of length misfit (see ``lengths``)."""
ADJACENT = 1.6
"""Spreads a link earns for going on where the previous link ended (no line or sentence
skipped between): of two readings that fit the words about equally, the one in which the
summary follows its source without a jump wins. It settles boundaries between neighbouring
links and lets a weak match right after its neighbour's sentence link. Position alone still
links nothing: the bonus is smaller than the threshold's height above a line's background,
so a line must share words with the sentence as well."""
REMARK_LEVELS = 5.0
"""Spreads a summary's general remark (``remarks``) must rise above the bars of other lines:
its topic words match sentences everywhere, so only stronger evidence shows it renders one.
Any value from 4 to 8 gives every gold file the same figures; at 12, the essay's own remark
(很多人会高估别人的执行力) is lost."""
CONFIDENT = 0.7
"""Links scoring under this are shown as uncertain."""
REACH_SENTENCES = 2
"""Most sentences a link may reach over to a further sentence its line renders (``_reach_over``)."""
REACH_LEVELS = 2.0
"""Spreads above its threshold a line's score with that further sentence must rise."""
GAP_GAIN = 0.01
"""Least rise of a line's score for it to take in a further sentence between its link and
its neighbour's (``_close_gaps``)."""
UNSURE_SCORE = 0.5
"""Highest score of a link between texts not shown to correspond (too short, or their matches
in no more order than chance can give): as likely wrong as right, whatever its words share
(the score is what a program reading the links sees)."""
PIN_WEIGHT = 1.5
"""A pin's weight against the texts' clear matches when the pins that divide the alignment
are chosen: it outweighs one match that contradicts it, not two."""


@dataclass(frozen=True)
class Unit:
    """A piece of text to align: a Chinese block or an English sentence."""

    id: str
    text: str
    heading: bool = False
    """A section heading: it may only be linked with a heading of the other text."""


def align_article(zh: CleanText, en: CleanText, pins: tuple[PinnedLink, ...] = ()) -> Alignment:
    """Align a cleaned article; curator ``pins`` are kept as they are and the rest aligned around them."""
    zh_units = [Unit(block.id, block.text, block.kind == "heading") for block in zh.blocks]
    en_units = [Unit(s.id, s.text, block.kind == "heading") for block in en.blocks for s in block.sentences]
    return align_texts(zh_units, en_units, pins)


def align_texts(zh_units: Sequence[Unit], en_units: Sequence[Unit],
                pins: Sequence[PinnedLink] = ()) -> Alignment:
    """Align Chinese units with English sentences; the result lists links in Chinese order."""
    zh_units, en_units = list(zh_units), list(en_units)
    if not zh_units or not en_units:
        return Alignment((), tuple(u.id for u in zh_units), tuple(u.id for u in en_units))
    lexicon = load_lexicon()
    en_texts = [_without_tags(u.text) for u in en_units]
    names = lexicon.english_names(en_texts)
    scorer = PairScorer([lexicon.chinese_tokens(_without_tags(u.text), names) for u in zh_units],
                        [english_keys(text) for text in en_texts])
    noise = Noise.measure(scorer, general_remarks([u.text for u in zh_units]))
    unsure = ""
    if not pins:  # a pin is the curator's word that the texts correspond
        matches = _mutual_matches(noise)
        verdict = judge(matches)
        if not verdict.corresponds:
            return Alignment((), tuple(u.id for u in zh_units), tuple(u.id for u in en_units), verdict.explain())
        if not verdict.judged:
            unsure = (f"only {len(matches)} clear match{'es' if len(matches) != 1 else ''}, too few to tell "
                      "whether the English is the source")
        elif not verdict.sure:
            unsure = verdict.explain()
    lengths = LengthModel.measure([letters(u.text) for u in zh_units], [letters(u.text) for u in en_units],
                                  _clear_matches(noise))
    fixed = _pinned(pins, zh_units, en_units)
    # A translator's or editor's note (译注：…) is placed as a caption is: it names words of the
    # sentence it explains, yet renders none.
    zh_captions = [u.heading or is_label(u.text) or is_editorial_note(u.text) for u in zh_units]
    en_captions = [u.heading or is_label(u.text) for u in en_units]
    beads: list[Bead] = []
    # A summary with sections of its own keeps the source's: none of its lines reaches over a
    # heading of the source. One without may condense the end of a section and the next's start.
    sections = sum(u.heading for u in zh_units) >= 3  # a title and two sections at least
    for segment in _segments(fixed, len(zh_units), len(en_units), _clear_matches(noise)):
        beads.extend(_align_segment(scorer, noise, lengths, segment, set(fixed), zh_captions, en_captions,
                                    sections))
    # A heading it reaches over is none of the sentences a line of running text renders.
    beads = [Bead(b.zh, tuple(j for j in b.en if not en_captions[j]), b.gain)
             if len(b.en) > 1 and b.zh and not any(zh_captions[i] for i in b.zh) else b for b in beads]
    # The pins stand among the links, so that the passes below place a line by a pinned
    # neighbour as by any other (none of them changes a pinned line).
    beads = sorted([b for b in beads if not (b.zh and b.zh[0] in fixed)] +
                   [Bead((i,), sentences) for i, sentences in fixed.items()],
                   key=_reading_order)
    pinned = {j for sentences in fixed.values() for j in sentences}  # a pin's sentence is never free
    moved = [(i, j, gain) for i, j, gain in _moved_lines(noise, scorer, beads)
             if not zh_captions[i] and j not in pinned and i not in fixed]
    beads = list(relink_moved(beads, moved))
    beads = _moved_passages(beads, scorer, noise, lengths, zh_captions, en_captions, set(fixed), pinned, sections)
    beads = _fill_gaps(beads, scorer, noise, zh_captions, set(fixed), pinned)
    beads = _trim_shared_edges(beads, scorer, set(fixed))
    beads = _link_lead_ins(beads, scorer, noise, [u.text for u in zh_units], [u.text for u in en_units],
                           zh_captions, set(fixed), pinned)
    beads = _reach_over(beads, scorer, noise, zh_captions, en_captions, set(fixed), pinned)
    beads = _close_gaps(beads, scorer, zh_captions, en_captions, set(fixed), pinned)
    beads = _place_headings(beads, scorer, noise, [section_number(u.text) if u.heading else None for u in zh_units],
                            [u.heading for u in zh_units], [u.heading for u in en_units],
                            set(fixed), pinned)
    beads = _place_questions(beads, [u.text for u in zh_units], [u.text for u in en_units], set(fixed), pinned)
    beads = _name_the_title(beads, scorer, noise, [u.text for u in zh_units], [u.heading for u in zh_units],
                            [u.heading for u in en_units], set(fixed), pinned)
    beads = _merge_shared(beads, set(fixed))
    alignment = _alignment(beads, fixed, noise, scorer, zh_units, en_units)
    if unsure:  # nothing shows the texts correspond: no link can be more certain than that
        alignment = replace(alignment, unsure=unsure, links=tuple(
            replace(link, confident=False, score=min(link.score, UNSURE_SCORE)) for link in alignment.links))
    return alignment


_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")
_HASHTAG = re.compile(r"(?<![\w#])#(?!\d+(?:\W|$))[^\s#，。！？、,.!?]{1,20}#?")


def _without_tags(text: str) -> str:
    """Text without web addresses and hashtags: neither is content the other text expresses.
    A reference link's path words (``my-path-into-ai``) would match the title; a post's
    hashtags (#读博 #科研心态) name its topic, which every sentence of the essay shares.

    >>> _without_tags("论文链接:https://arxiv.org/abs/1901.03737")
    '论文链接: '
    >>> _without_tags("读完发呆了半小时 #读博 #科研心态#，第#1名，C#")
    '读完发呆了半小时    ，第#1名，C#'
    """
    return _HASHTAG.sub(" ", _ADDRESS.sub(" ", text))


_LABEL = re.compile(r"^([^:：,，。;；!！?？]{1,12})[:：](.*)$")
_SENTENCE_MARK = re.compile(r"[,，。;；!！?？]")


def is_label(text: str) -> bool:
    """A caption line such as ``邮件摘录:`` or ``论文链接:<address>``: a few words and a colon,
    with at most a short name or an address after it. It introduces what follows; its
    words (e-mail, paper) echo the sentence it sits next to, yet it expresses none.

    >>> [is_label(t) for t in ("邮件摘录:", "论文链接:https://arxiv.org/abs/1901.03737", "文章来源:社区通讯")]
    [True, True, True]
    >>> [is_label(t) for t in ("我们可以尝试:", "他说:「每天专注4小时。」", "Talk topics are tentative:")]
    [False, False, False]
    """
    match = _LABEL.match(_without_tags(text).strip())
    if not match:
        return False
    head, rest = match.group(1).strip(), match.group(2).strip()
    short_head = len(head) <= 4 if not head.isascii() else len(head.split()) <= 2
    return short_head and len(rest) <= 8 and not _SENTENCE_MARK.search(rest) and "「" not in rest


@dataclass(frozen=True)
class Noise:
    """Per-line thresholds derived from the document's own score distribution."""

    coverage: tuple[Coverage, ...]
    spread: float
    """Typical spread of a line's scores against unrelated sentences."""
    threshold: tuple[float, ...]
    """Score a bead with this line must exceed to be worth linking."""
    evidence: tuple[float, ...]
    """Score under which a line shares nothing meaningful with a sentence."""
    floor: tuple[float, ...]
    """Score enough to link a line that its neighbours' links place (see ``_fill_gaps``)."""

    @classmethod
    def measure(cls, scorer: PairScorer, remarks: Sequence[bool] = ()) -> Noise:
        """The bars of each line; those of a line in ``remarks`` (a general remark) are raised."""
        coverage = tuple(scorer.coverage(i) for i in range(scorer.n))
        spreads = [c.spread for c in coverage if c.best]
        spread = max(statistics.median(spreads) if spreads else 0.0, 0.02)
        raised = [REMARK_LEVELS * spread if remark else 0.0 for remark in remarks or [False] * scorer.n]
        base = [max(MIN_THRESHOLD, c.background + NOISE_LEVELS * max(spread, c.spread)) for c in coverage]
        threshold = tuple(t + r for t, r in zip(base, raised))
        evidence = tuple(c.background + EVIDENCE_LEVELS * max(spread, c.spread) + r
                         for c, r in zip(coverage, raised))
        floor = tuple(max(c.background + FILL_LEVELS * max(spread, c.spread), FILL_SHARE * t) + r
                      for c, t, r in zip(coverage, base, raised))
        return cls(coverage, spread, threshold, evidence, floor)

    def passing(self) -> list[tuple[Coverage, float, int]]:
        """Each line's best match, as (coverage, score, sentence), where it passes the line's threshold."""
        return [(c, c.best[0][0], c.best[0][1]) for c, threshold in zip(self.coverage, self.threshold)
                if c.best and c.best[0][0] > threshold]

    def confidence(self, score: float, lines: Sequence[int]) -> float:
        """Map a bead score into [0, 1]: 0.5 at the threshold, rising with spreads above it."""
        threshold = sum(self.threshold[i] for i in lines) / len(lines)
        return 1.0 / (1.0 + math.exp(-2.0 * (score - threshold) / self.spread))


@dataclass(frozen=True)
class _Segment:
    zh: range
    en: range


def _pinned(pins: Sequence[PinnedLink], zh_units, en_units) -> dict[int, tuple[int, ...]]:
    """Pins as line index → sentence indices (ids the texts lack are ignored; the corpus checks them)."""
    zh_index = {u.id: i for i, u in enumerate(zh_units)}
    en_index = {u.id: j for j, u in enumerate(en_units)}
    fixed = {}
    for pin in pins:
        if pin.zh in zh_index:
            fixed[zh_index[pin.zh]] = tuple(sorted({en_index[e] for e in pin.en if e in en_index}))
    return fixed


def _segments(fixed: dict[int, tuple[int, ...]], n: int, m: int,
              matches: Sequence[tuple[int, int]]) -> list[_Segment]:
    """Stretches between pins that are in order with each other and with the texts' clear
    ``matches``; the DP aligns each alone. A pin out of that order (an introduction quoting
    the essay's end) stays a link but divides nothing: as a boundary it would leave every
    later line only the sentences after it. A stretch reaches the pin's sentences, which a
    line beside the pin may express too."""
    candidates = [(i, en[0], PIN_WEIGHT) for i, en in fixed.items() if en]
    candidates += [(i, j, 1.0) for i, j in matches if i not in fixed]
    segments, zh_start, en_start = [], 0, 0
    for line, _ in monotone_anchors(candidates):
        if line not in fixed or fixed[line][0] < en_start:
            continue
        first, last = fixed[line][0], fixed[line][-1]
        if last - first >= len(fixed[line]):
            # Its sentences lie apart (an opening line also rendering the essay's close): it
            # divides at its first, and the lines after it still reach those in between.
            last = first
        segments.append(_Segment(range(zh_start, line), range(en_start, first + 1)))
        zh_start, en_start = line + 1, last
    segments.append(_Segment(range(zh_start, n), range(en_start, m)))
    return segments


def _shared_gain(noise: Noise, lines: range, shared: Sequence[float]) -> float:
    """Gain of consecutive lines sharing one sentence: every line must show evidence; the
    strongest pays its full threshold, the others a reduced one (they continue its sentence)."""
    lead = max(range(len(lines)), key=lambda k: shared[k] - noise.threshold[lines[k]])
    return sum(s - noise.threshold[line] * (1.0 if k == lead else CONTINUATION)
               for k, (s, line) in enumerate(zip(shared, lines)))


def _align_segment(scorer: PairScorer, noise: Noise, lengths: LengthModel, segment: _Segment,
                   blocked: set[int], captions: Sequence[bool], en_captions: Sequence[bool],
                   sections: bool) -> list[Bead]:
    zh0, en0 = segment.zh.start, segment.en.start
    n, m = len(segment.zh), len(segment.en)
    if not n or not m:
        return [Bead((zh0 + i,), ()) for i in range(n)] + [Bead((), (en0 + j,)) for j in range(m)]

    per_misfit = LENGTH_LEVELS * noise.spread
    # Lines of running text in a row ending at each line (pinned lines and captions break a
    # run): a bead of ``a`` lines may share a sentence only if its last line ends a run of ``a``.
    running, run = [], 0
    for line in segment.zh:
        run = 0 if line in blocked or captions[line] else run + 1
        running.append(run)

    def gains(i: int, a: int, end: int, most: int) -> list[float]:
        lines = range(zh0 + i, zh0 + i + a)
        if running[i + a - 1] < a:
            if a > 1 or lines[0] in blocked:
                return []
            # A heading (or caption) renders a heading (or caption) or nothing: never a
            # sentence of running text.
            return [scorer.score(lines, range(en0 + end - 1, en0 + end)) - noise.threshold[lines[0]]
                    ] if en_captions[en0 + end - 1] else []
        # Nor does running text of a summary with ``sections`` take in a heading of the source
        # among its sentences: the line after the summary's own heading renders the first
        # sentence. (A line naming the essay's title alone is found by the passes after.)
        if sections and en_captions[en0 + end - 1]:
            return []
        if a == 1:
            line = lines[0]
            most = min(lengths.most_sentences(line, MAX_SENTENCES), LONGEST_LINK, most,
                       end - after_caption[end] if sections else most)
            scores, thin = scorer.one_to_many(line, en0 + end, most, THIN_SHARE)
            misfits = lengths.misfits(lines, en0 + end, most)
            extra = EXTRA_SENTENCE * noise.spread
            # The first sentence is paid for by the threshold; every further one the line
            # barely touches costs extra.
            return [s - noise.threshold[line] - max(0, t - (b == 0)) * extra - misfit * per_misfit
                    for b, (s, t, misfit) in enumerate(zip(scores, thin, misfits))]
        if not all(evident(line, en0 + end - 1) for line in lines):
            return []  # every line must show evidence of its own
        misfit = lengths.misfits(lines, en0 + end, 1)[0]
        return [_shared_gain(noise, lines, scorer.shared_sentence(lines, en0 + end - 1)) - misfit * per_misfit]

    evidence_seen: dict[int, bool] = {}  # one entry per band cell at most: linear
    # For each end, the first sentence after the last heading or caption before it.
    after_caption, mark = [0] * (m + 1), -1
    for k in range(m):
        after_caption[k] = mark + 1
        if en_captions[en0 + k]:
            mark = k
    after_caption[m] = mark + 1

    def evident(line: int, j: int) -> bool:
        cell = line * scorer.m + j
        known = evidence_seen.get(cell)
        if known is None:
            known = evidence_seen[cell] = scorer.score(range(line, line + 1), range(j, j + 1)) > noise.evidence[line]
        return known

    anchors = [(i - zh0, j - en0, score - noise.threshold[i])
               for i in segment.zh if i not in blocked
               for score, j in noise.coverage[i].best[:3]
               if j in segment.en and score > noise.threshold[i]]
    band = band_from_anchors(n, m, [(i, j) for i, j in monotone_anchors(anchors)], BAND_WIDTH)
    beads = best_path(band, [0.0] * n, [0.0] * m, gains, MAX_LINES, ADJACENT * noise.spread)
    return [Bead(tuple(zh0 + i for i in b.zh), tuple(en0 + j for j in b.en), b.gain) for b in beads]


def _mutual_matches(noise: Noise) -> list[tuple[int, int]]:
    """(line, sentence) pairs where the sentence is the line's best match, passing its
    threshold, and no other line matches that sentence better in the same way.

    Lines without a source far outnumber the rest when the English is an excerpt; each
    sentence keeps only its strongest claimant, which for a real excerpt is its rendering.
    """
    best: dict[int, tuple[float, int]] = {}
    for c, score, sentence in noise.passing():
        best[sentence] = max(best.get(sentence, (0.0, -1)), (score, c.line))
    return sorted((line, sentence) for sentence, (_, line) in best.items())


def _clear_matches(noise: Noise) -> list[tuple[int, int]]:
    """(line, sentence) pairs beyond doubt: the line's best match passes its threshold and
    beats every match not next to it by the relinking margin."""
    margin = RELINK_MARGIN * noise.spread
    return [(c.line, sentence) for c, score, sentence in noise.passing() if score - c.rival > margin]


def _moved_lines(noise: Noise, scorer: PairScorer, beads: Sequence[Bead]) -> list[tuple[int, int, float]]:
    """Lines whose best match lies off the monotone path and is clearly right.

    "Clearly" is measured on this document: the match must score at least as well as the
    typical link on the path and beat the line's best match elsewhere by a margin; a
    line the path already linked must also gain that margin by moving. A line the path
    left unlinked needs no margin when its best match passes its threshold and states a
    figure of the line that no other sentence states ("5千多" and "5K citations"): a
    summary's opening often lifts a figure from the end of its source, and may state it
    again where the source does (the sentence is then linked twice, as any repeat).
    """
    linked = [scorer.score(range(b.zh[0], b.zh[-1] + 1), range(b.en[0], b.en[-1] + 1))
              for b in beads if b.zh and b.en]
    if not linked:
        return []
    typical = statistics.median(linked)
    margin = RELINK_MARGIN * noise.spread
    moved = []
    for bead in beads:
        if len(bead.zh) != 1:
            continue
        line = bead.zh[0]
        best = noise.coverage[line].best
        if not best or best[0][1] in bead.en:
            continue
        score, sentence = best[0]
        current = scorer.score(range(line, line + 1), range(bead.en[0], bead.en[-1] + 1)) if bead.en else 0.0
        if (score >= typical and score - noise.coverage[line].rival > margin
                and score - max(current, noise.threshold[line]) > margin):
            moved.append((line, sentence, score - noise.threshold[line]))
        elif not bead.en and score > noise.threshold[line] and sentence in scorer.figures_only_in(line):
            moved.append((line, sentence, score - noise.threshold[line]))
    return moved


MOVED_LINES = 3
"""Fewest lines of a passage the summary moved that must each find their sentence in one
stretch of the source the path left free, in order, for the passage to be aligned there
(with 2, two lines of the real pair's tune half that share a topic with a free stretch are
linked there wrongly; 3 and 4 give every gold file the same figures)."""


CLAIMED_SHARE = 0.25
"""Most share of that stretch other lines may already express (a line elsewhere may render a
sentence of it: an answer pointing ahead to the passage)."""


def _moved_passages(beads: Sequence[Bead], scorer: PairScorer, noise: Noise, lengths: LengthModel,
                    captions: Sequence[bool], en_captions: Sequence[bool], blocked: set[int],
                    pinned: set[int], sections: bool) -> list[Bead]:
    """Align a passage the summary moved (a Q&A put last, a story told first) where it came from.

    The path is monotone, so a passage moved far from its place is left unlinked, however
    plainly each of its lines renders a sentence; one line alone is placed by its own strong
    match (``_moved_lines``). Several unlinked lines in a row whose best matches, in order,
    lie in one stretch of sentences that (nearly) no line expresses corroborate each other:
    the stretch is their source, and the lines are aligned against it as the path aligns any
    segment. A sentence some other line expresses stays that line's. A line the path took
    along to a place its words barely reach, while its best match lies free and far above
    (by the relinking margin), counts as unlinked here.
    """
    claimed = _claimed(beads, pinned)
    margin = RELINK_MARGIN * noise.spread

    def astray(bead: Bead) -> bool:
        best = noise.coverage[bead.zh[0]].best
        return bool(best) and best[0][1] not in claimed and \
            best[0][0] - scorer.score(range(bead.zh[0], bead.zh[0] + 1), range(bead.en[0], bead.en[-1] + 1)) > margin

    linked = {i for b in beads if b.en and not (len(b.zh) == 1 and astray(b)) for i in b.zh}
    runs, run = [], []
    for i in range(scorer.n + 1):
        if i < scorer.n and i not in linked and i not in blocked:
            run.append(i)
        else:
            if run:
                runs.append(run)
            run = []
    added: list[Bead] = []
    for run in runs:
        anchors = [(i, j, score - noise.threshold[i]) for i in run if not captions[i]
                   for score, j in noise.coverage[i].best[:1] if j not in claimed and score > noise.threshold[i]]
        chain = monotone_anchors(anchors)
        if len(chain) < MOVED_LINES:
            continue
        first, last = chain[0][1], chain[-1][1]
        if sum(j in claimed for j in range(first, last + 1)) > CLAIMED_SHARE * (last + 1 - first):
            continue  # no stretch the path left free: the lines' matches are scattered
        lo, hi = first, last + 1
        while lo > 0 and lo - 1 not in claimed and first - lo < GAP_SENTENCES:
            lo -= 1
        while hi < scorer.m and hi not in claimed and hi - last - 1 < GAP_SENTENCES:
            hi += 1
        segment = _Segment(range(run[0], run[-1] + 1), range(lo, hi))
        for bead in _align_segment(scorer, noise, lengths, segment, blocked, captions, en_captions, sections):
            free = tuple(j for j in bead.en if j not in claimed)
            if bead.zh and free:
                added.append(Bead(bead.zh, free, bead.gain))
                claimed.update(free)
    if not added:
        return list(beads)
    moved = {i for b in added for i in b.zh}
    return sorted([b for b in beads if not (set(b.zh) & moved)] + added, key=_reading_order)


def _fill_gaps(beads: Sequence[Bead], scorer: PairScorer, noise: Noise, captions: Sequence[bool],
               blocked: set[int], pinned: set[int] = frozenset()) -> list[Bead]:
    """Link an unlinked line that sits between links to nearby sentences, on weaker evidence.

    Position is evidence too: a line whose neighbours express sentences ``p`` and ``q`` (close
    together) most likely expresses one of ``p … q``; a summary rephrases such a line freely,
    so a score above the line's evidence floor is enough there, not its full threshold.
    """
    sentences_of = _sentences_by_line(beads)
    # Kept up as lines are linked: rebuilt for each line, it made the pass quadratic.
    claimed = {*pinned, *(j for sentences in sentences_of.values() for j in sentences)}
    lines = sorted({i for b in beads for i in b.zh})
    for i in lines:
        if i in sentences_of or captions[i] or i in blocked:
            continue
        before = _neighbour_sentence(sentences_of, range(i - 1, max(-1, i - 1 - GAP_LINES), -1), -1)
        after = _neighbour_sentence(sentences_of, range(i + 1, i + 1 + GAP_LINES), 0)
        if before is not None and after is not None and 0 <= after - before <= GAP_SENTENCES:
            score, j = max((scorer.score(range(i, i + 1), range(j, j + 1)), j) for j in range(before, after + 1))
            if score > noise.floor[i]:
                sentences_of[i] = (j,)
                claimed.add(j)
                continue
        # Its best match is next to where its neighbours point, and a real match: the
        # sentence was already taken by another line nearby (a summary repeats itself).
        near = [k for k in (before, after) if k is not None]
        best = noise.coverage[i].best
        if near and best and best[0][0] > noise.threshold[i] and \
                best[0][0] - noise.coverage[i].rival > RELINK_MARGIN * noise.spread and \
                min(abs(best[0][1] - k) for k in near) <= GAP_SENTENCES:
            sentences_of[i] = (best[0][1],)
            claimed.add(best[0][1])
            continue
        # One neighbour alone places it (the other side is an addition, or a passage the
        # summary moved): after a link to ``p`` it goes on with ``p`` or a sentence nobody
        # claims soon after ``p``; before a link to ``q`` it leads into ``q`` or a free sentence
        # shortly before. Its full threshold is needed, but no margin over the rest of the
        # text: position is the margin. Neighbours are looked for further away than above,
        # past a line the summary moved out of order and the lines it stranded.
        before = _neighbour_sentence(sentences_of, range(i - 1, max(-1, i - 1 - PLACE_LINES), -1), -1)
        after = _neighbour_sentence(sentences_of, range(i + 1, i + 1 + PLACE_LINES), 0)
        window = set()
        if before is not None:
            window.update(range(before + 1, min(scorer.m, before + 1 + PLACE_SENTENCES)))
        if after is not None:
            window.update(range(max(0, after - PLACE_SENTENCES), after))
        window = (window - claimed) | {k for k in (before, after) if k is not None}
        if window:
            score, j = max((scorer.score(range(i, i + 1), range(j, j + 1)), j) for j in sorted(window))
            if score > noise.threshold[i]:
                sentences_of[i] = (j,)
                claimed.add(j)
    out = [b for b in beads if b.en or not b.zh]
    out.extend(Bead((i,), sentences_of.get(i, ())) for b in beads if b.zh and not b.en for i in b.zh)
    return sorted(out, key=_reading_order)


_LEAD_IN = re.compile(r"[:：]\s*$")
_GOES_ON = re.compile(r"(?:——|—|…+|\.\.\.)\s*$")


def _link_lead_ins(beads: Sequence[Bead], scorer: PairScorer, noise: Noise, zh_texts: Sequence[str],
                   en_texts: Sequence[str], captions: Sequence[bool], blocked: set[int],
                   pinned: set[int] = frozenset()) -> list[Bead]:
    """Link an unlinked line that ends mid-sentence to the sentence its next line starts from.

    A line ending in a dash goes on in the next line ("…一个明确的目标——" / "拿下一份工业界研究岗"):
    both halves render the next line's first sentence. The dash places the line, so a score
    above its evidence floor is enough, as for a line between two links; a line sharing
    nothing with that sentence stays unlinked.

    A line ending in a colon introduces what follows. When the sentence just before the
    next line's first one is free and ends in a colon as well ("他目前主要做三件事:" / "The
    things I do are:"), the two introduce the same thing: that sentence is the line's, even
    when the summary words it differently.
    """
    first_of = {b.zh[0]: b.en[0] for b in beads if b.zh and b.en}
    claimed = _claimed(beads, pinned)
    out = list(beads)
    for k, bead in enumerate(beads):
        if len(bead.zh) != 1 or bead.en:
            continue
        line = bead.zh[0]
        after = first_of.get(line + 1)
        if after is None or captions[line] or line in blocked:
            continue
        text = zh_texts[line]
        if _GOES_ON.search(text):
            target = after
            placed = scorer.score(range(line, line + 1), range(after, after + 1)) > noise.floor[line]
        elif _LEAD_IN.search(text) and after > 0 and after - 1 not in claimed:
            target = after - 1
            placed = bool(_LEAD_IN.search(en_texts[target]))
        else:
            continue
        if placed:
            out[k] = Bead(bead.zh, (target,), bead.gain)
            claimed.add(target)
    return out


def _reach_over(beads: Sequence[Bead], scorer: PairScorer, noise: Noise, captions: Sequence[bool],
                en_captions: Sequence[bool], blocked: set[int], pinned: set[int] = frozenset()) -> list[Bead]:
    """Add to a line's link a sentence a little past either end that it clearly renders, when
    the sentences between are ones the summary skips.

    A summary line may condense sentences that are not next to each other ("…optimise gaits,
    avoid obstacles, even fly" takes two sentences, skips two, and takes a fifth); a link is
    one run of sentences, so the search stops at the first two. A free sentence at most
    ``REACH_SENTENCES`` past either end joins the link when the line alone matches it well
    above its threshold and every sentence between is free as well (a link never reaches
    across another line's). The sentence right next to the link is not reopened: the search
    has already weighed it.
    """
    claimed = _claimed(beads, pinned)
    out = []
    for bead in beads:
        if len(bead.zh) == 1 and bead.en and bead.zh[0] not in blocked and not captions[bead.zh[0]]:
            line, first, last = bead.zh[0], bead.en[0], bead.en[-1]
            bar = noise.threshold[line] + REACH_LEVELS * noise.spread
            # Each candidate with the sentences from it to the link, which must all be free.
            spans = [(j, range(j, first)) for j in range(max(0, first - 1 - REACH_SENTENCES), first - 1)]
            spans += [(j, range(last + 1, j + 1)) for j in range(last + 2, min(scorer.m, last + 2 + REACH_SENTENCES))]
            found = [j for j, span in spans if not claimed.intersection(span) and not en_captions[j]
                     and scorer.score(range(line, line + 1), range(j, j + 1)) > bar]
            if found:
                claimed.update(found)
                bead = Bead(bead.zh, tuple(sorted({*bead.en, *found})), bead.gain)
        out.append(bead)
    return out


def _close_gaps(beads: Sequence[Bead], scorer: PairScorer, captions: Sequence[bool], en_captions: Sequence[bool],
                blocked: set[int], pinned: set[int] = frozenset()) -> list[Bead]:
    """Give the few free sentences between two consecutive lines' links to the line whose score
    they raise.

    A line translating a paragraph whole may be linked to its first sentence only: the search
    charges each further sentence the line barely touches, and a paragraph's middle sentences
    share few dictionary words with their rendering ("Visits had doubled" and 来馆人数翻了一番).
    When the next line's link starts a few sentences on and nothing claims those between, one
    of the two lines rendered them: each goes to the line before for as long as it raises that
    line's score by ``GAP_GAIN``, what is left to the line after in the same way, and the rest
    stay skipped. A summary skips sentences between its lines too, but a skipped sentence
    lowers a line's score: its words are not in the line.
    """
    claimed = _claimed(beads, pinned)
    linked = [b for b in beads if b.zh and b.en]
    # Lines sharing a sentence are merged into one link later (``_merge_shared``): grown apart,
    # they would claim that sentence twice. They are left as they are.
    count = Counter(j for b in linked for j in b.en)
    linked_alone = [b for b in linked if all(count[j] == 1 for j in b.en)]
    extra: dict[int, list[int]] = {}
    for before, after in zip(linked_alone, linked_alone[1:]):
        gap = range(before.en[-1] + 1, after.en[0])
        if after.zh[0] != before.zh[-1] + 1 or not gap or len(gap) > GAP_SENTENCES or \
                any(j in claimed or en_captions[j] for j in gap):
            continue
        taken = _rising(scorer, before, gap, captions, blocked)
        rest = [j for j in gap if j not in taken]
        extra.setdefault(before.zh[0], []).extend(taken)
        extra.setdefault(after.zh[0], []).extend(_rising(scorer, after, rest[::-1], captions, blocked))
    return [Bead(b.zh, tuple(sorted({*b.en, *extra[b.zh[0]]})), b.gain) if b.zh and b.en and extra.get(b.zh[0]) else b
            for b in beads]


def _rising(scorer: PairScorer, bead: Bead, sentences: Sequence[int], captions: Sequence[bool],
            blocked: set[int]) -> list[int]:
    """Of ``sentences`` (the nearest to the link first), those the bead's line takes in one by
    one while each raises its score by ``GAP_GAIN``."""
    if len(bead.zh) != 1 or bead.zh[0] in blocked or captions[bead.zh[0]]:
        return []
    line, span = range(bead.zh[0], bead.zh[0] + 1), set(bead.en)
    best = scorer.score(line, range(min(span), max(span) + 1))
    taken = []
    for j in sentences:
        span.add(j)
        score = scorer.score(line, range(min(span), max(span) + 1))
        if score < best + GAP_GAIN:
            break
        best = score
        taken.append(j)
    return taken


def _place_headings(beads: Sequence[Bead], scorer: PairScorer, noise: Noise, numbers: Sequence[int | None],
                    zh_headings: Sequence[bool], en_headings: Sequence[bool], blocked: set[int],
                    pinned: set[int] = frozenset()) -> list[Bead]:
    """Link an unlinked heading of the summary to the source's heading where both sections begin.

    A summary retitles the sections it keeps ("一、困在“论文工厂”里的三年" for "Inside the paper
    mill"), so a heading pair shares a word or two at most and rarely passes a threshold set
    for running text. Structure places it instead: when the last sentence the lines before
    the heading express and the first one the lines after it express enclose exactly one
    heading of the source, nobody else's, the two headings open the same section. A score
    above the line's evidence floor is still needed: a summary also puts headings of its
    own where the source has one, and those share nothing with it. Unless the numbers agree:
    the summary's heading numbered 五 (五／, 05, 第五章) and the source's fifth section heading
    (the title not counted) open the same section, whatever words each chose.
    """
    # The source's section headings in order, the title (a heading opening the text) not counted.
    ordinal, count = {}, 0
    for j, heading in enumerate(en_headings):
        if heading and j > 0:
            count += 1
            ordinal[j] = count
    first_numbered = next((i for i, number in enumerate(numbers) if number is not None), None)
    text = {i: sentences for i, sentences in _sentences_by_line(beads).items() if not zh_headings[i]}
    claimed = _claimed(beads, pinned)
    placed = {}
    for bead in beads:
        if len(bead.zh) != 1 or bead.en or not zh_headings[bead.zh[0]] or bead.zh[0] in blocked:
            continue
        line = bead.zh[0]
        before = _neighbour_sentence(text, range(line - 1, -1, -1), -1)
        after = _neighbour_sentence(text, range(line + 1, scorer.n), 0)
        first = before + 1 if before is not None else 0
        last = after if after is not None else scorer.m
        enclosed = [j for j in range(first, last) if en_headings[j]]
        if line == first_numbered:
            # The lead before the first numbered heading may quote its section: the lines before
            # place nothing, the section of its number need only begin last before the lines after.
            enclosed = [j for j in range(last - 1, -1, -1) if en_headings[j]][:1]
        if len(enclosed) == 1 and enclosed[0] not in claimed and (
                numbers[line] is not None and ordinal.get(enclosed[0]) == numbers[line]
                or scorer.score(range(line, line + 1), range(enclosed[0], enclosed[0] + 1)) > noise.floor[line]):
            placed[line] = enclosed[0]
            claimed.add(enclosed[0])
    return [Bead(b.zh, (placed[b.zh[0]],), b.gain) if b.zh and b.zh[0] in placed else b for b in beads]


TURN_SENTENCES = 5
"""Most sentences of the host's turn a digest's one-line question renders."""


def _place_questions(beads: Sequence[Bead], zh_texts: Sequence[str], en_texts: Sequence[str],
                     blocked: set[int], pinned: set[int] = frozenset()) -> list[Bead]:
    """Link a Q&A digest's question to the interviewer's turn before the answer it introduces.

    An interview digest rewrites the interviewer's long, spoken questions into a few words
    (问：为什么离开？ for "You had a big team, a huge cluster… Why walk away from that?"), which
    share too little with them to link on their words. The transcript's turns (``turns``) place
    them: the question stands right before its answer (答：…), and the answer renders the guest's
    turn; the turn before that one, another speaker's, is the question. The answer also renders
    its turn from the start (the guest's "I think timing, mostly." before the sentences it retells).
    """
    turns = Turns.read(en_texts)
    if not turns.found:
        return list(beads)
    speakers = turns.speakers
    claimed = _claimed(beads, pinned)
    sentences_of = _sentences_by_line(beads)
    placed: dict[int, tuple[int, ...]] = {}
    for answer, text in enumerate(zh_texts):
        if not is_answer(text) or answer not in sentences_of or answer in blocked:
            continue
        first = sentences_of[answer][0]
        start = turns.start(first)
        if speakers[first] is None or first - start > 2 or any(j in claimed for j in range(start, first)):
            continue
        if start < first:  # the answer's turn opens before the sentences it was linked to
            placed[answer] = tuple(range(start, first)) + sentences_of[answer]
            claimed.update(range(start, first))
        question = answer - 1
        if (question < 0 or not is_question(zh_texts[question]) or question in blocked
                or start == 0 or speakers[start - 1] in (None, speakers[first])):
            continue
        asked = range(turns.start(start - 1), start)
        own = set(sentences_of.get(question, ()))
        # The question's own link, if any, lies in that turn: the turn is what it renders.
        if len(asked) <= TURN_SENTENCES and own <= set(asked) and not any(j in claimed - own for j in asked):
            placed[question] = tuple(asked)
            claimed.update(asked)
    if not placed:
        return list(beads)
    out = [Bead(b.zh, placed[b.zh[0]], b.gain) if len(b.zh) == 1 and b.zh[0] in placed else b for b in beads]
    return sorted(out, key=_reading_order)


_NAMES_TITLE = re.compile(r"(?:题为|标题|题目)[^《〈。，,]{0,6}[《〈]")
"""A line quoting the essay's title as such: 这篇题为〈…〉的文章, 博文的标题颇为自嘲：《…》."""


def _name_the_title(beads: Sequence[Bead], scorer: PairScorer, noise: Noise, zh_texts: Sequence[str],
                    zh_headings: Sequence[bool], en_headings: Sequence[bool], blocked: set[int],
                    pinned: set[int] = frozenset()) -> list[Bead]:
    """Link the line that quotes the essay's title, as its title, to the source's title.

    A summary names the essay it retells in a line of running text (这篇题为〈…〉的文章在社群
    平台上广为转传), which no heading-to-heading rule places, and whose other words (转传, the
    essay's topic) match some sentence nearby. Quoting the title as the title is what the
    line does: it links to the source's title, when its words match that title's above the
    line's evidence bar, and to nothing else.
    """
    if not en_headings or not en_headings[0] or 0 in _claimed(beads, pinned):
        return list(beads)
    candidates = [(scorer.score(range(i, i + 1), range(0, 1)), i) for i, text in enumerate(zh_texts)
                  if not zh_headings[i] and i not in blocked and _NAMES_TITLE.search(text)]
    score, line = max(candidates, default=(0.0, -1))
    if line < 0 or score <= noise.evidence[line]:
        return list(beads)
    out = []
    for bead in beads:
        # A line amid others sharing one sentence stays with them; one at their edge leaves them.
        if line not in bead.zh or line not in (bead.zh[0], bead.zh[-1]):
            out.append(bead)
            continue
        staying = tuple(i for i in bead.zh if i != line)
        out += [Bead((line,), (0,), score)] + ([Bead(staying, bead.en, bead.gain)] if staying else [])
    return sorted(out, key=_reading_order)


def _reading_order(bead: Bead) -> tuple[int, int]:
    """Sort key of beads: by first Chinese line, a sentence alone by its place among them."""
    return (bead.zh[0] if bead.zh else -1, bead.en[0] if bead.en else -1)


def _sentences_by_line(beads: Sequence[Bead]) -> dict[int, tuple[int, ...]]:
    """Line → the sentences its link expresses, for every linked line."""
    return {line: b.en for b in beads if b.en for line in b.zh}


def _claimed(beads: Sequence[Bead], pinned: set[int]) -> set[int]:
    """Sentences a line's link or a curator's pin already expresses."""
    return {*pinned, *(j for b in beads if b.zh for j in b.en)}


def _neighbour_sentence(sentences_of: dict[int, tuple[int, ...]], lines: range, end: int) -> int | None:
    """First (``end=0``) or last (``end=-1``) sentence of the nearest of ``lines`` that is linked."""
    return next((sentences_of[k][end] for k in lines if k in sentences_of), None)


def _trim_shared_edges(beads: Sequence[Bead], scorer: PairScorer, blocked: set[int]) -> list[Bead]:
    """Take the first or last sentence of a one-to-many link away from it when the line next
    to it links to that one sentence alone and matches it better.

    The search may stretch a link over a sentence that the neighbouring line, left unlinked
    there, renders; once ``_fill_gaps`` has linked that neighbour, the sentence is claimed twice.
    """
    single = {b.zh[0]: b.en[0] for b in beads if len(b.zh) == 1 and len(b.en) == 1}
    out = []
    for bead in beads:
        if len(bead.zh) == 1 and len(bead.en) > 1 and bead.zh[0] not in blocked:
            line, sentences = bead.zh[0], list(bead.en)
            for neighbour, k in ((line - 1, 0), (line + 1, -1)):
                j = sentences[k]
                if len(sentences) > 1 and single.get(neighbour) == j and \
                        scorer.score(range(neighbour, neighbour + 1), range(j, j + 1)) > \
                        scorer.score(range(line, line + 1), range(j, j + 1)):
                    sentences.remove(j)
            bead = Bead(bead.zh, tuple(sentences), bead.gain)
        out.append(bead)
    return out


def _merge_shared(beads: Sequence[Bead], blocked: set[int] = frozenset()) -> list[Bead]:
    """Consecutive lines that each express the same single sentence become one link (a pinned
    line stays a link of its own)."""
    out: list[Bead] = []
    for bead in beads:
        last = out[-1] if out else None
        if (last and bead.zh and last.zh and bead.en and len(bead.en) == 1 and last.en == bead.en
                and bead.zh[0] == last.zh[-1] + 1 and not blocked.intersection((*last.zh, *bead.zh))):
            out[-1] = Bead(last.zh + bead.zh, bead.en, last.gain + bead.gain)
        else:
            out.append(bead)
    return out


def _alignment(beads, fixed, noise: Noise, scorer: PairScorer, zh_units, en_units) -> Alignment:
    by_line: dict[int, Link] = {}
    for line, sentences in fixed.items():
        if sentences:
            by_line[line] = Link((zh_units[line].id,), tuple(en_units[j].id for j in sentences), 1.0, True, True)
    for bead in beads:
        if not bead.zh or not bead.en or bead.zh[0] in fixed:
            continue
        score = scorer.score(range(bead.zh[0], bead.zh[-1] + 1), range(bead.en[0], bead.en[-1] + 1))
        confidence = round(noise.confidence(score, bead.zh), 3)
        by_line[bead.zh[0]] = Link(tuple(zh_units[i].id for i in bead.zh),
                                   tuple(en_units[j].id for j in bead.en),
                                   confidence, confidence >= CONFIDENT)
    links = tuple(by_line[line] for line in sorted(by_line))
    linked_zh = {z for link in links for z in link.zh}
    linked_en = {e for link in links for e in link.en}
    return Alignment(links,
                     tuple(u.id for u in zh_units if u.id not in linked_zh),
                     tuple(u.id for u in en_units if u.id not in linked_en))
