"""Reading experience in a real browser: view modes, script toggle, linked highlighting, search.

Debian's Chromium, driven by Playwright, reads both builds: the hosted one over a loopback
HTTP server, and the offline one straight from ``file://``.
"""

from __future__ import annotations

import functools
import re
import http.server
import threading

import pytest
from playwright.sync_api import expect, sync_playwright

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update"]
ALIGNED = "articles/nathan-lambert-path-into-ai/"
CHINESE_ONLY = "articles/felix-hill-weights-of-responsibility/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Site:
    """Where a build is read from, and how its page paths become addresses."""

    def __init__(self, base: str, directory_urls: bool):
        self.base, self.directory_urls = base, directory_urls

    def __add__(self, path: str) -> str:
        """``site + "themes/flywheel/"`` is that page's address in this build."""
        if self.directory_urls:
            return self.base + path
        return self.base + (path.rstrip("/") + ".html" if path else "index.html")


@pytest.fixture(scope="module", params=["hosted", "offline"])
def server(request):
    if request.param == "offline":
        yield Site(request.getfixturevalue("offline_site").as_uri() + "/", directory_urls=False)
        return
    handler = functools.partial(QuietHandler, directory=str(request.getfixturevalue("built_site")))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Site(f"http://127.0.0.1:{httpd.server_address[1]}/", directory_urls=True)
    httpd.shutdown()


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    with sync_playwright() as playwright:
        ctx = playwright.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("profile"), executable_path="/usr/bin/chromium", headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900})
        yield ctx
        ctx.close()


@pytest.fixture
def page(context):
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    # The reader's choices are remembered site-wide: a test that fails halfway must not leave
    # its view or script to the tests after it.
    if tab.url.startswith(("http", "file")):
        tab.evaluate("localStorage.clear()")
    assert tab.errors == []
    tab.close()


def test_view_mode_switches_without_reload_and_is_remembered(page, server):
    page.goto(server + ALIGNED)
    page.evaluate("window.__still_here = true")
    page.click('.dz-group[data-dz-setting="view"] button[data-value="interleaved"]')
    assert page.evaluate("document.documentElement.dataset.dzView") == "interleaved"
    assert page.evaluate("window.__still_here") is True  # no reload happened
    row = page.locator("div.dz-row:not(.dz-addition)").first
    zh_box, en_box = row.locator(".dz-row-zh").bounding_box(), row.locator(".dz-row-en").bounding_box()
    assert en_box["y"] >= zh_box["y"] + zh_box["height"] - 1  # stacked, not side by side
    page.click('.dz-group[data-dz-setting="view"] button[data-value="en"]')
    assert not page.locator(".dz-row-zh").first.is_visible()
    page.goto(server + CHINESE_ONLY)
    page.goto(server + ALIGNED)  # another page, then back: the choice persisted
    assert page.evaluate("document.documentElement.dataset.dzView") == "en"
    page.click('.dz-group[data-dz-setting="view"] button[data-value="pair"]')
    zh_box, en_box = row.locator(".dz-row-zh").bounding_box(), row.locator(".dz-row-en").bounding_box()
    assert abs(en_box["y"] - zh_box["y"]) < 5 and en_box["x"] > zh_box["x"] + zh_box["width"] - 1


@pytest.mark.parametrize("width", [1280, 375])
def test_a_paragraph_link_mark_never_adds_a_line(page, server, width):
    # The ¶ after each Chinese paragraph is hidden until hovered; a paragraph that fills its
    # last line must not get an empty-looking line below it for the hidden mark.
    page.set_viewport_size({"width": width, "height": 900})
    for article in (ALIGNED, CHINESE_ONLY):
        page.goto(server + article)
        heights = "() => [...document.querySelectorAll('p.dz-zh')].map(p => p.getBoundingClientRect().height)"
        with_mark = page.evaluate(heights)
        page.add_style_tag(content=".dz-permalink { display: none !important; }")
        assert page.evaluate(heights) == with_mark
    page.set_viewport_size({"width": 1280, "height": 900})


def _in_sight(page, selector: str) -> bool:
    """Whether the element is shown and inside the window."""
    return page.evaluate("""s => { const el = document.querySelector(s); const r = el && el.getBoundingClientRect();
        return !!r && r.height > 0 && r.bottom > 0 && r.top < innerHeight; }""", selector)


def test_a_link_to_what_the_view_hides_lands_on_its_row(page, server):
    # A theme page's "read in context" link to a Chinese paragraph, followed by a reader who
    # reads the English only; a coverage-map cell followed by one who reads the Chinese only.
    page.goto(server + ALIGNED)
    linked = page.eval_on_selector_all("div.dz-row:not(.dz-addition) .dz-row-zh p.dz-zh",
                                       "ps => ps.map(p => p.id)")[40]
    english = page.eval_on_selector(f"#{linked}", "p => p.dataset.en.split(' ')[0]")
    added = page.eval_on_selector("div.dz-addition p.dz-zh", "p => p.id")
    skipped = page.eval_on_selector("details.dz-omission .dz-s", "s => s.id")
    for view, target, stand_in in (("en", linked, f"div.dz-row:has(#{linked})"),
                                   ("zh", english, f"div.dz-row:has(#{english})")):
        page.click(f'.dz-group[data-dz-setting="view"] button[data-value="{view}"]')
        page.goto(server + CHINESE_ONLY)
        page.goto(server + ALIGNED + f"#{target}")
        page.wait_for_timeout(300)
        assert not page.is_visible(f"#{target}")
        assert _in_sight(page, stand_in) and "dz-target" in page.get_attribute(stand_in, "class")
        assert page.evaluate("document.documentElement.dataset.dzView") == view
    # Nothing of the row is shown in this view: side by side for this visit, not stored.
    for view, target in (("en", added), ("zh", skipped)):
        page.click(f'.dz-group[data-dz-setting="view"] button[data-value="{view}"]')
        page.goto(server + CHINESE_ONLY)
        page.goto(server + ALIGNED + f"#{target}")
        page.wait_for_timeout(300)
        assert page.evaluate("document.documentElement.dataset.dzView") == "pair"
        assert _in_sight(page, f"#{target}")
        assert page.evaluate("localStorage.getItem('duizhao.view')") == view  # the reader's choice stays


