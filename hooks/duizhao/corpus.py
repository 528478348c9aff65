"""Loading the whole corpus: every article folder under ``translations/``, cleaned.

Problems from all articles are collected and raised together, so a curator fixes
them in one pass rather than one build per mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .aligner import align_article
from .clean import clean_chinese, clean_english
from .errors import InputError, Problem, fail
from .fixlog import CleaningLog
from .ingest import display_path, load_meta, load_overrides, meta_line, read_lines
from .model import Article, Corpus, PinnedLink
from .script import DEFAULT_TRADITIONAL, to_simplified, to_traditional, traditional_for


@dataclass(frozen=True)
class CleaningReport:
    """What cleaning did to one article, for the curator."""

    slug: str
    zh: CleaningLog
    en: CleaningLog | None


def load_corpus(root: Path, project_root: Path | None = None,
                traditional: str = DEFAULT_TRADITIONAL) -> tuple[Corpus, tuple[CleaningReport, ...]]:
    """Read and clean every article folder in ``root`` (sorted by folder name)."""
    display_root = project_root or root.parent
    if not root.is_dir():
        raise fail(str(root), "the translations folder does not exist")
    articles, reports, problems = [], [], []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        try:
            article, report = load_article(folder, display_root, traditional)
        except InputError as error:
            problems.extend(error.problems)
            continue
        articles.append(article)
        reports.append(report)
    if problems:
        raise InputError(problems)
    if not articles:
        raise fail(str(root), "no article folders found")
    return Corpus(tuple(articles)), tuple(reports)


def load_article(folder: Path, display_root: Path, traditional: str = DEFAULT_TRADITIONAL) -> tuple[Article, CleaningReport]:
    """Read, validate and clean one article folder."""
    meta = load_meta(folder, display_root)
    meta = replace(meta, title_zh=to_simplified(meta.title_zh))
    overrides = load_overrides(folder, display_root)
    zh_path = folder / "zh.txt"
    zh_name = display_path(zh_path, display_root)
    if not zh_path.exists():
        raise fail(zh_name, "missing: every article needs its Chinese text in zh.txt")
    zh_lines = read_lines(zh_path, zh_name)
    zh, zh_log = clean_chinese(zh_lines, zh_name, overrides, traditional)
    _refuse_garbled(zh_lines, zh_log, zh_name)
    if zh.script != meta.script:
        # The page says which script the text came in, and the 繁體 view keeps its words: both
        # must be the text's own. The script is judged on the text itself (``fixers_zh``).
        found = {"hans": "Simplified (hans)", "hant": "Traditional (hant)"}[zh.script]
        raise fail(display_path(folder / "meta.yml", display_root),
                   f"field 'script' says '{meta.script}', but {zh_name} is written in {found} script: "
                   f"write script: {zh.script}", meta_line(folder, "script"))
    en = en_log = None
    en_path = folder / "en.txt"
    if en_path.exists():
        en_name = display_path(en_path, display_root)
        en, en_log = clean_english(read_lines(en_path, en_name, english=True), en_name, overrides, summary=zh)
    check_pins(overrides, zh, en)
    alignment = align_article(zh, en, overrides.links) if en else None
    if alignment and alignment.unrelated:
        raise fail(en_name, f"does not seem to be the source of {zh_name}: {alignment.unrelated}. "
                            "Put the right English text here, or pin a link in overrides.yml (align:) "
                            "if it is the source")
    title_hant = to_traditional(meta.title_zh, traditional_for(zh.script, traditional))
    article = Article(meta, zh, en, overrides.path, alignment, title_hant)
    return article, CleaningReport(meta.slug, zh_log, en_log)


GARBLED_SHARE = 0.5
"""Share of a text's lines holding mojibake from which the whole file, not a few lines, is
taken to be garbled: a fix: entry mends a line, not a file decoded in the wrong encoding."""


def _refuse_garbled(lines, log, name: str) -> None:
    """Stop on a text most of whose lines hold mojibake (a UTF-8 file once read as GBK and
    saved so): it would publish as unreadable, with every line left to review.

    A few damaged lines (the Felix Hill summary has ten of 130) are repaired by the curator.
    """
    damaged = sorted({problem.line for problem in log.problems if problem.message.startswith("mojibake")})
    written = sum(1 for line in lines if line.text.strip())
    if len(damaged) >= 3 and len(damaged) >= GARBLED_SHARE * written:
        raise fail(name, f"{len(damaged)} of its {written} lines hold mojibake (the first on line {damaged[0]}): "
                         "the text was read in the wrong encoding before it was saved. Get it again, or convert "
                         "it from the encoding it was written in; a few damaged lines are mended with fix: "
                         "entries in overrides.yml instead", damaged[0])


@dataclass(frozen=True)
class Pins:
    links: tuple[PinnedLink, ...]
    """The pins that name paragraphs and sentences of these texts, each paragraph once."""
    problems: tuple[Problem, ...]
    """What is wrong with the others."""


def usable_pins(overrides, zh, en) -> Pins:
    """The overrides' pins checked against the texts: each must name paragraphs and sentences
    that exist, and pin a paragraph once."""
    zh_ids = {block.id for block in zh.blocks}
    en_ids = {s.id for block in en.blocks for s in block.sentences} if en else set()
    problems, links = [], []
    first_pin: dict[str, int] = {}
    for pin in overrides.links:
        found = []
        if pin.zh in first_pin:
            found.append(Problem(overrides.path, f"align pins '{pin.zh}' a second time (first on line "
                                                 f"{first_pin[pin.zh]}): keep one entry", pin.at))
        first_pin.setdefault(pin.zh, pin.at)
        if pin.zh not in zh_ids:
            found.append(Problem(overrides.path, f"align names unknown Chinese paragraph '{pin.zh}' (the ids are "
                                                 "those of `duizhao align zh.txt en.txt`, or of the paragraph link "
                                                 "beside each paragraph on its page)", pin.at))
        for sid in pin.en:
            if sid not in en_ids:
                found.append(Problem(overrides.path, f"align names unknown English sentence '{sid}' (the ids are "
                                                     "those of `duizhao align zh.txt en.txt --json`)", pin.at))
        problems += found
        if not found:
            links.append(pin)
    return Pins(tuple(links), tuple(problems))


def check_pins(overrides, zh, en) -> None:
    """Pinned links must name paragraphs and sentences that exist, each paragraph once."""
    problems = list(usable_pins(overrides, zh, en).problems)
    if problems:
        raise InputError(problems)

