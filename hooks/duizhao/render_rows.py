"""The aligned view of an article: one row per link, Chinese left and English right.

Rows follow the Chinese reading order. English sentences the summary skips are shown
where they stand in the original, collapsed; Chinese paragraphs with no source are
marked as the summary's own additions (or as its publisher's notes, ``notes.py``). Every
row is reachable by its paragraph anchor.

Every piece with English carries ``order`` (its first sentence's place in the source): the
English-only view lays the rows out by it, so the original reads in its own order even
where the summary moved a passage. The style has no effect in the other views.
"""

from __future__ import annotations

from itertools import groupby

from .align import monotone_anchors
from .markup import (PLAIN, Decorations, addition_flag, flag, h, h_linked, md_text, permalink, shortened, with_headings,
                     zh_heading, zh_html)
from .model import Article, ArticleMeta, Block, CleanText, Link, Sentence
from .notes import is_publisher_note


def aligned_body(article: Article, deco: Decorations = PLAIN) -> list[str]:
    """Markdown lines for the aligned rows of an article with an English source."""
    alignment, en = article.alignment, article.en
    sentences = [s for block in en.blocks for s in block.sentences]
    position = {s.id: i for i, s in enumerate(sentences)}
    # A list item's bullet goes before its first sentence; its further sentences go on after it.
    kind_of = {s.id: "item-more" if block.kind == "item" and k else block.kind
               for block in en.blocks for k, s in enumerate(block.sentences)}
    # A line of code after an empty one (cleaning keeps no blank line) keeps the space above it.
    for before, block in zip(en.blocks, en.blocks[1:]):
        if block.kind == before.kind == "code" and block.lines[0] > before.lines[-1] + 1:
            kind_of[block.sentences[0].id] = "code-apart"
    block_of = {s.id: k for k, block in enumerate(en.blocks) for s in block.sentences}
    opening = {block.sentences[0].id for block in en.blocks if block.sentences}  # of a paragraph, item…
    link_of = {zh_id: link for link in alignment.links for zh_id in link.zh}
    blocks = {b.id: b for b in article.zh.blocks}
    omitted = set(alignment.omissions)
    in_order = links_in_source_order(alignment.links, position)
    shown_up_to = 0  # English position before which every skipped sentence is already shown
    shown: set[str] = set()  # sentences already on the page: a repeat must not repeat the anchor
    out: list[str] = []
    notes: list[Block] = []  # the publisher's notes in a row so far, drawn as one row with one flag
    # Where the source's last sentences go: after the row of its last sentence rendered in order.
    tail_at: int | None = None
    added: list[Block] = []  # the summary's own paragraphs in a row so far
    last_order = ""  # the latest row's place in the source: the English view shows additions after it
    for block in article.zh.blocks:
        link = link_of.get(block.id)
        note = not link and is_publisher_note(block.text, article.meta.publisher)
        if added and (link or note or block.kind == "heading"):
            out += _additions(article.meta, added, deco, last_order)
            added = []
        if note:
            notes.append(block)
            continue
        if notes:
            out += [_addition(article.meta, notes, deco), ""]
            notes = []
        if link and block.id != link.zh[0]:
            continue  # a link over several Chinese blocks is drawn once, at its first block
        inside: list[Sentence] = []  # skipped English between the link's sentences
        placed = bool(link and link.en and link.zh in in_order)
        if placed:
            first = _first_place(link.en, position, shown)
            out += _skipped(sentences[shown_up_to:first], omitted, kind_of, block_of, position, deco)
            last = max(position[e] for e in link.en)
            inside = [s for s in sentences[max(shown_up_to, first):last] if s.id in omitted]
            shown_up_to = max(shown_up_to, last + 1)
        members = [blocks[z] for z in link.zh] if link else [block]
        body = [b for b in members if b.kind != "heading"]
        if not body:  # a heading alone, linked or not
            if link and link.en:  # the English view shows what follows it after it
                last_order = _order(link.en, position, shown)
            out += _heading(block, link, sentences, position, kind_of, shown, deco)
            # English skipped between a heading's sentences (a curator's pin) follows it.
            out += _skipped(inside, omitted, kind_of, block_of, position, deco)
        elif not link:
            added.append(block)
        else:  # headings inside a link stay headings; the rest of the link is one row
            for heading in (b for b in members if b.kind == "heading"):
                out += [zh_heading(heading), ""]
            first = sentences[min(position[e] for e in link.en)]
            last_order = _order(link.en, position, shown)
            out += [_row(article.meta.slug, body, link, [sentences[position[e]] for e in link.en], kind_of, deco, shown,
                         last_order, inside, position, block_of, first.id not in opening), ""]
        shown.update(link.en if link else ())
        if placed:
            tail_at = len(out)
    if added:
        out += _additions(article.meta, added, deco, last_order)
    if notes:
        out += [_addition(article.meta, notes, deco), ""]
    # The original's end stands where the source stands, not after the summary's closing words
    # and the publisher's notes, which follow the last row rendered in order.
    tail_at = len(out) if tail_at is None else tail_at
    out[tail_at:tail_at] = _skipped(sentences[shown_up_to:], omitted, kind_of, block_of, position, deco)
    return out