def test_a_link_to_a_paragraph_lights_its_english_too(page, server):
    # A theme page's "read in context" link outlined the Chinese paragraph, and its English
    # stayed unlit until a pointer passed over it.
    page.goto(server + ALIGNED)
    linked = page.eval_on_selector_all("div.dz-row:not(.dz-addition) .dz-row-zh p.dz-zh", "ps => ps.map(p => p.id)")[20]
    english = page.eval_on_selector(f"#{linked}", "p => p.dataset.en.split(' ')")
    page.goto(server + CHINESE_ONLY)
    page.goto(server + ALIGNED + f"#{linked}")
    page.wait_for_timeout(300)
    assert all("dz-lit" in page.get_attribute(f"#{sid}", "class") for sid in english), english
    assert _in_sight(page, f"#{linked}")  # lit where it is: the page did not scroll to the English


def test_the_english_view_names_the_page_by_the_originals_title(page, server):
    # Its heading read "My path into AI" while the tab and the header's title stayed Chinese.
    page.goto(server + ALIGNED)
    chinese = page.title()
    english = page.eval_on_selector("h1 .dz-title-en", "e => e.textContent")
    topic = "() => document.querySelector('[data-md-component=header-topic]').innerText.trim()"
    assert english == "My path into AI" and page.evaluate(topic) != english
    page.click('.dz-group[data-dz-setting="view"] button[data-value="en"]')
    assert page.title() == chinese.replace(chinese.split(" - ")[0], english, 1)
    assert page.evaluate(topic) == english
    # A page with no English title keeps its own in the header (it went blank there).
    page.goto(server + CHINESE_ONLY)
    assert page.evaluate(topic) and page.evaluate(topic) in page.title()
    page.goto(server + ALIGNED)
    page.click('.dz-group[data-dz-setting="view"] button[data-value="pair"]')
    assert page.title() == chinese and page.evaluate(topic) != english


def test_english_only_shows_where_the_summary_adds_its_own_words(page, server):
    # The panel counts the summary's own paragraphs; the English view hid them without a trace.
    page.goto(server + ALIGNED)
    page.click('.dz-group[data-dz-setting="view"] button[data-value="en"]')
    counted = int(re.search(r"\((\d+)/\d+\)\.", page.locator(".dz-coverage p[lang=en]").first.inner_text()).group(1))
    markers = page.locator(".dz-added-here:visible")
    said = [re.search(r"adds (a|\d+) paragraphs? of its own here", t).group(1) for t in markers.all_inner_texts()]
    assert sum(1 if n == "a" else int(n) for n in said) == counted, said
    assert not page.locator(".dz-addition .dz-zh:visible").count()
    # Between the English it follows and the English after it (the flex order of the rows).
    marker = markers.nth(1)
    above = page.evaluate("""m => { const rows = [...document.querySelectorAll('.dz-row')].filter(r => r.getClientRects().length)
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
        const k = rows.indexOf(m.closest('.dz-row')); return [rows[k - 1].querySelector('.dz-s') !== null, k < rows.length - 1]; }""",
        marker.element_handle())
    assert above == [True, True]
    first = marker.get_attribute("href")
    marker.click()  # leads to the paragraphs, side by side for this visit
    expect(page.locator(first)).to_be_in_viewport()
    assert page.locator(first).evaluate("p => p.closest('.dz-addition') !== null")
    assert page.evaluate("localStorage.getItem('duizhao.view')") == "en"


def test_english_view_names_every_article_by_its_original_title(page, server):
    page.goto(server + ALIGNED)
    page.click('.dz-group[data-dz-setting="view"] button[data-value="en"]')
    nav = page.locator(".md-sidebar--primary").inner_text()
    assert "My path into AI" in nav and "200bn Weights of Responsibility" in nav and "DeepMind科学家" not in nav
    page.click('.dz-group[data-dz-setting="view"] button[data-value="pair"]')
    nav = page.locator(".md-sidebar--primary").inner_text()
    assert "DeepMind科学家" in nav and "200bn Weights of Responsibility" not in nav


