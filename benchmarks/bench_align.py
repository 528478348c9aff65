"""Speed and memory of the aligner; prints figures, asserts nothing.

    python benchmarks/bench_align.py

* start-up: CC-CEDICT lexicon load (from its cache), jieba initialization and the vocabulary of
  the glosses (which tells an English name from a word), in a fresh process;
* the real pair (translations/nathan-lambert-path-into-ai) after start-up;
* synthetic summaries of three sizes (zh lines × en sentences), with the tracemalloc peak,
  to show that memory grows linearly rather than with the product of the sizes, and of
  two lengths against a short text, to show that time grows linearly with the lines;
* endless lines (Chinese without a full stop, of two lengths) between two ordinary lines,
  cleaned and aligned against the real English: time and memory must grow with the length,
  not with its square;
* a flattened English page cleaned beside its summary, once and ten times over: the summary's
  headings looking for theirs in it.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from duizhao.aligner import Unit, align_article, align_texts  # noqa: E402
from duizhao.clean import clean_chinese, clean_english  # noqa: E402
from duizhao.ingest import read_lines  # noqa: E402
from duizhao.lexicon import load_lexicon  # noqa: E402
from duizhao.model import Line  # noqa: E402

STARTUP = """
import sys, time
sys.path.insert(0, {hooks!r})
t = time.perf_counter()
from duizhao.lexicon import load_lexicon
lexicon = load_lexicon()
t1 = time.perf_counter()
lexicon.words("预热")
t2 = time.perf_counter()
lexicon.english_names(["Warm"])
t3 = time.perf_counter()
print(f"{{t1 - t:.3f}} {{t2 - t1:.3f}} {{t3 - t2:.3f}}")
"""


def startup() -> None:
    code = STARTUP.format(hooks=str(ROOT / "hooks"))
    subprocess.run([sys.executable, "-c", code], capture_output=True)  # make sure the cache exists
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.split()
    print(f"start-up (fresh process): lexicon load {float(out[0]):.3f} s, jieba init {float(out[1]):.3f} s, "
          f"the glosses' vocabulary that tells names from words {float(out[2]):.3f} s")


def real_pair() -> None:
    folder = ROOT / "translations" / "nathan-lambert-path-into-ai"
    zh, _ = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt")
    en, _ = clean_english(read_lines(folder / "en.txt"), "en.txt")
    load_lexicon().words("预热")
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        alignment = align_article(zh, en)
        runs.append(time.perf_counter() - t)
    sentences = sum(len(b.sentences) for b in en.blocks)
    print(f"real pair {len(zh.blocks)} zh × {sentences} en: best of 3 {min(runs):.3f} s "
          f"({len(alignment.links)} links)")


def synthetic(n_zh: int, n_en: int, seed: int = 7) -> tuple[list[Unit], list[Unit]]:
    """A summary-like pair: each Chinese line renders parts of two English sentences; one in
    five lines is an addition made of words the English never uses."""
    lexicon = load_lexicon()
    rng = random.Random(seed)
    pairs = sorted((zh, keys.split()[0]) for zh, keys in lexicon.glosses.items()
                   if 2 <= len(zh) <= 3 and len(keys.split()) == 1 and keys.isalpha())
    rng.shuffle(pairs)
    vocabulary, extra = pairs[:4000], pairs[4000:6000]
    sentences = [[rng.choice(vocabulary) for _ in range(9)] for _ in range(n_en)]
    en = [Unit(f"e{j}", " ".join(w for _, w in s).capitalize() + ".") for j, s in enumerate(sentences)]
    zh, j = [], 0
    for i in range(n_zh):
        if rng.random() < 0.2:
            words = [rng.choice(extra)[0] for _ in range(5)]
        else:
            source = sentences[min(j, n_en - 1)][:4] + sentences[min(j + 1, n_en - 1)][:2]
            words = [z for z, _ in source]
            j += 2
        zh.append(Unit(f"z{i}", "，".join(words) + "。"))
    return zh, en


def synthetic_run(n_zh: int, n_en: int) -> None:
    zh, en = synthetic(n_zh, n_en)
    t = time.perf_counter()
    align_texts(zh, en)
    elapsed = time.perf_counter() - t
    tracemalloc.start()
    align_texts(zh, en)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"synthetic {n_zh} zh × {n_en} en: {elapsed:.2f} s, tracemalloc peak {peak / 1e6:.1f} MB")


def endless_line(length: int) -> None:
    folder = ROOT / "translations" / "nathan-lambert-path-into-ai"
    en, _ = clean_english(read_lines(folder / "en.txt"), "en.txt")
    rng = random.Random(length)
    han = [c for c in (folder / "zh.txt").read_text(encoding="utf-8") if "\u4e00" <= c <= "\u9fff"]
    lines = ["他回顾了读博的经历。", "".join(rng.choice(han) for _ in range(length)), "最后他谈到了开源。"]
    raw = tuple(Line(n, text) for n, text in enumerate(lines, 1))
    clean_chinese((Line(1, "预热。"),), "zh.txt")  # start-up (jieba, OpenCC, the lexicon) is not measured here
    load_lexicon().words("预热")
    tracemalloc.start()
    t = time.perf_counter()
    zh, _ = clean_chinese(raw, "zh.txt")
    align_article(zh, en)
    elapsed = time.perf_counter() - t
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"a line of {length:,} characters without a full stop: cleaned and aligned in {elapsed:.2f} s, "
          f"tracemalloc peak {peak / 1e6:.1f} MB")


def flattened_page(copies: int) -> None:
    """A written pair's English flattened into one line and repeated, cleaned beside its summary
    repeated as often: the summary's headings look for theirs among every sentence start."""
    folder = ROOT / "tests" / "gold" / "night-shift"
    # Each copy's lines numbered, or cleaning would take the copies out as repeats.
    zh_lines = [f"{copy}. {line.text}" for copy in range(1, copies + 1)
                for line in read_lines(folder / "zh.txt") if line.text.strip()]
    zh, _ = clean_chinese(tuple(Line(n, text) for n, text in enumerate(zh_lines, 1)), "zh.txt")
    page = " ".join(line.text.strip() for line in read_lines(folder / "en.txt") if line.text.strip())
    raw = (Line(1, " ".join([page] * copies)),)
    clean_english(raw, "en.txt", summary=zh)  # start-up is not measured here
    tracemalloc.start()
    t = time.perf_counter()
    en, _ = clean_english(raw, "en.txt", summary=zh)
    elapsed = time.perf_counter() - t
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    headings = sum(1 for block in zh.blocks if block.kind == "heading")
    print(f"a flattened page of {len(raw[0].text):,} characters cleaned beside a summary of {headings} headings: "
          f"{elapsed:.2f} s, tracemalloc peak {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    startup()
    real_pair()
    # …and a long summary of a short text: four times the lines must cost about four times the time.
    for size in ((250, 500), (500, 1000), (1000, 2000), (2500, 24), (10000, 24)):
        synthetic_run(*size)
    for length in (50_000, 100_000):
        endless_line(length)
    # Ten times the page and its headings: about ten times the time (the cells paired grow with
    # headings × sentence starts sharing a word, which stay few).
    for copies in (1, 10):
        flattened_page(copies)
