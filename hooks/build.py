"""MkDocs hooks for duizhao: thin wiring from MkDocs events to the ``duizhao`` library.

The library is imported here at the top: MkDocs puts this file's folder on
``sys.path`` only while the file first executes. Per-build state lives on the
``config`` object of that build, never in module globals (``mkdocs serve`` does not
reload this module between rebuilds).
"""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path

import jieba
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink

from duizhao.both_scripts import both_scripts
from duizhao.contents import contents_for_both_views
from duizhao.errors import InputError
from duizhao.glossary import keyboard_reachable_terms
from duizhao.labels import (LABELS_SCRIPT, NOT_FOUND_TITLE, attribute_labels, english_titles, interface_labels,
                            labels_script, palette_labels, toc_titles, traditional_labels)
from duizhao.offline import local_polyfills, offline_enabled, relative_to_root
from duizhao.pdf import PDF_NAME, Section, make_book, pdf_requested, write_pdf
from duizhao.publish import StagedOutput
from duizhao.render import article_list, article_path
from duizhao.render_themes import themes_overview_markdown
from duizhao.report import summary_line
from duizhao.search_scripts import SEARCH_MAP_SCRIPT, index_one_script, search_map, search_map_script
from duizhao.site import Settings, build_content

log = logging.getLogger("mkdocs.plugins.duizhao")

ARTICLE_LIST_MARKER = "<!-- duizhao:articles -->"
THEME_LIST_MARKER = "<!-- duizhao:themes -->"
ABOUT_PAGE = "about.md"
ABOUT_TITLE = "关于对照 About duizhao"
"""The book's last part; the same words as the page's heading, so it gets no banner of its own."""


_STAGED = {"wanted": True}
"""Whether builds of this process write into a folder of their own first (``duizhao.publish``): not
for ``mkdocs serve`` (its output is its own temporary folder) nor a ``--dirty`` build (which
keeps the old files on purpose)."""


def on_startup(*, command, dirty):
    _STAGED["wanted"] = command != "serve" and not dirty


@event_priority(-100)  # after Material's offline plugin has added its CDN worker shim
def on_config(config):
    if offline_enabled(config.plugins):
        config.extra["polyfills"] = local_polyfills(config.extra.get("polyfills", []))
    return config


def on_pre_build(*, config):
    # Runs before MkDocs empties site/: bad input stops the build with the old site intact.
    try:
        settings = Settings.from_extra(config.extra)
        content = build_content(Path(config.config_file_path).parent, settings, config.use_directory_urls)
    except InputError as error:
        raise PluginError(f"duizhao: bad input\n{error}") from None
    for report in content.reports:
        log.info("cleaned %s", summary_line(report))
    for article in content.corpus.articles:
        if article.alignment and article.alignment.unsure:
            log.info("aligned %s: %s; every link is marked uncertain", article.meta.slug, article.alignment.unsure)
    # Search segments Chinese with jieba; glossary terms must stay whole words so that a
    # query such as 心智占有率 matches (the query itself is not segmented in the browser).
    for phrase in content.glossary.chinese_phrases:
        jieba.add_word(phrase)
    config.duizhao = content
    # The input is sound; MkDocs empties the output folder next, so the build writes elsewhere.
    config.duizhao_output = None
    if _STAGED["wanted"]:
        config.duizhao_output = StagedOutput.begin(config.site_dir, bool(config.strict))
        config.site_dir = str(config.duizhao_output.staging)


def on_files(files, /, *, config):
    hand_written = [f.src_uri for f in files.documentation_pages()]
    for path, markdown in config.duizhao.pages:
        files.append(File.generated(config, path, content=markdown))
    files.append(File.generated(config, LABELS_SCRIPT, content=""))  # filled in on_env
    files.append(File.generated(config, SEARCH_MAP_SCRIPT, content=""))  # filled in on_env
    # MkDocs builds the navigation from config.nav right after this event.
    config.nav = config.duizhao.navigation(hand_written)
    return files


def on_page_markdown(markdown, /, *, page, config, files):
    if ARTICLE_LIST_MARKER in markdown:
        markdown = markdown.replace(ARTICLE_LIST_MARKER, article_list(config.duizhao.corpus, config.duizhao.traditional))
    if THEME_LIST_MARKER in markdown:
        overview = themes_overview_markdown(config.duizhao.themes, config.duizhao.corpus, page.file.src_uri,
                                            config.duizhao.traditional)
        markdown = markdown.replace(THEME_LIST_MARKER, overview)
    return markdown