def test_english_only_reads_as_the_original(page, server):
    """English only shows the source once, whole, under its own headings: a sentence linked
    twice appears once, skipped passages are open, the summary's headings are gone; going
    back to side by side folds the skipped passages again."""
    page.goto(server + ALIGNED)
    page.click('.dz-group[data-dz-setting="view"] button[data-value="en"]')
    # Each sentence has one element with its id; a repeat of it (linked twice) has none.
    shown = page.evaluate("""() => [...document.querySelectorAll('.dz-s')]
        .filter(s => s.getClientRects().length).map(s => s.id)""")
    assert page.locator(".dz-s-again").count() > 0  # the page does link a sentence twice
    assert "" not in shown and len(shown) == page.locator(".dz-s[id]").count()
    assert page.evaluate("""() => [...document.querySelectorAll('.dz-row:not(.dz-addition)')].filter(r => r.getClientRects().length)
        .every(r => [...r.querySelectorAll('.dz-s')].some(s => s.getClientRects().length))""")  # no empty row
    # Down the page, in the source's order (the coverage map lists the sentences in it),
    # though the summary moved some passages.
    source = page.evaluate("[...document.querySelectorAll('.dz-map a')].map(a => a.hash.slice(1))")
    down_the_page = page.evaluate("""() => [...document.querySelectorAll('.dz-s[id]')]
        .map(s => [s.getClientRects()[0].top, s.getClientRects()[0].left, s.id])  // where it starts
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(t => t[2])""")
    assert sorted(source) == sorted(down_the_page) and down_the_page == source
    assert page.evaluate("[...document.querySelectorAll('details.dz-omission')].every(d => d.open)")
    assert page.locator(".dz-s-heading", has_text="Keeping Gravity").is_visible()
    assert page.locator("h1").inner_text() == "My path into AI"  # under the original's own title
    # A link's marks speak of the Chinese beside the English, which this view does not show.
    assert page.locator(".dz-row-en > .dz-flag-weak").count() > 0
    assert page.evaluate("[...document.querySelectorAll('.dz-flag')].every(f => !f.getClientRects().length)")
    assert page.evaluate("""[...document.querySelectorAll('.dz-weak .dz-row-en > p')]
        .every(p => getComputedStyle(p).borderLeftStyle === 'none')""")  # nor the uncertain link's rule
    # Where the summary's paragraphs change means nothing here: no rules between rows, and a
    # row going on with a paragraph of the source follows it without a gap.
    assert page.evaluate("""[...document.querySelectorAll('div.dz-row')].filter(r => r.getClientRects().length)
        .every(r => getComputedStyle(r).borderTopStyle === 'none')""")
    assert page.locator("div.dz-row.dz-cont").count() > 0
    assert page.evaluate("""[...document.querySelectorAll('div.dz-row.dz-cont')].filter(r => r.getClientRects().length)
        .every(r => getComputedStyle(r).paddingTop === '0px'
                    && getComputedStyle(r.querySelector('.dz-row-en > p')).marginTop === '0px')""")
    # A theme page quotes the Chinese in every view, and its marks with it.
    page.goto(server + "themes/momentum/")
    assert page.locator(".dz-flag").count() > 0 and page.locator(".dz-flag").first.is_visible()
    page.goto(server + ALIGNED)
    sections = page.locator(".md-typeset h2[id^='zh-']")
    assert sections.count() > 0
    assert all(not sections.nth(k).locator(".dz-hans").is_visible() for k in range(sections.count()))
    # The choice is remembered site-wide; a Chinese-only article keeps its headings under it.
    page.goto(server + CHINESE_ONLY)
    assert page.evaluate("document.documentElement.dataset.dzView") == "en"
    headings = page.locator(".md-typeset h2[id^='zh-']")
    assert headings.count() > 0
    assert all(headings.nth(k).locator(".dz-hans").is_visible() for k in range(headings.count()))
    page.goto(server + ALIGNED)
    page.click('.dz-group[data-dz-setting="view"] button[data-value="pair"]')
    assert page.evaluate("[...document.querySelectorAll('details.dz-omission')].every(d => !d.open)")
    assert sections.first.locator(".dz-hans").is_visible()
    assert page.locator("h1").inner_text().startswith("顶会0篇")


def test_english_only_is_read_in_the_sources_order(page, server):
    """A screen reader and the Tab key follow the page, not its layout: in English only the
    page itself is in the source's order, the original's headings are headings, and going back
    puts the summary's order back."""
    page.goto(server + ALIGNED)
    summary_order = page.evaluate("[...document.querySelectorAll('.md-content__inner > *')].map(e => e.id || e.className)")
    # Chosen from the keyboard, the view keeps the focus on its button while the page is rearranged.
    page.locator('.dz-group[data-dz-setting="view"] button[data-value="en"]').focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.value") == "en"
    page.click('.dz-group[data-dz-setting="view"] button[data-value="pair"]')
    page.click('.dz-group[data-dz-setting="view"] button[data-value="en"]')
    source = page.evaluate("[...document.querySelectorAll('.dz-map a')].map(a => a.hash.slice(1))")
    in_the_page = page.evaluate("[...document.querySelectorAll('.dz-s[id]')].map(s => s.id)")
    assert in_the_page == source
    assert page.get_by_role("heading", name="Keeping Gravity").count() == 1
    page.click('.dz-group[data-dz-setting="view"] button[data-value="pair"]')
    assert page.evaluate("[...document.querySelectorAll('.md-content__inner > *')].map(e => e.id || e.className)") == summary_order
    assert page.get_by_role("heading", name="Keeping Gravity").count() == 0
    # Opened in English only, the page is in the source's order from the start.
    page.reload()
    page.click('.dz-group[data-dz-setting="view"] button[data-value="en"]')
    page.reload()
    assert page.evaluate("[...document.querySelectorAll('.dz-s[id]')].map(s => s.id)") == source


def test_pointing_at_a_paragraph_never_moves_the_page(page, server):
    """Hovering or tabbing onto a paragraph whose English the summary moved far away lights it
    where it is; a click brings it into view, at once when the reader asked for less motion."""
    page.goto(server + ALIGNED)
    far = page.evaluate("""() => [...document.querySelectorAll('.dz-zh[data-en]')].map(p => {
        const other = document.getElementById(p.dataset.en.split(' ')[0]);
        return [Math.abs(other.getBoundingClientRect().top - p.getBoundingClientRect().top), p.id];
    }).sort((a, b) => b[0] - a[0])[0]""")
    assert far[0] > 2000  # the summary moved a sentence far from its place
    paragraph = page.locator(f"#{far[1]}")
    paragraph.scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    paragraph.hover()
    paragraph.locator(".dz-permalink").focus()
    page.wait_for_timeout(500)
    assert page.evaluate("scrollY") == before
    assert "dz-lit" in page.locator("#" + paragraph.get_attribute("data-en").split()[0]).get_attribute("class")
    page.emulate_media(reduced_motion="reduce")
    paragraph.dispatch_event("click")
    partner = page.locator("#" + paragraph.get_attribute("data-en").split()[0])
    box = partner.bounding_box()  # read at once: no smooth scrolling under reduced motion
    assert 0 <= box["y"] < page.viewport_size["height"]


