"""Shared fixtures: the project root and one strict build of the real corpus per test session."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Markup that makes a browser fetch something (not <a href> or a canonical <link>, which only name).
FETCHING = re.compile(
    r'<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc="([^"]*)"'
    r'|<link\b(?=[^>]*\brel="(?:stylesheet|icon|preload|modulepreload|prefetch|preconnect|manifest)")[^>]*\bhref="([^"]*)"')
# …and in a style sheet: ``url(…)`` and ``@import "…"``.
CSS_FETCHING = re.compile(r"""url\(\s*["']?([^"')]*)|@import\s+["']([^"']*)""")


def fetched_addresses(site: Path):
    """(file, address) for everything a built site's pages and style sheets make a browser fetch."""
    for path in sorted(site.rglob("*.html")):
        for match in FETCHING.finditer(path.read_text(encoding="utf-8")):
            yield path, match.group(1) or match.group(2)
    for path in sorted(site.rglob("*.css")):
        for match in CSS_FETCHING.finditer(path.read_text(encoding="utf-8")):
            yield path, match.group(1) or match.group(2)


def leaves_the_site(address: str) -> bool:
    """Whether fetching ``address`` would go to another host (``data:`` stays in the page)."""
    return "://" in address or address.startswith("//")


def mkdocs_build(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` for ``project`` into ``site_dir``; never raises."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=full_env, cwd=project,
    )


def copy_project(dest: Path, articles: tuple[str, ...] | None = None) -> Path:
    """A throw-away copy of the project (config, docs, hooks, theme, chosen articles) to break on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "hooks", "theme"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, dest / name)
    (dest / "translations").mkdir()
    for folder in sorted((ROOT / "translations").iterdir()):
        if folder.is_dir() and (articles is None or folder.name in articles):
            shutil.copytree(folder, dest / "translations" / folder.name)
        elif folder.is_file():
            shutil.copy(folder, dest / "translations" / folder.name)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real corpus built once with ``--strict``; tests read the output."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The real corpus built once for reading from ``file://`` (``OFFLINE=true``)."""
    site = tmp_path_factory.mktemp("offline-site")
    result = mkdocs_build(ROOT, site, {"OFFLINE": "true"})
    assert result.returncode == 0, result.stderr
    return site