def on_page_content(html, /, *, page, config, files):
    headings = config.duizhao.source_headings.get(page.file.src_uri)
    if headings is not None:  # the English-only view lists the original's headings
        page.toc = type(page.toc)(contents_for_both_views(list(page.toc), headings, AnchorLink))
    # Chinese written straight into a page gets its Traditional twin, as article text has;
    # the search index takes the Simplified text only.
    html = keyboard_reachable_terms(html)
    return index_one_script(both_scripts(html, config.duizhao.traditional, config.duizhao.own_forms))


def on_env(env, /, *, config, files):
    # Every page has been read now: its title and table of contents are known.
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    # A page's title is escaped for the theme ("Q&amp;A"); the label map holds text as shown.
    labels = [config.site_name, config.copyright or "", *(html.unescape(p.title or "") for p in pages),
              *(t for p in pages for t in toc_titles(p.toc))]
    labels += [title for title, _ in config.duizhao.sections]
    labels += interface_labels(config.theme.dirs, config.theme["language"])
    labels += palette_labels(config.theme.get("palette"))
    labels.append(NOT_FOUND_TITLE)
    env.globals["not_found_title"] = NOT_FOUND_TITLE
    labels += [label for p in pages for label in attribute_labels(p.content or "")]
    # Static files are copied after this event, so the map still reaches the site.
    files.get_file_from_path(LABELS_SCRIPT).content_string = labels_script(
        traditional_labels(labels, config.duizhao.traditional, config.duizhao.own_forms),
        english_titles(config.duizhao.corpus.articles))
    # The pages search reads: the cleaning report quotes the damaged input (現(xiàn)…).
    searched = [p for p in pages if not (p.meta.get("search") or {}).get("exclude")]
    texts = [*labels, *(p.content or "" for p in searched)]
    # Texts received in Traditional keep their own words, in their results and in their
    # titles and headings wherever a result names them.
    kept = [a for a in config.duizhao.corpus.articles if a.meta.script == "hant"]
    passages = [text for a in kept for text in (a.meta.title_zh, *(b.text for b in a.zh.blocks if b.kind == "heading"))]
    files.get_file_from_path(SEARCH_MAP_SCRIPT).content_string = search_map_script(search_map(
        texts, config.duizhao.traditional, [article_path(a.meta.slug).removesuffix(".md") for a in kept], passages))
    return env


def on_post_template(output_content, /, *, template_name, config):
    # The offline folder is read from file://, where "/" is the disk's root, not the site's.
    if template_name == "404.html" and offline_enabled(config.plugins):
        return relative_to_root(output_content)
    return output_content


@event_priority(-200)  # last: after Material's offline plugin (-100) has written its files
def on_post_build(*, config):
    if pdf_requested(os.environ):
        _write_book(config)
    output = getattr(config, "duizhao_output", None)
    if output is not None:
        config.site_dir = str(output.final)  # for what runs after the build (gh-deploy)
        if output.publish():
            log.info("published the site to %s", output.final)
        else:
            log.error("the build warned in strict mode: %s was left as it was", output.final)


def on_build_error(*, error):
    # Called without the config: the staged builds of this process are dropped.
    for output in StagedOutput.open_builds():
        output.discard()


def _write_book(config):
    site = Path(config.site_dir)
    sections = [Section(title, tuple(_built_file(path, config) for path in paths))
                for title, paths in config.duizhao.sections]
    # The book ends with the page on how the alignment is made and how far to trust it.
    about = _built_file(ABOUT_PAGE, config)
    sections.append(Section(ABOUT_TITLE, (about,)))
    book = make_book(site, sections, config.site_name, config.site_description or "", about)
    result = write_pdf(book, site, site / PDF_NAME)
    for address in result.refused:
        log.warning("PDF: refused to fetch %s (the book reads only files inside the site)", address)
    staged = getattr(config, "duizhao_output", None) is not None  # then the next line says where the site went
    log.info("PDF: wrote %s (%d pages)", PDF_NAME if staged else result.path, result.pages)


def _built_file(src_path: str, config) -> str:
    """Where MkDocs wrote the page made from ``src_path`` (depends on use_directory_urls)."""
    return File(src_path, config.docs_dir, config.site_dir, config.use_directory_urls).dest_uri