def links_in_source_order(links, position: dict[str, int]) -> set[tuple[str, ...]]:
    """The links (by their Chinese ids) that follow the source's order: the heaviest chain of
    links whose sentences increase down the page. A link the summary moved (its intro
    quoting the conclusion) is left out, so the English skipped before it is shown where it
    stands in the source, not piled up above that early row.
    """
    linked = [link for link in links if link.en]
    # Ranked by first and then last sentence: a row going on from the sentence the row above it
    # ends with ([91] then [91, 92]) follows it, it does not compete with it; and rows rendering
    # the same sentences follow each other in the page's order, so the English skipped before
    # them goes above the first.
    spans = [(min(position[e] for e in link.en), max(position[e] for e in link.en), k)
             for k, link in enumerate(linked)]
    rank = {span: r for r, span in enumerate(sorted(spans))}
    chain = monotone_anchors([(k, rank[span], float(len(link.en)))
                              for k, (link, span) in enumerate(zip(linked, spans))])
    return {linked[k].zh for k, _ in chain}


def _heading(block: Block, link: Link | None, sentences: list[Sentence], position: dict[str, int],
             kind_of: dict[str, str], shown: set[str], deco: Decorations) -> list[str]:
    """A Chinese heading; its English counterpart sits beside it if that is a heading too,
    and under it as a row if the summary turned a sentence into a heading."""
    if not link or not link.en:
        return [zh_heading(block), ""]
    linked = [sentences[position[e]] for e in link.en]
    order = _order([s.id for s in linked], position, shown)
    if all(kind_of[s.id] == "heading" for s in linked):
        english = " ".join(s.text for s in linked)
        # A heading linked twice keeps its anchor at the first; English only shows that one.
        anchor = ' class="dz-heading-en dz-again"' if linked[0].id in shown else f' id="{linked[0].id}" class="dz-heading-en"'
        suffix = f' <small{anchor} lang="en">{md_text(english)}</small>'
        return [zh_heading(block, suffix=suffix, attrs=order), ""]
    spans = " ".join(_sentence(s, kind_of[s.id], block.id, s.id in shown) for s in linked)
    return [zh_heading(block), "",
            f'<div class="dz-row dz-heading-source"{order}><div class="dz-row-zh dz-none"></div>'
            f'<div class="dz-row-en" lang="en">{confidence_flag(link, deco)}<p class="dz-en">{spans}</p></div></div>', ""]


def _first_place(ids, position: dict[str, int], shown: set[str] = frozenset()) -> int:
    """Where a piece stands in the source: at its first sentence not shown above (a row may
    open with a sentence an earlier row showed; the skipped English before its new one goes
    above it), or at its first sentence if all were."""
    return min([position[i] for i in ids if i not in shown] or [position[i] for i in ids])


def _order(ids, position: dict[str, int], shown: set[str] = frozenset()) -> str:
    """The attribute that places a piece by its place in the source in the English-only view
    (the page's own pieces, title and coverage panel, keep order 0 and stay on top)."""
    return f' style="order: {_first_place(ids, position, shown) + 1}"'


