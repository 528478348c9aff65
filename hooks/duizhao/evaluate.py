"""Scoring an alignment against a hand-checked gold file.

Gold entries name Chinese lines by raw line number (checked against a text prefix) and
English sentences by a phrase they contain, never by anchor ids: cleaning and sentence
splitting may change, the gold stays valid. Entries are resolved against the cleaned
texts at evaluation time.

Figures: link precision/recall/F1 over (Chinese block, English sentence) pairs, and
*null accuracy*, the share of Chinese blocks without source that the alignment also
leaves without a link.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import astuple, dataclass
from pathlib import Path

from .errors import fail
from .model import Alignment, CleanText
from .script import to_simplified

_ENTRY = re.compile(r"^(\d+)\s+(.+?)\s*=>\s*(.*)$")


@dataclass(frozen=True)
class GoldEntry:
    """One line of a gold file."""

    line: int
    """Line of the raw Chinese file."""
    prefix: str
    """Start of that line's text."""
    keys: tuple[str, ...] | None
    """Phrases naming the English sentences; empty for no source; None when not scored."""
    part: str
    """Section of the gold file: ``tune`` or ``held-out``."""
    at: int
    """Line of the gold file (for error messages)."""


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    null_accuracy: float
    links: int
    """Gold (block, sentence) pairs scored."""
    nulls: int
    """Gold blocks without source scored."""
    unresolved: int
    """Gold entries or keys that no longer match the cleaned texts (removed by cleaning)."""

    def __str__(self) -> str:
        return (f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"null-accuracy={self.null_accuracy:.3f} (pairs={self.links} nulls={self.nulls} "
                f"unresolved={self.unresolved})")


def read_gold(path: Path) -> tuple[GoldEntry, ...]:
    """Parse a gold file (format described in its header)."""
    entries, part = [], ""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        if text.startswith("[") and text.endswith("]"):
            part = text[1:-1]
            continue
        match = _ENTRY.match(text)
        if not match:
            raise fail(str(path), f"cannot read gold entry {text!r}", number)
        target = match.group(3).strip()
        keys = None if target == "?" else () if target == "-" else tuple(k.strip() for k in target.split("|"))
        entries.append(GoldEntry(int(match.group(1)), match.group(2), keys, part, number))
    return tuple(entries)


def normalize(text: str) -> str:
    """Comparable text: NFKC, straight quotes, one space, lower case."""
    text = unicodedata.normalize("NFKC", text)
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    return " ".join(text.split()).lower()


@dataclass(frozen=True)
class ResolvedGold:
    sources: tuple[tuple[str, frozenset[str]], ...]
    """Chinese block id → English sentence ids it expresses (empty: no source)."""
    unresolved: int


def resolve(entries: tuple[GoldEntry, ...], zh: CleanText, en: CleanText, part: str | None = None) -> ResolvedGold:
    """Turn gold entries into block and sentence ids of these cleaned texts."""
    sentences = [(s.id, normalize(s.text)) for block in en.blocks for s in block.sentences]
    merged: dict[str, set[str] | None] = {}
    unresolved = 0
    for entry in entries:
        if part is not None and entry.part != part:
            continue
        block = _block_for(entry, zh)
        if block is None:
            unresolved += 1
            continue
        if entry.keys is None:
            merged.setdefault(block, None)
            continue
        found = set()
        for key in entry.keys:
            ids = [sid for sid, text in sentences if normalize(key) in text]
            if ids:
                found.add(ids[0])
            else:
                unresolved += 1
        current = merged.get(block)
        merged[block] = (current or set()) | found
    sources = tuple((block, frozenset(ids)) for block, ids in merged.items() if ids is not None)
    return ResolvedGold(sources, unresolved)


def _block_for(entry: GoldEntry, zh: CleanText) -> str | None:
    # A prefix is copied from the raw file, which may be in Traditional script; the cleaned
    # blocks are Simplified.
    prefix = normalize(to_simplified(entry.prefix))
    for block in zh.blocks:
        if entry.line in block.lines and prefix in normalize(block.text):
            return block.id
    return None


def linked_sources(alignment: Alignment) -> dict[str, set[str]]:
    """Chinese block id → the English sentence ids the alignment links it to."""
    sources: dict[str, set[str]] = {}
    for link in alignment.links:
        for zh in link.zh:
            sources.setdefault(zh, set()).update(link.en)
    return sources


@dataclass(frozen=True)
class Counts:
    """What a section's figures are made of; sections of different sizes pool by adding them.

    >>> [round(f, 3) for f in (Counts(3, 4, 6, 2, 1) + Counts(1, 1, 2)).figures()]
    [0.8, 0.5, 0.615, 0.5]
    """

    right: int = 0
    """Linked (block, sentence) pairs the gold has too."""
    linked: int = 0
    """(Block, sentence) pairs linked, over the gold's blocks."""
    pairs: int = 0
    """(Block, sentence) pairs of the gold."""
    nulls: int = 0
    """Gold blocks without source."""
    kept: int = 0
    """…of which the alignment links none."""

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(astuple(self), astuple(other))))

    def figures(self) -> tuple[float, float, float, float]:
        """Precision, recall, F1 and null accuracy."""
        precision = self.right / self.linked if self.linked else 1.0
        recall = self.right / self.pairs if self.pairs else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, self.kept / self.nulls if self.nulls else 1.0


def counts(alignment: Alignment, gold: ResolvedGold) -> Counts:
    """The counts of an alignment against the gold's blocks."""
    predicted = linked_sources(alignment)
    gold_pairs = {(zh, en) for zh, ens in gold.sources for en in ens}
    scored = {zh for zh, _ in gold.sources}
    predicted_pairs = {(zh, en) for zh, ens in predicted.items() if zh in scored for en in ens}
    nulls = [zh for zh, ens in gold.sources if not ens]
    return Counts(len(gold_pairs & predicted_pairs), len(predicted_pairs), len(gold_pairs), len(nulls),
                  sum(1 for zh in nulls if not predicted.get(zh)))


def score(alignment: Alignment, gold: ResolvedGold) -> Scores:
    """Precision, recall and F1 of links, and null accuracy, over the gold's blocks."""
    found = counts(alignment, gold)
    return Scores(*found.figures(), found.pairs, found.nulls, gold.unresolved)