def test_every_paragraph_is_one_tab_stop_and_keeps_its_labels_in_every_view(page, server):
    page.goto(server + ALIGNED)
    assert page.locator(".dz-zh[tabindex]").count() == 0
    assert page.locator(".dz-zh .dz-permalink").count() == page.locator(".dz-zh").count()
    # In Chinese only a paragraph of the summary's own still says so, in words.
    page.click('.dz-group[data-dz-setting="view"] button[data-value="zh"]')
    added = page.locator(".dz-row.dz-addition")
    assert added.count() > 0
    assert page.locator(".dz-row.dz-addition .dz-flag-added:visible").count() == added.count()
    # The toolbar's focus ring is drawn inside the button, where the group does not clip it.
    page.locator('.dz-group[data-dz-setting="view"] button').first.focus()
    page.keyboard.press("Tab")
    ring = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [document.activeElement.tagName, s.outlineStyle, s.outlineOffset]; }""")
    assert ring == ["BUTTON", "solid", "-4px"]


def test_a_keyboard_reaches_the_passages_the_map_shows(page, server):
    # The map's squares are for a pointer; a keyboard goes to the first passage not covered,
    # opened, and from there on through the skipped passages.
    page.goto(server + ALIGNED)
    link = page.locator(".dz-coverage a.dz-first-gap")
    link.focus()
    page.keyboard.press("Enter")
    target = page.locator("#" + link.get_attribute("href")[1:])
    expect(target).to_be_visible()
    assert target.evaluate("el => el.closest('details.dz-omission').open")
    assert "dz-skip" in page.locator(f".dz-map a[href='{link.get_attribute('href')}']").get_attribute("class")


def test_high_contrast_mode_keeps_the_choice_and_the_map(page, server):
    page.emulate_media(forced_colors="active")
    page.goto(server + ALIGNED)
    backgrounds = page.evaluate("""() => [...document.querySelectorAll('.dz-group[data-dz-setting="view"] button')]
        .map(b => [b.getAttribute('aria-pressed'), getComputedStyle(b).backgroundColor])""")
    pressed = {colour for state, colour in backgrounds if state == "true"}
    assert len(pressed) == 1 and pressed.isdisjoint(colour for state, colour in backgrounds if state == "false")
    cells = page.evaluate("""() => ['.dz-covered', '.dz-skip'].map(c => getComputedStyle(document.querySelector('.dz-map ' + c)).backgroundColor)""")
    page_colour = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert len(set(cells)) == 2 and page_colour not in cells


def reach_heading_of_entry(page, entry: str) -> None:
    """Scroll until the heading an entry of the contents points at is just under the header."""
    link = page.locator(".md-nav--secondary .md-nav__link:visible", has_text=entry).first
    page.evaluate("""hash => {
        const heading = document.getElementById(decodeURIComponent(hash.slice(1)));
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - header - 4);
    }""", link.evaluate("a => a.hash"))


def test_the_contents_of_english_only_are_the_originals_headings(page, server):
    page.goto(server + ALIGNED)
    entries = page.locator(".md-nav--secondary .md-nav__link:visible")
    summary = entries.all_inner_texts()
    assert "第一篇论文" in summary and "Keeping Gravity" not in summary
    # Halfway down, the entry lit up as the one being read is one the reader can see.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    page.locator(".md-nav--secondary .md-nav__link--active:visible").first.wait_for(timeout=5000)
    page.click('.dz-group[data-dz-setting="view"] button[data-value="en"]')
    source = entries.all_inner_texts()
    assert source == ["My path into AI", "Getting into AI", "Building Momentum", "Keeping Gravity"]
    # Read down to a heading: its entry is the one lit, in the view switched to as well.
    for heading in ("Building Momentum", "Getting into AI"):
        reach_heading_of_entry(page, heading)
        active = page.locator(".md-nav--secondary .md-nav__link--active:visible")
        active.filter(has_text=heading).wait_for(timeout=5000)
        assert active.count() == 1
    # Each points at the heading where the page shows it, inside a skipped passage as well.
    page.locator(".md-nav--secondary .md-nav__link:visible", has_text="Keeping Gravity").click()
    assert page.locator(".dz-s-heading", has_text="Keeping Gravity").is_visible()
    # The summary's entries, put back on leaving English only, are in the script chosen meanwhile.
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    page.click('.dz-group[data-dz-setting="view"] button[data-value="pair"]')
    assert "第一篇論文" in entries.all_inner_texts()
    reach_heading_of_entry(page, "第一篇論文")
    page.locator(".md-nav--secondary .md-nav__link--active:visible", has_text="第一篇論文").wait_for(timeout=5000)
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hans"]')
    page.goto(server + CHINESE_ONLY)  # no English-only reading: its own headings stay listed
    assert len(entries.all_inner_texts()) > 0
    assert all(not text.isascii() for text in entries.all_inner_texts())


def test_script_toggle_switches_every_chinese_text(page, server):
    page.goto(server + CHINESE_ONLY)
    first = page.locator(".dz-zh").first
    # The paragraph's own text (its flag, 出版方附注, is in both scripts too).
    simplified = first.locator(":scope > .dz-hans").inner_text()
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    traditional = first.locator(":scope > .dz-hant").inner_text()
    assert first.locator(":scope > .dz-hant").is_visible() and not first.locator(":scope > .dz-hans").is_visible()
    assert traditional != simplified and "報道" in traditional and "报道" in simplified
    assert page.locator("h1 .dz-hant").is_visible()
    # Every Chinese text of the page, not only the first: none is left in Simplified.
    assert page.locator("article .dz-hant:visible").count() >= page.locator(".dz-zh").count() > 10
    assert page.locator("article .dz-hans:visible").count() == 0
    page.goto(server + "")
    page.goto(server + ALIGNED)
    assert page.evaluate("document.documentElement.dataset.dzScript") == "hant"
    assert page.locator("article .dz-hans:visible").count() == 0
    assert page.locator("article .dz-hant:visible").count() > 100  # rows, headings, badges, panel
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hans"]')
    assert page.locator("article .dz-hant:visible").count() == 0


def test_latin_names_and_urls_survive_the_traditional_rendering(page, server):
    page.goto(server + CHINESE_ONLY)
    texts = page.locator(".dz-hant").all_inner_texts()
    joined = "\n".join(texts)
    assert "Felix Hill" in joined and "https://medium.com/@felixhill/200bn-weights-of-responsibility-da85a44a2c5e" in joined


def test_hover_and_focus_light_up_the_partner_sentences(page, server):
    page.goto(server + ALIGNED)
    paragraph = page.locator(".dz-zh[data-en]").nth(3)
    partner_ids = paragraph.get_attribute("data-en").split()
    paragraph.hover()
    for sid in partner_ids:
        assert "dz-lit" in page.locator(f"#{sid}").get_attribute("class")
    sentence = page.locator(f"#{partner_ids[0]}")
    disjoint = page.evaluate("""ids => [...document.querySelectorAll('.dz-zh[data-en]')]
        .findIndex(p => !p.dataset.en.split(' ').some(id => ids.includes(id)))""", partner_ids)
    other = page.locator(".dz-zh[data-en]").nth(disjoint)
    other.locator(".dz-permalink").focus()  # keyboard: a paragraph's one tab stop is its ¶
    assert "dz-lit" in other.get_attribute("class")
    assert "dz-lit" not in sentence.get_attribute("class")
    sentence.hover()  # and the reverse direction
    assert "dz-lit" in paragraph.get_attribute("class")


def search(page, query: str) -> list[str]:
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill(query)
    # Material reads the box on keyup; Chinese typed through an input method ends with
    # a key press that commits it, which fill() does not simulate.
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    return [a.get_attribute("href") for a in page.query_selector_all(".md-search-result__item > a")]


# English words as a reader types them, inflected ("learning", "careers") or not: the index
# must not hold stems that a query typed in full never reaches.
@pytest.mark.parametrize("query", ["飞轮", "飛輪", "Pister", "心智占有率", "learning", "careers", "writing", "learn",
                                   "arxiv", "2403.13787", "linkedin",  # parts of a web address
                                   "Ph.D.", "papers.", "「飞轮」", "(RLHF)",  # with punctuation the index drops
                                   "AI研究", "RLHF爆文"])  # scripts mixed in one word, as the index never holds them
def test_search_finds_chinese_traditional_and_english_queries(page, server, query):
    page.goto(server + "")
    hits = search(page, query)
    assert any("nathan-lambert-path-into-ai" in (href or "") for href in hits), hits


def test_a_chinese_word_is_searched_whole(page, server):
    # Material's worker never tried a query whole: 博客 was searched as 博 (博士, 博弈, 博文…).
    page.goto(server + "")
    hrefs = search(page, "博客")
    marks = page.eval_on_selector_all(".md-search-result__item mark", "ms => ms.map(m => m.textContent)")
    assert marks and set(marks) == {"博客"}, marks
    assert any("h=%E5%8D%9A%E5%AE%A2" in (href or "") for href in hrefs), hrefs  # the page lights 博客 up too


def test_a_search_result_lands_on_the_row_it_showed(page, server):
    # The index knows sections, so a result's link names the section's heading: "scooped" is
    # rows below "RLHF技术博客「出圈」", out of sight. The page brings the row into view.
    page.goto(server + "")
    hrefs = [href for href in search(page, "scooped") if re.search(r"nathan-lambert-path-into-ai(/|\.html)\?h=scooped#", href or "")]
    assert hrefs
    page.click(f'.md-search-result__item > a[href="{hrefs[0]}"]')
    page.wait_for_selector(".dz-target mark[data-md-highlight]", timeout=10_000)
    _lit_in_view(page, "scooped")


def test_a_search_result_naming_a_whole_page_lands_on_its_first_match(page, server):
    # A page-level result carries in "?h=" only what the page's opening text holds: for
    # "momentum" the glossary's was "?h=", and the reader was left at the top of the page.
    page.goto(server + "")
    hrefs = [href for href in search(page, "momentum") if re.search(r"glossary(/|\.html)\?h=$", href or "")]
    assert hrefs
    page.click(f'.md-search-result__item > a[href="{hrefs[0]}"]')
    page.wait_for_url(re.compile(r"\?h=momentum$"))
    page.wait_for_selector(".dz-target", timeout=10_000)
    assert "momentum" in page.inner_text(".dz-target").lower() and _in_sight(page, ".dz-target")
    # The page's own furniture is not what was searched for: "summary" led to the coverage
    # panel's "The summary expresses…", not to the text.
    page.goto(server + "")
    hrefs = [href for href in search(page, "summary") if re.search(r"nathan-lambert-path-into-ai(/|\.html)\?h=$", href or "")]
    assert hrefs
    page.click(f'.md-search-result__item > a[href="{hrefs[0]}"]')
    page.wait_for_url(re.compile(r"\?h=summary$"))
    page.wait_for_timeout(500)
    assert page.locator(".dz-coverage .dz-target, .dz-toolbar .dz-target").count() == 0


def test_a_search_result_in_traditional_lands_on_the_row_below_its_heading(page, server):
    # The page shows 飛輪 (the index holds 飞轮), and the word also stands in the section's
    # heading (「飛輪效應」): the row below is the one lit.
    page.goto(server + "")
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    hrefs = [href for href in search(page, "飛輪") if re.search(r"nathan-lambert-path-into-ai(/|\.html)\?h=[^#]+#", href or "")]
    assert hrefs
    page.click(f'.md-search-result__item > a[href="{hrefs[0]}"]')
    page.wait_for_selector(".dz-target", timeout=10_000)
    assert page.locator(".dz-target").first.evaluate("e => e.tagName") in ("P", "LI")
    _lit_in_view(page, "飛輪")


def _lit_in_view(page, word):
    row = page.locator(".dz-target").first
    assert word in row.inner_text()
    box, height = row.bounding_box(), page.viewport_size["height"]
    assert box["y"] >= 0 and box["y"] + min(box["height"], height / 2) <= height, box


def test_a_query_in_taiwan_words_finds_the_simplified_text(page, server):
    # 專案 is what the Traditional pages show for 项目; the characters alone would give 专案.
    page.goto(server + "")
    search(page, "專案")
    marks = page.eval_on_selector_all(".md-search-result__item mark", "ms => ms.map(m => m.textContent)")
    assert "项目" in marks, marks


def test_a_word_inside_a_taiwan_phrase_and_a_name_without_its_accent_are_found(page, server):
    # The Traditional pages show 憂鬱症 for 抑郁症: a reader searching 憂鬱 means 抑郁 (its
    # characters alone give 忧郁, which no text has). "tulu" is Tülu typed without its accent.
    page.goto(server + "")
    search(page, "憂鬱")
    marks = page.eval_on_selector_all(".md-search-result__item mark", "ms => ms.map(m => m.textContent)")
    assert "抑郁" in marks, marks
    page.keyboard.press("Escape")
    search(page, "tulu")
    marks = page.eval_on_selector_all(".md-search-result__item mark", "ms => ms.map(m => m.textContent)")
    assert "Tülu" in marks, marks


def test_search_results_follow_the_script_shown(page, server):
    page.goto(server + "")
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    search(page, "飞轮")
    page.wait_for_function("() => /符合條件的結果/.test(document.querySelector('.md-search-result__meta').textContent)")
    results = page.locator(".md-search-result").inner_text().replace("\u200b", "")
    assert "飛輪" in results and "飞轮" not in results
    page.keyboard.press("Escape")
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hans"]')
    search(page, "飛輪")
    assert "飞轮" in page.locator(".md-search-result").inner_text().replace("\u200b", "")


def test_every_text_block_carries_its_language(page, server):
    page.goto(server + ALIGNED)
    unlabeled = page.evaluate("""() => [...document.querySelectorAll('.dz-hans, .dz-hant, .dz-s, .dz-en')]
        .filter(el => !el.closest('[lang]') || !['zh-Hans','zh-Hant','en'].includes(el.closest('[lang]').lang)).length""")
    assert unlabeled == 0


def test_phone_width_stacks_rows(context, server):
    tab = context.new_page()
    tab.set_viewport_size({"width": 375, "height": 800})
    tab.goto(server + ALIGNED)
    tab.click('.dz-group[data-dz-setting="view"] button[data-value="pair"]')
    row = tab.locator("div.dz-row:not(.dz-addition)").first
    zh_box, en_box = row.locator(".dz-row-zh").bounding_box(), row.locator(".dz-row-en").bounding_box()
    assert en_box["y"] >= zh_box["y"] + zh_box["height"] - 1
    assert tab.evaluate("document.documentElement.scrollWidth") <= 375
    # The article's facts: each value has the column's width, not what its label leaves over.
    value = tab.locator(".dz-meta dd").first.bounding_box()
    assert value["width"] > 250, value
    # Each key of the coverage map's legend stays on one line ("小標" above "題 heading").
    tab.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    keys = tab.evaluate("""() => [...document.querySelectorAll('.dz-map-legend .dz-nowrap')]
        .map(k => new Set([...k.getClientRects()].map(r => Math.round(r.top))).size)""")
    assert keys == [1, 1, 1], keys
    tab.click('.dz-group[data-dz-setting="script"] button[data-value="hans"]')
    tab.close()


@pytest.mark.parametrize("width", [320, 390])
def test_a_glossary_label_keeps_its_first_place_on_its_line(context, server, width):
    # "中文: 1 · English:" ended a phone's line with its place "1" on the next.
    tab = context.new_page()
    tab.set_viewport_size({"width": width, "height": 800})
    tab.goto(server + "glossary/")
    apart = tab.evaluate("""() => [...document.querySelectorAll('.dz-places')].filter(s => {
        const label = s.previousSibling, first = s.querySelector('a');
        const range = document.createRange();
        range.setStart(label, Math.max(0, label.length - 2)); range.setEnd(label, label.length);
        const rects = range.getClientRects();
        return Math.abs(rects[rects.length - 1].top - first.getClientRects()[0].top) > 4;
    }).length""")
    assert tab.locator(".dz-places").count() > 20 and apart == 0, apart
    tab.close()


def test_the_closed_navigation_drawer_takes_no_keyboard_focus(context, server):
    # On a phone the navigation is a drawer off the screen: its links took 23 tab stops out of sight.
    tab = context.new_page()
    tab.set_viewport_size({"width": 390, "height": 800})
    tab.goto(server + ALIGNED)
    stops = []
    for _ in range(40):
        tab.keyboard.press("Tab")
        stops.append(tab.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"))
    assert not any(stops)
    tab.click(".md-header label[for=__drawer]")  # opened, its links are there to use
    link = tab.locator(".md-sidebar--primary a.md-nav__link", has_text="Felix Hill")
    expect(link).to_be_visible()
    link.focus()
    assert tab.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    tab.close()


@pytest.mark.parametrize("width", [320, 768, 800])
def test_no_article_is_wider_than_a_tablet_screen(context, server, width):
    # A paragraph's hidden ¶, set past a full last line, made the page a pixel too wide.
    tab = context.new_page()
    tab.set_viewport_size({"width": width, "height": 800})
    for path in (ALIGNED, CHINESE_ONLY, "articles/omar-khattab-research-impact/"):
        tab.goto(server + path)
        assert tab.evaluate("document.documentElement.scrollWidth") <= width, path
    tab.close()


def test_phone_width_scrolls_report_tables_inside_their_box(context, server):
    tab = context.new_page()
    tab.set_viewport_size({"width": 375, "height": 800})
    tab.goto(server + "report/")
    tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert tab.locator("table.dz-report").first.bounding_box()["width"] > 375  # wider than the phone…
    assert tab.evaluate("document.documentElement.scrollWidth") <= 375  # …yet the page does not scroll
    # The fixer's name breaks at its underscores, so the text as received starts on screen
    # ("join_subtitle_phrases" on one line pushed it past the edge), and never inside a word.
    fixer = tab.locator("table.dz-report tbody tr:not(.dz-review) td:nth-child(2)").first
    before = tab.locator("table.dz-report tbody tr:not(.dz-review) td:nth-child(4)").first
    assert before.bounding_box()["x"] < 250, before.bounding_box()
    lines = fixer.evaluate("td => [...td.querySelector('code').getClientRects()].length")
    words = fixer.inner_text().count("_") + 1
    assert lines <= words, (lines, fixer.inner_text())
    tab.set_viewport_size({"width": 1280, "height": 800})  # on a wide screen it stays whole
    most = tab.eval_on_selector_all("table.dz-report tbody tr:not(.dz-review) td:nth-child(2) code",
                                    "codes => Math.max(...codes.map(c => c.getClientRects().length))")
    assert most == 1, most
    tab.close()


@pytest.mark.parametrize("path", ["themes/flywheel/", "glossary/"])
def test_script_toggle_reaches_theme_pages_and_glossary(page, server, path):
    page.goto(server + path)
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    shown = page.locator(".dz-hant:visible").first.inner_text()
    assert page.locator(".dz-hans:visible").count() == 0 and shown
    assert "飛輪" in page.locator("article").inner_text() or "強化學習" in page.locator("article").inner_text()
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hans"]')


@pytest.mark.parametrize("path, simplified, traditional", [
    ("themes/flywheel/", ("相关主题", "在文中阅读", "合计"), ("相關主題", "在文中閱讀", "合計")),
    (ALIGNED, ("摘要表达了原文", "已表达", "原文此处"), ("摘要表達了原文", "已表達", "原文此處")),
])
def test_fixed_labels_follow_the_script(page, server, path, simplified, traditional):
    page.goto(server + path)
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    shown = page.locator("article").inner_text()
    assert all(label in shown for label in traditional), shown[:400]
    assert not any(label in shown for label in simplified)
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hans"]')
    assert all(label in page.locator("article").inner_text() for label in simplified)


def test_glossary_terms_carry_bilingual_tooltips(page, server):
    page.goto(server + ALIGNED)
    term = page.locator(".dz-row-zh abbr.dz-term").first
    title = term.get_attribute("title")
    assert title and any("\u4e00" <= c <= "\u9fff" for c in title) and any(c.isascii() and c.isalpha() for c in title)
    term.hover()
    page.wait_for_selector(".md-tooltip--active, .md-tooltip2--active", timeout=5_000)


def test_tooltips_follow_the_script(page, server):
    page.goto(server + ALIGNED)
    term = page.locator(".dz-row-zh .dz-hans abbr.dz-term").first
    term_title = term.get_attribute("title")
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    # A glossary term stands in the page in each script, each with its tooltip: left alone.
    assert term.get_attribute("title") == term_title
    reset = page.locator("button.md-search__icon[type=reset]")
    assert reset.get_attribute("aria-label") == "清空當前內容 Clear"
    assert page.locator(".dz-toolbar").get_attribute("aria-label") == "閱讀設定 Reading options"
    assert "文章版權歸原作者與發表媒體所有" in page.locator(".md-copyright").inner_text()  # the footer
    assert page.locator('.dz-group[data-dz-setting="script"]').get_attribute("aria-label") == "字體 Script"
    anchor = page.locator(".dz-row-zh a.dz-permalink").first
    assert anchor.get_attribute("aria-label") == "連結到此處 Link here"
    anchor.hover()  # Material shows its own tooltip, made from the title before the switch
    tooltip = page.locator(".md-tooltip2__inner:visible")
    tooltip.wait_for(timeout=5_000)
    assert tooltip.inner_text() == "連結到此處 Link here"
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hans"]')
    assert reset.get_attribute("aria-label") == "清空当前内容 Clear"
    assert page.locator(".dz-toolbar").get_attribute("aria-label") == "阅读设置 Reading options"
    anchor.hover()
    assert page.locator(".md-tooltip2__inner:visible").inner_text() == "链接到此处 Link here"


def test_a_keyboard_reaches_each_glossary_definition_once(page, server):
    page.goto(server + ALIGNED)
    terms = page.evaluate("""() => [...document.querySelectorAll('abbr.dz-term')].filter(t => t.getClientRects().length)
        .map(t => [t.title, t.lang, t.tabIndex])""")
    reachable = [(title, lang) for title, lang, tab in terms if tab >= 0]
    assert sorted(reachable) == sorted({(title, lang) for title, lang, _ in terms}), reachable
    assert len(reachable) < len(terms)  # a term's repeats are no further tab stops
    term = page.locator("abbr.dz-term[tabindex='0']:visible").first
    definition = term.get_attribute("title")  # Material takes the title away while its tooltip shows
    term.focus()
    tooltip = page.locator(".md-tooltip2__inner:visible")
    tooltip.wait_for(timeout=5_000)
    assert tooltip.inner_text() == definition
    page.keyboard.press("Escape")  # and it can be dismissed where it covers the text
    expect(page.locator(".md-tooltip2__inner", has_text=definition)).to_be_hidden()


def test_the_themes_own_strings_speak_both_languages(page, server):
    # A reader of the English view finds the search, the contents and "back to top" in English
    # too; the counts Material writes into its strings reach both halves.
    page.goto(server + ALIGNED)
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "搜索 Search"
    assert page.locator(".md-sidebar--secondary .md-nav__title").first.inner_text().strip() == "目录 Contents"
    assert " ".join(page.locator(".md-top").text_content().split()) == "回到页面顶部 Back to top"
    search(page, "flywheel")
    status = page.locator(".md-search-result__meta").inner_text()
    assert re.fullmatch(r"符合条件的结果：\d+ matching documents", status.strip()), status
    more = page.locator(".md-search-result__more > summary").first.inner_text()
    assert "#" not in more and re.search(r"\d+ more on this page", more), more


def test_the_search_clear_button_keeps_the_script_once_the_search_opens(page, server):
    # Material made the button's tooltip from its title when the page loaded, and puts that
    # title back whenever the search opens.
    page.goto(server + "")
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    reset = page.locator("button.md-search__icon[type=reset]")
    page.click("input[data-md-component=search-query]")
    page.fill("input[data-md-component=search-query]", "飞轮")
    expect(reset).to_have_attribute("title", "清空當前內容 Clear")


def test_the_not_found_page_names_itself_in_the_script_shown(page, server):
    page.goto(server.base + "404.html")
    assert page.title().startswith("找不到这一页 · Page not found - ")
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    assert page.title().startswith("找不到這一頁 · Page not found - ")
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hans"]')
    assert page.title().startswith("找不到这一页 · Page not found - ")


def test_search_results_in_traditional_keep_the_words_of_a_text_received_so(page, server):
    # The Felix Hill summary came in Traditional and says 博客; its page keeps the word, and so
    # must its search results, and those of a theme page quoting it. The other articles came
    # in Simplified: 博客 is 部落格 there.
    page.goto(server + "")
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    search(page, "博客")
    page.wait_for_function("() => /符合條件的結果/.test(document.querySelector('.md-search-result__meta').textContent)")
    shown = page.eval_on_selector_all(".md-search-result__item > a", """links => links.map(a => [
        a.getAttribute("href"), a.innerText.replace(/\u200b/g, "")])""")
    # The article's own page, and the theme page's section quoting it (#felix-hill-…).
    kept = [text for href, text in shown if re.search(r"/articles/felix-hill[^/#]*[/.]|#felix-hill", href)]
    elsewhere = [text for href, text in shown if "/articles/nathan-lambert" in href]
    assert any("/themes/" in href for href, text in shown if text in kept), shown
    assert kept and all("博客" in text and "部落格" not in text for text in kept), kept
    assert any("部落格" in text for text in elsewhere) and not any("博客" in text for text in elsewhere), elsewhere
    # The home page's list of articles names it by its title, in its own words too.
    listed = [(href, text) for href, text in shown if href.endswith("#articles") and "/articles/" not in href]
    assert listed and all("生前博客直言" in text and "生前部落格直言" not in text for _, text in listed), listed
    # …and the address it leads to asks for the word as shown there too, so that it is marked.
    assert all("%E5%8D%9A%E5%AE%A2" in href for href, _ in listed), listed  # 博客


def test_a_search_result_in_traditional_marks_its_words_on_the_page_it_leads_to(page, server):
    # Material marks the words a result matched on the page it opens, where only the
    # Traditional text is shown: the words must reach it in Traditional (飛輪, not 飞轮).
    page.goto(server + "")
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    hrefs = [href for href in search(page, "飞轮") if re.search(r"nathan-lambert-path-into-ai[^?]*\?h=[^#&]", href or "")]
    assert hrefs and all("h=%E9%A3%9B%E8%BC%AA" in href for href in hrefs), hrefs  # ?h=飛輪
    page.click(f'.md-search-result__item > a[href="{hrefs[0]}"]')
    page.wait_for_selector("article mark", state="visible", timeout=10_000)
    marked = page.eval_on_selector_all("article mark", "ms => ms.filter(m => m.offsetHeight).map(m => m.textContent)")
    assert marked and set(marked) == {"飛輪"}, marked
    # Switched to Simplified there, the reader still sees the words marked, in that script.
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hans"]')
    marked = page.eval_on_selector_all("article mark", "ms => ms.filter(m => m.offsetHeight).map(m => m.textContent)")
    assert marked and set(marked) == {"飞轮"}, marked


def test_navigation_contents_and_title_follow_the_script(page, server):
    page.goto(server + CHINESE_ONLY)
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hant"]')
    nav = page.locator(".md-sidebar--primary").inner_text()
    assert "主題 Themes" in nav and "主题 Themes" not in nav
    assert "壓力" in page.title()
    assert "社交焦慮" in page.locator(".md-sidebar--secondary").inner_text()  # a heading in the contents
    # The article was received in Traditional: its contents keep its own word for "blog" (博客),
    # as its heading does, not the Taiwan 部落格 a conversion from Simplified would bring.
    assert "最令人心碎的博客" in page.locator(".md-sidebar--secondary").inner_text()
    assert page.locator("article h2:has-text('最令人心碎的博客')").count() == 1
    assert "目錄" in page.locator(".md-sidebar--secondary").inner_text()  # the theme's own strings
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "搜尋 Search"
    page.goto(server + ALIGNED)  # remembered on the next page, before any click
    assert "文章 Articles" in page.locator(".md-sidebar--primary").inner_text()
    assert "術語表 Glossary" in page.locator(".md-sidebar--primary").inner_text()
    page.click('.dz-group[data-dz-setting="script"] button[data-value="hans"]')
    assert "术语表 Glossary" in page.locator(".md-sidebar--primary").inner_text()
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "搜索 Search"


BADGE_ALONE = """() => [...document.querySelectorAll('.dz-badges')].filter(b => b.getClientRects().length).filter(b => {
  // The paragraph's last character before the badges, and the first badge: on one line?
  const walker = document.createTreeWalker(b.parentNode, NodeFilter.SHOW_TEXT);
  let last = null;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (b.contains(node)) break;
    if (node.nodeValue.trim() && node.parentNode.getClientRects().length) last = node;
  }
  const range = document.createRange(), text = last.nodeValue.trimEnd();
  range.setStart(last, text.length - 1);
  range.setEnd(last, text.length);
  return Math.abs(range.getBoundingClientRect().bottom - b.querySelector('.dz-badge').getBoundingClientRect().bottom) > 8;
}).length"""


@pytest.mark.parametrize("width", [390, 700, 1280])
def test_a_theme_badge_never_stands_alone_on_a_line(context, server, width):
    # A line break fell between a paragraph's last character and its badges, leaving a badge
    # on a line of its own under the paragraph (12 of 91 at 1280 pixels, 21 on a phone).
    tab = context.new_page()
    tab.set_viewport_size({"width": width, "height": 900})
    for path in (ALIGNED, CHINESE_ONLY):
        tab.goto(server + path)
        assert tab.locator(".dz-badges").count() > 10
        assert tab.evaluate(BADGE_ALONE) == 0, (path, width)
    tab.close()