def _row(slug: str, zh_blocks: list[Block], link: Link, en: list[Sentence], kind_of: dict[str, str],
         deco: Decorations, shown: set[str], order: str, inside: list[Sentence],
         position: dict[str, int], block_of: dict[str, int], continues: bool) -> str:
    """One aligned row. English the summary skips between the link's sentences (``inside``: a
    line condensing sentences apart, or a curator's pin) stays in place within the row, folded.
    Sentences from different paragraphs or list items of the source stay apart (``block_of``).
    A row whose first sentence ``continues`` a paragraph of the source is marked ``dz-cont``: the
    English-only view sets it without a gap, so that the original reads in its own paragraphs."""
    en_ids = " ".join(s.id for s in en)
    zh_ids = " ".join(b.id for b in zh_blocks)
    # Several paragraphs rendering the same sentences are marked as one group, so that
    # stacked (a phone, paper) they still read as one row above their English.
    classes = ("dz-row" + ("" if link.confident else " dz-weak") + (" dz-pinned" if link.pinned else "")
               + (" dz-shared" if len(zh_blocks) > 1 else "") + (" dz-cont" if continues else ""))
    zh_cells = "".join(_zh_paragraph(slug, b, f' data-en="{en_ids}"', deco) for b in zh_blocks)
    pieces, run, left = [], [], sorted(inside, key=lambda s: position[s.id])
    for sentence in en:
        folded = [s for s in left if position[s.id] < position[sentence.id]]
        if folded:
            pieces += [f'<p class="dz-en">{" ".join(run)}</p>'] if run else []
            pieces.append(_folded(folded, kind_of, block_of, deco))
            left, run = left[len(folded):], []
        elif run and block_of[sentence.id] != block_of[previous.id] and not _code(kind_of, sentence, previous):
            pieces.append(f'<p class="dz-en">{" ".join(run)}</p>')
            run = []
        previous = sentence
        run.append(_sentence(sentence, kind_of[sentence.id], zh_ids, sentence.id in shown))
    pieces += [f'<p class="dz-en">{" ".join(run)}</p>'] if run else []
    return (f'<div class="{classes}" data-score="{link.score:.2f}"{order}>'
            f'<div class="dz-row-zh">{zh_cells}</div>'
            f'<div class="dz-row-en" lang="en">{confidence_flag(link, deco)}{"".join(pieces)}</div></div>')


def _folded(passage: list[Sentence], kind_of: dict[str, str], block_of: dict[str, int], deco: Decorations) -> str:
    """Skipped English inside a row, folded like a skipped passage between rows (and opened
    with them in the English-only view)."""
    return (f'<details class="dz-omission dz-gap"><summary data-search-exclude="label">{_not_covered(passage, kind_of, block_of, deco)}</summary>'
            f'{_skipped_paragraphs(passage, kind_of, block_of)}</details>')


def _skipped_paragraphs(passage: list[Sentence], kind_of: dict[str, str], block_of: dict[str, int]) -> str:
    """Skipped sentences as the source's own paragraphs and list items."""
    return "".join(f'<p class="dz-en">{" ".join(_skipped_sentence(s, kind_of[s.id]) for s in paragraph)}</p>'
                   for _, paragraph in groupby(passage, key=lambda s: "code" if _code(kind_of, s) else block_of.get(s.id)))


def _code(kind_of: dict[str, str], *sentences: Sentence) -> bool:
    """Whether the sentences are lines of code: consecutive ones stand in one box."""
    return all(kind_of[s.id].startswith("code") for s in sentences)


def _not_covered(passage: list[Sentence], kind_of: dict[str, str], block_of: dict[str, int], deco: Decorations) -> str:
    """The label of a skipped passage: its sentences, not its headings, are what the summary left out."""
    total = sum(kind_of[s.id] != "heading" for s in passage)
    # Headings are counted as blocks: the splitter may cut one into two sentences.
    headings = len({block_of[s.id] for s in passage if kind_of[s.id] == "heading"})
    if not total:
        return (f'{deco.zh("原文此处的小标题未被摘要采用")} <span lang="en">'
                f'{"A heading" if headings == 1 else "Headings"} of the original the summary does not use</span>')
    if not headings:
        return (f'{deco.zh(f"原文此处 {total} 句未被摘要")} <span lang="en">{total} sentence{"s" if total > 1 else ""} '
                'of the original not covered by the summary</span>')
    # Its headings are named too: the reading guide promises each unused heading is noted.
    return (f'{deco.zh(f"原文此处 {total} 句未被摘要，另有 {headings} 个小标题未被采用")} <span lang="en">'
            f'{total} sentence{"s" if total > 1 else ""} of the original not covered by the summary, and '
            f'{"a heading" if headings == 1 else f"{headings} headings"} it does not use</span>')


def _skipped_sentence(sentence: Sentence, kind: str) -> str:
    return f'<span id="{sentence.id}" class="dz-s dz-s-{kind}">{h_linked(sentence.text)}</span>'


def _sentence(sentence: Sentence, kind: str, zh_ids: str, repeated: bool) -> str:
    """An English sentence in a row; a sentence already shown above keeps its anchor there."""
    if repeated:
        return (f'<span class="dz-s dz-s-{kind} dz-s-again" data-zh="{zh_ids}" title="同一句原文也见于上文 '
                f'This sentence is also linked above">{h_linked(sentence.text)}</span>')
    return f'<span id="{sentence.id}" class="dz-s dz-s-{kind}" data-zh="{zh_ids}">{h_linked(sentence.text)}</span>'


