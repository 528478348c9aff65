"""Everything the site needs from the corpus, computed once per build before MkDocs writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .contents import source_headings
from .corpus import CleaningReport, load_corpus
from .errors import fail
from .glossary import Glossary, load_glossary, mark_terms
from .labels import article_labels
from .markup import Decorations
from .model import Corpus
from .render import article_page, article_path
from .render_themes import GLOSSARY_PATH, REPORT_PATH, badges_html, theme_pages, themes_report_markdown
from .report import report_page
from .script import DEFAULT_TRADITIONAL
from .themes import ThemeIndex, load_themes, tag_corpus


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
    themes: ThemeIndex = ThemeIndex((), ())
    """Which paragraphs carry which themes, and why."""
    glossary: Glossary = Glossary()
    """The glossary terms (also given to the search segmenter)."""
    traditional: str = DEFAULT_TRADITIONAL
    """OpenCC configuration of the Traditional rendering."""
    source_headings: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """Page path → the original's headings, for pages with an English-only view (``contents``)."""
    own_forms: dict[str, str] = field(default_factory=dict)
    """Articles' titles and headings → the Traditional form their own pages show
    (``labels.article_labels``), for every other page that names them."""

    def navigation(self, hand_written: list[str]) -> list:
        """The site navigation: home, generated sections, then the hand-written pages."""
        nav: list = [{"首页 Home": "index.md"}]
        nav += [{title: list(paths)} for title, paths in self.sections]
        nav += [path for path in sorted(hand_written) if path != "index.md"]
        nav.append({"清洗报告 Cleaning report": REPORT_PATH})
        return nav


def build_content(project_root: Path, settings: Settings, use_directory_urls: bool = True) -> SiteContent:
    """Load and clean the corpus and render every generated page."""
    translations = project_root / settings.translations
    corpus, reports = load_corpus(translations, project_root, settings.traditional)
    themes = load_themes(translations / "themes.yml", project_root)
    glossary = load_glossary(translations / "glossary.yml", project_root, tuple(t.id for t in themes))
    index = tag_corpus(corpus, themes)
    deco = Decorations(
        mark_terms=lambda escaped, lang: mark_terms(escaped, glossary, lang),
        badges=lambda slug, block_id: badges_html(index.of_block(slug, block_id), article_path(slug), use_directory_urls),
        traditional=settings.traditional,
    )
    articles = [(article_path(a.meta.slug), article_page(a, deco)) for a in corpus.articles]
    theme_part = theme_pages(corpus, themes, glossary, index, settings.traditional)
    titles = {a.meta.slug: (a.meta.title_zh, a.title_traditional) for a in corpus.articles}
    report = report_page(reports, settings.traditional, titles) + "\n## 主题标记 <small lang=\"en\">Theme tags</small>\n\n" + themes_report_markdown(index, corpus, REPORT_PATH)
    pages = [*articles, *theme_part, (REPORT_PATH, report)]
    sections = (("文章 Articles", tuple(path for path, _ in articles)),
                ("主题 Themes", tuple(path for path, _ in theme_part if path != GLOSSARY_PATH)),
                ("术语表 Glossary", (GLOSSARY_PATH,)))
    headings = {article_path(a.meta.slug): source_headings(a) for a in corpus.articles}
    return SiteContent(corpus, reports, tuple(pages), sections, index, glossary, settings.traditional,
                       {path: found for path, found in headings.items() if found is not None},
                       article_labels(corpus.articles))
