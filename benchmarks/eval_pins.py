"""How much a curator's pin disturbs the lines around it; prints figures, asserts nothing.

    python benchmarks/eval_pins.py

Each line of every gold section used to choose parameters (the real pair's ``tune`` half and
the written pairs) is pinned alone to its gold sentences, and the other lines' links are
scored against the gold as without the pin. A pin should change its own line and nothing
else: the figure is how much F1 the other lines lose on average, and how many pins cost any.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from duizhao.aligner import align_article  # noqa: E402
from duizhao.evaluate import ResolvedGold, read_gold, resolve, score  # noqa: E402
from duizhao.model import PinnedLink  # noqa: E402
from eval_align import GOLD, cleaned_pair  # noqa: E402


def main() -> int:
    drops, hurt = [], []
    for gold_file in sorted(GOLD.glob("*.gold")):
        zh, en = cleaned_pair(gold_file)
        entries = read_gold(gold_file)
        part = "tune" if any(entry.part == "tune" for entry in entries) else None
        gold = resolve(entries, zh, en, part)
        unpinned = align_article(zh, en)
        for line, sentences in gold.sources:
            others = ResolvedGold(tuple(s for s in gold.sources if s[0] != line), gold.unresolved)
            pinned = align_article(zh, en, (PinnedLink(line, tuple(sorted(sentences))),))
            drop = score(unpinned, others).f1 - score(pinned, others).f1
            drops.append(max(0.0, drop))  # a pin that happens to help its neighbours offsets nothing
            if drop > 0.001:
                hurt.append((drop, gold_file.stem, line))
    print(f"{len(drops)} pins: the other lines lose {sum(drops) / len(drops):.4f} F1 on average; "
          f"{len(hurt)} pins cost them any")
    for drop, name, line in sorted(hurt, reverse=True)[:5]:
        print(f"    {drop:.3f}  {name} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