def confidence_flag(link: Link, deco: Decorations) -> str:
    """How far to trust a link, where it needs saying: pinned by a curator, or uncertain."""
    if link.pinned:
        return flag("pinned", deco.zh("编辑指定"), "pinned", "编辑指定的对齐 Pinned by a curator")
    if link.confident:
        return ""
    return flag("weak", deco.zh("对齐存疑"), "uncertain",
                f"低置信度对齐（{link.score:.2f}）Low-confidence link ({link.score:.2f})")


def _zh_paragraph(slug: str, block: Block, data: str, deco: Decorations) -> str:
    return (f'<p id="{block.id}" class="dz-zh dz-{block.kind}"{data}>{zh_html(block, deco)}'
            f'{deco.badges(slug, block.id)}{permalink(block.id)}</p>')


def _additions(meta: ArticleMeta, blocks: list[Block], deco: Decorations, order: str) -> list[str]:
    """The summary's own paragraphs that follow each other, a row each. The English view, which
    hides their Chinese, shows one line in their place (after the row before them, ``order``)
    saying how many there are and leading to them: the coverage panel counts them, and the
    reader of the original sees where they stand."""
    n = len(blocks)
    marker = (f'<a class="dz-added-here" href="#{blocks[0].id}" data-search-exclude="label">'
              f'{deco.zh(f"摘要在此加了 {n} 段自己的话")} <span lang="en">The summary adds '
              f'{"a paragraph" if n == 1 else f"{n} paragraphs"} of its own here</span></a>')
    rows = [_addition(meta, [block], deco, order, marker if k == 0 else "") for k, block in enumerate(blocks)]
    return [piece for row in rows for piece in (row, "")]


def _addition(meta: ArticleMeta, blocks: list[Block], deco: Decorations, order: str = "", marker: str = "") -> str:
    """A paragraph with no source, the summary's own addition; or the publisher's notes that
    follow each other (参考资料：, its addresses, 文章来源…), one row under one flag."""
    kind = "dz-note" if is_publisher_note(blocks[0].text, meta.publisher) else "dz-addition"
    cells = "".join(_zh_paragraph(meta.slug, block, "", deco) for block in blocks)
    return (f'<div class="dz-row {kind}"{order}><div class="dz-row-zh">{cells}</div>'
            f'<div class="dz-row-en dz-none">{addition_flag(deco.zh, blocks[0].text, meta.publisher)}{marker}</div></div>')


def _skipped(run: list[Sentence], omitted: set[str], kind_of: dict[str, str], block_of: dict[str, int],
             position: dict[str, int], deco: Decorations) -> list[str]:
    """The English sentences of ``run`` the summary skips, as one collapsed row.

    Where the summary moved material, sentences it renders elsewhere interrupt the run; they
    show as a marker between the skipped passages, so that the page never stacks a pile of
    one-sentence boxes between two rows.
    """
    passages: list[list[Sentence]] = [[]]
    elsewhere = [0]
    for sentence in run:
        if sentence.id in omitted:
            if elsewhere[-1]:
                passages.append([])
                elsewhere.append(0)
            passages[-1].append(sentence)
        elif passages[-1]:
            elsewhere[-1] += 1
    if not passages[0]:
        return []
    parts = []
    for k, passage in enumerate(passages):
        parts.append(_skipped_paragraphs(passage, kind_of, block_of))
        if k + 1 < len(passages):
            count = elsewhere[k]
            parts.append(f'<p class="dz-elsewhere" data-search-exclude="label">⋯ {deco.zh(f"其间 {count} 句与摘要的其他段落对应")} <span lang="en">{count} '
                         f'sentence{"s" if count > 1 else ""} in between {"are" if count > 1 else "is"} rendered '
                         'elsewhere in the summary</span> ⋯</p>')
    return [f'<details class="dz-row dz-omission"{_order([s.id for s in passages[0]], position)}><summary data-search-exclude="label">'
            f'{_not_covered([s for passage in passages for s in passage], kind_of, block_of, deco)}</summary>'
            f'<div class="dz-row-zh dz-none"></div><div class="dz-row-en" lang="en">{"".join(parts)}</div></details>',
            ""]


