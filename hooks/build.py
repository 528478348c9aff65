"""MkDocs hooks for duizhao: thin wiring from MkDocs events to the ``duizhao`` library.

The library is imported here at the top: MkDocs puts this file's folder on
``sys.path`` only while the file first executes. Per-build state lives on the
``config`` object of that build, never in module globals (``mkdocs serve`` does not
reload this module between rebuilds).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from duizhao.errors import InputError
from duizhao.render import article_list
from duizhao.report import summary_line
from duizhao.site import Settings, build_content

log = logging.getLogger("mkdocs.plugins.duizhao")

ARTICLE_LIST_MARKER = "<!-- duizhao:articles -->"


def on_pre_build(*, config):
    # Runs before MkDocs empties site/: bad input stops the build with the old site intact.
    try:
        settings = Settings.from_extra(config.extra)
        content = build_content(Path(config.config_file_path).parent, settings)
    except InputError as error:
        raise PluginError(f"duizhao: bad input\n{error}") from None
    for report in content.reports:
        log.info("cleaned %s", summary_line(report))
    config.duizhao = content


def on_files(files, /, *, config):
    hand_written = [f.src_uri for f in files.documentation_pages()]
    for path, markdown in config.duizhao.pages:
        files.append(File.generated(config, path, content=markdown))
    # MkDocs builds the navigation from config.nav right after this event.
    config.nav = config.duizhao.navigation(hand_written)
    return files


def on_page_markdown(markdown, /, *, page, config, files):
    if ARTICLE_LIST_MARKER in markdown:
        return markdown.replace(ARTICLE_LIST_MARKER, article_list(config.duizhao.corpus))
    return markdown
