"""How long the build of the corpus takes, and where the time goes.

    .venv/bin/python benchmarks/bench_build.py [--runs N] [--no-pdf]

Stages are measured cumulatively: each entry of STAGES runs everything up to and
including its own stage, and a stage's time is its run minus the run of the entry
before it. A new stage (e.g. alignment) is one new entry, placed where it happens.
The PDF (``PDF=true``) is timed on its own, on the site the last build wrote.
Times are medians of several runs; the first run also pays for imports and caches.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from duizhao.corpus import load_corpus  # noqa: E402
from duizhao.site import Settings, build_content  # noqa: E402


@dataclass
class Run:
    """What one benchmark run works on; the full build leaves its MkDocs config here."""

    site_dir: Path
    settings: Settings
    config: object = None


@dataclass(frozen=True)
class Stage:
    name: str
    run_up_to_here: Callable[[Run], object]


def corpus(run: Run):
    return load_corpus(ROOT / run.settings.translations, ROOT, run.settings.traditional)


def pages(run: Run):
    return build_content(ROOT, run.settings)


def mkdocs(run: Run):
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(run.site_dir), strict=True)
    build(config)
    run.config = config


STAGES = (
    # load_corpus also aligns each article that has its English: until alignment can be
    # run up to separately, its time is counted here.
    Stage("corpus loading + cleaning (+ alignment)", corpus),
    Stage("rendering pages", pages),
    Stage("MkDocs + Material (search index, theme)", mkdocs),
)


def pdf(run: Run) -> None:
    """The hook's own PDF step, as ``PDF=true`` runs it after the build."""
    hooks = next(plugin for name, plugin in run.config.plugins.items() if name.endswith("build.py"))
    os.environ["PDF"] = "true"
    try:
        hooks.on_post_build(config=run.config)
    finally:
        del os.environ["PDF"]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median reported)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF measurement")
    options = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    logging.getLogger("jieba").setLevel(logging.ERROR)
    os.environ.pop("PDF", None)

    with tempfile.TemporaryDirectory() as site:
        run = Run(Path(site), Settings.from_extra(load_config(str(ROOT / "mkdocs.yml")).extra))
        cumulative = [[timed(lambda stage=stage: stage.run_up_to_here(run)) for _ in range(options.runs)]
                      for stage in STAGES]
        medians = [statistics.median(times) for times in cumulative]
        pdf_times = [] if options.no_pdf else [timed(lambda: pdf(run)) for _ in range(options.runs)]
        articles = len(pages(run).corpus.articles)

    total = medians[-1]
    print(f"duizhao build benchmark: {articles} articles, median of {options.runs} runs")
    print(f"{'stage':<48}{'seconds':>9}{'share':>8}")
    previous = 0.0
    for stage, median in zip(STAGES, medians):
        own = max(median - previous, 0.0)
        print(f"{stage.name:<48}{own:>9.2f}{own / total:>8.0%}")
        previous = median
    print(f"{'build total (mkdocs build)':<48}{total:>9.2f}{1:>8.0%}")
    if pdf_times:
        pdf_median = statistics.median(pdf_times)
        print(f"{'PDF (PDF=true, after the build)':<48}{pdf_median:>9.2f}")
        print(f"{'build total with PDF=true':<48}{total + pdf_median:>9.2f}")


if __name__ == "__main__":
    main()