def coverage_panel(article: Article, deco: Decorations = PLAIN) -> str:
    """How much of the source the summary expresses, and how much of the summary is its own."""
    alignment = article.alignment
    # The figures count the original's sentences, not its headings (the map shows both).
    said = [s for block in article.en.blocks if block.kind != "heading" for s in block.sentences]
    # A publisher's note (references, credits) with no source is neither summary nor the
    # summary's addition; a paragraph linked to the English is summary, whatever it looks like.
    unlinked = set(alignment.additions)
    paragraphs = [b for b in article.zh.blocks
                  if b.kind != "heading" and not (b.id in unlinked and is_publisher_note(b.text, article.meta.publisher))]
    omitted = set(alignment.omissions)
    covered = sum(s.id not in omitted for s in said)
    additions = len([z for z in alignment.additions if z in {b.id for b in paragraphs}])
    share_covered = covered / len(said) if said else 0.0
    share_added = additions / len(paragraphs) if paragraphs else 0.0
    # A heading of the original is drawn as a thin bar between its sections, neither covered
    # nor not: the figures leave headings out, and so the map's colours count what they count.
    # One bar a heading, at its first sentence, should the splitter have cut it in two.
    headings = {block.sentences[0].id for block in article.en.blocks if block.kind == "heading" and block.sentences}
    drawn = [s for block in article.en.blocks for s in (block.sentences[:1] if block.kind == "heading" else block.sentences)]
    first_gap = next((s.id for s in said if s.id in omitted), None)
    cells = "".join(
        f'<a class="dz-cell {_cell_kind(s.id, headings, omitted)}" href="#{s.id}" '
        f'title="{h(shortened(s.text, 80))}" aria-hidden="true" tabindex="-1"></a>'
        for s in drawn
    )
    return (
        # The panel is the page's furniture, not the texts: search leaves its paragraphs out.
        '<div class="dz-coverage">'
        f'<p data-search-exclude="panel">{deco.zh("摘要表达了原文 ")}<strong>{share_covered:.0%}</strong>'
        f'{deco.zh(f" 的句子（{covered}/{len(said)}）；摘要中 ")}<strong>{share_added:.0%}</strong>'
        f'{deco.zh(f" 的段落在原文中没有对应（{additions}/{len(paragraphs)}）。")}</p>'
        f'<p lang="en" data-search-exclude="panel">The summary expresses <strong>{share_covered:.0%}</strong> of the original’s sentences '
        f'({covered}/{len(said)}); <strong>{share_added:.0%}</strong> of the summary’s paragraphs have no source '
        f'in the original ({additions}/{len(paragraphs)}).</p>'
        + (f'<p class="dz-unsure" data-search-exclude="panel">{deco.zh("两篇文字之间明确的对应太少，无法确认英文就是摘要的原文；所有对齐都标为存疑。")} '
           '<span lang="en">Too few clear matches to be sure the English is the summary’s source: every link is marked '
           'uncertain.</span></p>' if alignment.unsure else "")
        + f'<div class="dz-map" role="img" aria-label="Coverage map: {covered} of {len(said)} sentences covered">{cells}</div>'
        # Each key stays whole on a narrow screen ("小標" above "題 heading" on a phone).
        f'<p class="dz-map-legend" data-search-exclude="panel"><span class="dz-nowrap"><span class="dz-cell dz-covered"></span> '
        f'{deco.zh("已表达")} <span lang="en">covered</span></span> '
        f'<span class="dz-nowrap"><span class="dz-cell dz-skip"></span> {deco.zh("未表达")} <span lang="en">not covered</span></span>'
        + (f' <span class="dz-nowrap"><span class="dz-cell dz-heading-cell"></span> {deco.zh("小标题")} <span lang="en">heading</span></span>'
           if headings else "")
        # The map's squares take no keyboard focus (one stop a sentence would be hundreds): its
        # way in for a keyboard is the first passage not covered; each skipped passage after it
        # is a stop of its own.
        + "</p>"
        + (f'<p class="dz-map-legend"><a class="dz-first-gap" href="#{first_gap}">{deco.zh("跳到第一处未表达的原文")} '
           '<span lang="en">Go to the first passage not covered</span></a></p>' if first_gap else "")
        + "</div>"
    )


def _cell_kind(sentence: str, headings: set[str], omitted: set[str]) -> str:
    if sentence in headings:
        return "dz-heading-cell"
    return "dz-skip" if sentence in omitted else "dz-covered"


def english_body(en: CleanText) -> list[str]:
    """The English original as plain text, for an article whose alignment is not available."""

    def heading(block):
        return f"### {md_text(block.text)} {{#{block.sentences[0].id}}}"

    def paragraph(block, tag):
        spans = " ".join(f'<span id="{s.id}" class="dz-s">{h_linked(s.text)}</span>' for s in block.sentences)
        return f'<{tag} class="dz-en dz-{block.kind}" lang="en">{spans}</{tag}>'

    return with_headings(en.blocks, heading, paragraph)
