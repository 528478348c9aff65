"""The offline build works opened from file:// in a real browser with the network off.

Chromium (Debian's, never a downloaded one) opens the pages from disk with every
network request refused; the tests navigate, search in Chinese and in English, and
check that every request the pages made was for a local file.
"""

from __future__ import annotations


import pytest
from conftest import fetched_addresses, leaves_the_site
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update"]
ARTICLE = "articles/nathan-lambert-path-into-ai.html"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """A fresh Chromium profile with networking switched off."""
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("chromium-profile"), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, offline=True, viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser):
    """A tab that records every request and every script error."""
    tab = browser.new_page()
    tab.requests, tab.errors = [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    tab.close()


def search(page, query: str) -> list[str]:
    """Type a query into Material's search box; return the result links once results show."""
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    page.keyboard.type(query)
    page.keyboard.press("End")  # the key that commits an input method: Material reads the box on keyup
    # Results for a prefix of the query may show first: wait for the whole query to be marked.
    page.wait_for_function(
        "q => [...document.querySelectorAll('.md-search-result__item mark')]"
        ".some(m => m.textContent.toLowerCase() === q.toLowerCase())",
        arg=query, timeout=15_000)
    return [a.get_attribute("href") for a in page.query_selector_all(".md-search-result__item > a")]


def test_pages_reference_only_files_inside_the_site(offline_site):
    fetched = list(fetched_addresses(offline_site))
    assert any(address.endswith(".js") for _, address in fetched)  # the scan sees the scripts
    assert [(path, address) for path, address in fetched if leaves_the_site(address)] == []


def test_material_cdn_worker_shim_is_replaced(offline_site):
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in home and "iframe-worker" not in home
    assert '<script src="assets/javascripts/file-worker.js"></script>' in home
    # The script that converts queries wraps whichever Worker the bundle will use: the shim's.
    assert home.index("file-worker.js") < home.index("search-query.js") < home.index("bundle.")
    assert (offline_site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")


def test_hosted_build_does_not_load_the_shim(built_site):
    assert "file-worker.js" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_navigation_between_pages_from_disk(page, offline_site):
    page.goto((offline_site / "index.html").as_uri())
    page.locator(f'.md-content a[href="{ARTICLE}"]').first.click()
    page.wait_for_load_state()
    assert page.url == (offline_site / ARTICLE).as_uri()
    assert "My path into AI" in page.inner_text("article")
    page.locator(".md-sidebar--primary a", has_text="清洗报告").first.click()
    page.wait_for_load_state()
    assert page.url == (offline_site / "report.html").as_uri()
    assert page.errors == []
    assert all(url.startswith("file://") for url in page.requests), page.requests


@pytest.mark.parametrize("query, expected", [("飞轮", ARTICLE), ("Pister", ARTICLE)])
def test_search_works_from_disk_without_network(page, offline_site, query, expected):
    page.goto((offline_site / "index.html").as_uri())
    links = search(page, query)
    assert any(link.startswith((offline_site / expected).as_uri()) for link in links), links
    assert page.errors == []
    assert page.requests, "the browser recorded no requests at all"
    assert all(url.startswith("file://") for url in page.requests), page.requests
    # The search worker and its Chinese support really ran, from the site folder.
    loaded = {url.rsplit("/", 1)[1] for url in page.requests}
    assert {"search_index.js", "file-worker.js", "lunr.zh.min.js"} <= loaded, loaded


def test_search_from_an_article_page(page, offline_site):
    # Pages one folder down resolve the worker and index relative to themselves.
    page.goto((offline_site / ARTICLE).as_uri())
    links = search(page, "Pister")
    assert links and all(link.startswith("file://") for link in links), links
    assert all(url.startswith("file://") for url in page.requests), page.requests


def test_the_not_found_page_has_its_styles_and_links_from_disk(offline_site, page):
    # MkDocs writes 404.html with addresses from the server's root ("/assets/…"); read from
    # file:// that root is the disk's, and the page came bare, its links leading nowhere.
    page.goto((offline_site / "404.html").as_uri())
    page.wait_for_timeout(300)
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") == "sticky"
    assert not page.errors, page.errors
    assert [url for url in page.requests if not url.startswith(offline_site.as_uri())] == []
    page.click("nav.md-nav--primary >> text=飞轮 Flywheel")
    page.wait_for_load_state()
    assert page.url == (offline_site / "themes" / "flywheel.html").as_uri()
    page.go_back()
    page.click("article >> text=home page")
    page.wait_for_load_state()
    assert page.url == (offline_site / "index.html").as_uri()
