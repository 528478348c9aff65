"""Alignment quality against every hand-checked gold file; prints figures, asserts nothing.

    python benchmarks/eval_align.py            # one line per gold file and section
    python benchmarks/eval_align.py --errors   # also every Chinese block the aligner gets wrong
    python benchmarks/eval_align.py --kinds    # also how many links are wrong or missing, by kind
    python benchmarks/eval_align.py --marks    # also the precision of links marked confident or not
    python benchmarks/eval_align.py --run-on   # the same, each English text given as one line
    python benchmarks/eval_align.py --by-sentence  # …or one sentence a line, as a literary translation
    python benchmarks/eval_align.py --pooled   # also the figures pooled over every section but held-out

Figures: sentence-level precision, recall and F1 of links, and null accuracy (the share of
Chinese blocks without source that the aligner also leaves without a link). The gold of the
real pair has a ``tune`` section (used to choose parameters) and a ``held-out`` one (not);
the written pairs in ``tests/gold/<name>/`` each have one section. The tests hold the same
figures to floors (``tests/test_align_quality.py``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from duizhao.aligner import align_article  # noqa: E402
from duizhao.clean import clean_chinese, clean_english  # noqa: E402
from duizhao.evaluate import Counts, counts, linked_sources, read_gold, resolve, score  # noqa: E402
from duizhao.fixers_en import split_sentences  # noqa: E402
from duizhao.ingest import read_lines  # noqa: E402
from duizhao.model import Line  # noqa: E402

GOLD = ROOT / "tests" / "gold"


def pair_folder(gold: Path) -> Path:
    """A gold file's pair: ``tests/gold/<name>/`` if present, else ``translations/<name>/``."""
    written = GOLD / gold.stem
    return written if written.is_dir() else ROOT / "translations" / gold.stem


def cleaned_pair(gold_file: Path, relay=None):
    """The cleaned texts of a gold file's pair, the English laid out anew by ``relay`` if given."""
    folder = pair_folder(gold_file)
    zh, _ = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt")
    en_lines = read_lines(folder / "en.txt")
    en, _ = clean_english(relay(en_lines) if relay else en_lines, "en.txt", summary=zh)
    return zh, en


def run_on(lines):
    """The English as one line, as a web page copied without its line breaks."""
    return (Line(1, " ".join(line.text.strip() for line in lines if line.text.strip())),)


def by_sentence(lines):
    """The English one sentence a line, as a literary translation is set out."""
    return tuple(Line(n, sentence) for n, sentence in enumerate(
        (s for line in lines if line.text.strip() for s in split_sentences(line.text)), 1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the blocks aligned differently from the gold")
    parser.add_argument("--kinds", action="store_true", help="count wrong and missing links by kind")
    parser.add_argument("--marks", action="store_true",
                        help="precision of the links marked confident and of those marked uncertain")
    parser.add_argument("--run-on", action="store_true",
                        help="give the English as one line, as a web page copied without its line breaks")
    parser.add_argument("--by-sentence", action="store_true",
                        help="give the English one sentence a line, as a literary translation is set out")
    parser.add_argument("--pooled", action="store_true",
                        help="also the figures pooled over every section but the held-out one (what may be tuned on)")
    args = parser.parse_args()
    relay = run_on if args.run_on else by_sentence if args.by_sentence else None
    pooled = Counts()
    for gold_file in sorted(GOLD.glob("*.gold")):
        zh, en = cleaned_pair(gold_file, relay)
        alignment = align_article(zh, en)
        entries = read_gold(gold_file)
        for part in dict.fromkeys(entry.part for entry in entries):
            gold = resolve(entries, zh, en, part)
            print(f"{gold_file.stem:32s} {part:9s} {score(alignment, gold)}")
            if part != "held-out":
                pooled += counts(alignment, gold)
            if args.errors:
                _print_errors(alignment, gold, zh, en)
            if args.kinds:
                for kind, count in sorted(error_kinds(alignment, gold, en).items()):
                    print(f"    {count:3d}  {kind}")
            if args.marks:
                for confident, (right, pairs) in marked_precision(alignment, gold).items():
                    label = "confident" if confident else "uncertain"
                    figure = f"{right / pairs:.2f}" if pairs else "-"
                    print(f"    {label:9s} links: precision {figure} ({right} of {pairs} pairs right)")
    if args.pooled:
        precision, recall, f1, null_accuracy = pooled.figures()
        print(f"{'pooled, all but held-out':42s} P={precision:.3f} R={recall:.3f} F1={f1:.4f} "
              f"null-accuracy={null_accuracy:.3f}")
    return 0


def _print_errors(alignment, gold, zh, en) -> None:
    predicted = linked_sources(alignment)
    order = [s.id for block in en.blocks for s in block.sentences]
    text = {block.id: block.text for block in zh.blocks}
    for block, sentences in gold.sources:
        found = predicted.get(block, set())
        if found != sentences:
            print(f"    {text[block][:40]}  gold {sorted(order.index(s) for s in sentences)}"
                  f"  aligned {sorted(order.index(s) for s in found)}")


def error_kinds(alignment, gold, en) -> Counter:
    """Wrong links by distance from the gold sentence, missing links by what their line got.

    Tells a boundary problem (the neighbouring sentence taken) from an addition mistaken for
    a rendering, or a paraphrase the aligner found nothing for.
    """
    predicted = linked_sources(alignment)
    order = {s.id: k for k, s in enumerate(s for block in en.blocks for s in block.sentences)}
    kinds: Counter = Counter()
    for block, sentences in gold.sources:
        found = predicted.get(block, set())
        for sentence in found - sentences:
            if not sentences:
                kinds["wrong: the line has no source"] += 1
                continue
            distance = min(abs(order[sentence] - order[s]) for s in sentences)
            kinds["wrong: next to a gold sentence" if distance == 1 else
                  "wrong: 2-5 sentences away" if distance <= 5 else "wrong: further away"] += 1
        for _ in sentences - found:
            kinds["missing: the line is linked elsewhere" if found - sentences else
                  "missing: the line has part of its links" if found else "missing: the line is unlinked"] += 1
    return kinds


def marked_precision(alignment, gold) -> dict[bool, tuple[int, int]]:
    """Right and scored (block, sentence) pairs of the links marked confident (True) and of
    those marked uncertain (False): the mark is worth showing only if it tells them apart."""
    sources = dict(gold.sources)
    counts = {True: [0, 0], False: [0, 0]}
    for link in alignment.links:
        for block in link.zh:
            if block in sources:
                for sentence in link.en:
                    counts[link.confident][0] += sentence in sources[block]
                    counts[link.confident][1] += 1
    return {confident: (right, pairs) for confident, (right, pairs) in counts.items()}


if __name__ == "__main__":
    raise SystemExit(main())
