"""Every link the built site holds leads somewhere: the file exists and so does its #anchor.

MkDocs checks Markdown links at build time; this walks the HTML it wrote, so it also
covers links inside raw HTML (theme badges, permalinks, the article rows) and the
theme's own furniture. External http(s) and mailto links are skipped.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest


class _Page(HTMLParser):
    """The ids and the link targets of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        if tag in ("a", "link", "area") and values.get("href") is not None:
            self.hrefs.append(values["href"])


@lru_cache(maxsize=None)
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target_file(site: Path, page: Path, path: str) -> Path:
    """The file a link path points at, resolved the way a web server would."""
    if path.startswith("/"):
        relative = path.lstrip("/")
    else:
        relative = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), path))
    target = site / unquote(relative)
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(site: Path) -> list[str]:
    """``page: href (why)`` for every internal link that does not resolve."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        for href in _parse(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto") or parts.netloc:
                continue
            where = f"{page.relative_to(site)}: {href}"
            if parts.scheme:
                problems.append(f"{where} (unexpected scheme '{parts.scheme}')")
                continue
            target = _target_file(site, page, parts.path) if parts.path else page
            if not target.is_file():
                problems.append(f"{where} (no file {target.relative_to(site) if site in target.parents else target})")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _parse(target).ids:
                problems.append(f"{where} (no id '{parts.fragment}' in {target.relative_to(site)})")
    return problems


def test_every_internal_link_resolves(built_site):
    problems = broken_links(built_site)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems[:50])


def test_site_has_links_to_check(built_site):
    # A walker that finds nothing would pass every site: make sure it sees paragraph anchors.
    hrefs = [href for page in built_site.rglob("*.html") for href in _parse(page).hrefs]
    assert len(hrefs) > 100
    assert any("#zh-" in href for href in hrefs)


def test_checker_reports_missing_files_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p><a href="#here">ok</a><a href="#gone">bad</a>'
                                               '<a href="../b/">missing</a><a href="https://example.org/x">ext</a>'
                                               '<a href="javascript:alert(1)">js</a>', encoding="utf-8")
    problems = broken_links(tmp_path)
    assert any("#gone" in p for p in problems)
    assert any("../b/" in p for p in problems)
    assert any("javascript" in p for p in problems)
    assert not any("#here" in p or "example.org" in p for p in problems)


@pytest.mark.parametrize("href, expected", [("../b/", "b/index.html"), ("/c.html", "c.html"), ("d/e.html", "a/d/e.html")])
def test_links_resolve_like_a_web_server(tmp_path, href, expected):
    (tmp_path / "a").mkdir()
    assert _target_file(tmp_path, tmp_path / "a" / "index.html", href) == tmp_path / expected
