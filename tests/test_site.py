"""The real corpus builds strictly, and bad input stops the build with the old site intact."""

from __future__ import annotations

import json

from conftest import copy_project, mkdocs_build

ARTICLES = ("nathan-lambert-path-into-ai", "omar-khattab-research-impact",
            "john-schulman-interview", "felix-hill-weights-of-responsibility")


def test_every_article_has_a_page(built_site):
    for slug in ARTICLES:
        assert (built_site / "articles" / slug / "index.html").is_file(), slug


def test_home_page_lists_articles_with_both_titles(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "My path into AI" in home and "200bn Weights of Responsibility" in home
    assert 'href="articles/nathan-lambert-path-into-ai/"' in home


def test_search_index_segments_chinese_and_finds_names(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits_flywheel = {d["location"].split("#")[0] for d in index["docs"] if "飞轮" in d["text"].split("\u200b")}
    hits_pister = {d["location"].split("#")[0] for d in index["docs"] if "Kris Pister" in d["title"] + d["text"]}
    assert "articles/nathan-lambert-path-into-ai/" in hits_flywheel
    assert "articles/nathan-lambert-path-into-ai/" in hits_pister


def test_no_request_leaves_the_site(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        assert "cdn.jsdelivr" not in html and "unpkg.com" not in html, page


def test_bad_input_stops_build_and_keeps_previous_site(tmp_path):
    project = copy_project(tmp_path / "project", articles=("john-schulman-interview",))
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    meta = project / "translations" / "john-schulman-interview" / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("author:", "auther:"), encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "translations/john-schulman-interview/meta.yml" in result.stderr
    assert "unknown field 'auther'" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_source_markup_shows_as_text(tmp_path):
    project = copy_project(tmp_path / "project", articles=("john-schulman-interview",))
    zh = project / "translations" / "john-schulman-interview" / "zh.txt"
    zh.write_text(zh.read_text(encoding="utf-8") + "<script>alert(1)</script>\n[点我](javascript:alert(1))\n{% include 'x' %}\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    page = (site / "articles" / "john-schulman-interview" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert "{% include &#x27;x&#x27; %}" in page or "{% include 'x' %}" in page
