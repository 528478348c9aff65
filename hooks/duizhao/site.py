"""Everything the site needs from the corpus, computed once per build before MkDocs writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .corpus import CleaningReport, load_corpus
from .errors import fail
from .model import Corpus
from .render import article_page, article_path
from .report import report_page
from .script import DEFAULT_TRADITIONAL

REPORT_PATH = "report.md"


@dataclass(frozen=True)
class Settings:
    """The ``extra.duizhao`` section of ``mkdocs.yml``."""

    translations: str = "translations"
    """Folder holding one sub-folder per article, relative to ``mkdocs.yml``."""
    traditional: str = DEFAULT_TRADITIONAL
    """OpenCC configuration for the Traditional rendering (``s2t``, ``s2tw``, ``s2twp``, ``s2hk``)."""

    @classmethod
    def from_extra(cls, extra: dict) -> "Settings":
        values = dict(extra.get("duizhao") or {})
        unknown = set(values) - {"translations", "traditional"}
        if unknown:
            raise fail("mkdocs.yml", f"unknown setting(s) under extra.duizhao: {', '.join(sorted(unknown))}")
        return cls(**values)


@dataclass(frozen=True)
class SiteContent:
    """The generated pages (docs-relative path → Markdown) and what they came from."""

    corpus: Corpus
    reports: tuple[CleaningReport, ...]
    pages: tuple[tuple[str, str], ...]
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Navigation sections of generated pages: (section title, page paths) in order."""

    def navigation(self, hand_written: list[str]) -> list:
        """The site navigation: home, generated sections, then the hand-written pages."""
        nav: list = [{"首页 Home": "index.md"}]
        nav += [{title: list(paths)} for title, paths in self.sections]
        nav += [path for path in sorted(hand_written) if path != "index.md"]
        nav.append({"清洗报告 Cleaning report": REPORT_PATH})
        return nav


def build_content(project_root: Path, settings: Settings) -> SiteContent:
    """Load and clean the corpus and render every generated page."""
    corpus, reports = load_corpus(project_root / settings.translations, project_root, settings.traditional)
    articles = [(article_path(a.meta.slug), article_page(a)) for a in corpus.articles]
    pages = [*articles, (REPORT_PATH, report_page(reports))]
    sections = (("文章 Articles", tuple(path for path, _ in articles)),)
    return SiteContent(corpus, reports, tuple(pages), sections)
