/* duizhao reading controls: view mode, script, and linked highlighting.
 * Everything is in the page already (both scripts, both languages); this only switches
 * what is shown, so it works offline and from file://. Choices persist in localStorage. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SETTINGS = {
    view: { key: "duizhao.view", fallback: "pair", label: ["视图 View", "視圖 View"],
      // [value, Simplified label, Traditional label, English title]
      choices: [["pair", "对照", "對照", "Side by side"], ["interleaved", "交错", "交錯", "Interleaved"],
                ["zh", "中文", "中文", "Chinese only"], ["en", "English", "English", "English only"]] },
    script: { key: "duizhao.script", fallback: "hans", label: ["字体 Script", "字體 Script"],
      choices: [["hans", "简体", "簡體", "Simplified"], ["hant", "繁体", "繁體", "Traditional"]] }
  };

  function load(name) {
    var s = SETTINGS[name], value = null;
    try { value = window.localStorage.getItem(s.key); } catch (e) { /* storage may be disabled */ }
    var known = s.choices.some(function (c) { return c[0] === value; });
    return known ? value : s.fallback;
  }
  // Labels the theme writes (navigation, contents, page title) switch script through a
  // map built with the site; the original Simplified text is kept to switch back.
  var LABELLED = ".md-nav__link, .md-nav__title, .md-header__topic .md-ellipsis, .md-tabs__link, " +
    ".md-typeset h2, .md-typeset h3, .md-typeset td a, .md-typeset li > a, .md-footer__direction, " +
    ".md-skip, .md-top, .md-search-result__meta, .md-copyright";
  function relabel(value) {
    var labels = window.duizhaoLabels || {};
    document.querySelectorAll(LABELLED).forEach(function (el) {
      var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), texts = [];
      while (walker.nextNode()) texts.push(walker.currentNode);
      texts.forEach(function (node) {
        if (node.parentNode.closest(".dz-hans, .dz-hant")) return;  // already in both scripts
        if (node.dzHans === undefined) node.dzHans = node.nodeValue;
        var key = node.dzHans.trim();
        node.nodeValue = value === "hant" && labels[key] ? node.dzHans.replace(key, labels[key]) : node.dzHans;
      });
    });
    document.querySelectorAll("input[placeholder]").forEach(function (input) {
      if (input.dzHans === undefined) input.dzHans = input.getAttribute("placeholder");
      var key = input.dzHans.trim();
      input.setAttribute("placeholder", value === "hant" && labels[key] ? labels[key] : input.dzHans);
    });
    // Tooltips and screen-reader labels (``title``, ``aria-label``) use the same map, and so
    // do the tooltips Material has already made from them. An element whose ``lang`` names
    // its script is in the page in both scripts already (a glossary term).
    document.querySelectorAll("[title], [aria-label]").forEach(function (el) {
      ["title", "aria-label"].forEach(function (name) { reattribute(el, name, value); });
    });
    document.querySelectorAll(TOOLTIP).forEach(function (el) { retooltip(el, value); });
    retitle(value);
  }

  // The browser tab and the header's page title name the page in the script chosen, and in
  // the English view by the original's own title, as its heading does (``.dz-title-en``).
  function retitle(value) {
    var labels = window.duizhaoLabels || {};
    var english = root.getAttribute("data-dz-view") === "en" && document.querySelector(".md-content h1 .dz-title-en");
    if (document.dzTitle === undefined) document.dzTitle = document.title;
    var parts = document.dzTitle.split(" - ").map(function (part) {
      return value === "hant" && labels[part.trim()] ? labels[part.trim()] : part;
    });
    if (english) parts[0] = english.textContent.trim();
    document.title = parts.join(" - ");
    if (root.getAttribute("data-dz-view") !== "en") return;
    // The header's title, and the navigation's entry for every article, name the original
    // (CSS shows these names in the English view only).
    if (english) document.querySelectorAll('[data-md-component="header-topic"]').forEach(function (place) {
      addEnglish(place, english.textContent.trim());
    });
    var titles = window.duizhaoEnglish || {};
    document.querySelectorAll(".md-nav--primary .md-nav__link").forEach(function (place) {
      if (place.closest(".md-nav--secondary")) return;  // a page's contents (a theme's sections) stay its headings
      var shown = place.querySelector(".md-ellipsis:not(.dz-topic-en)");
      if (!shown) return;
      var walker = document.createTreeWalker(shown, NodeFilter.SHOW_TEXT), text = "";
      while (walker.nextNode()) text += walker.currentNode.dzHans !== undefined ? walker.currentNode.dzHans : walker.currentNode.nodeValue;
      var title = titles[text.trim()];
      if (title) addEnglish(place, title);
    });
  }
  function addEnglish(place, title) {
    if (place.querySelector(".dz-topic-en") || !place.querySelector(".md-ellipsis")) return;
    var name = document.createElement("span");
    name.className = "md-ellipsis dz-topic-en";
    name.lang = "en";
    name.textContent = title;
    place.appendChild(name);
  }

  // A label in the script asked for, whichever script it is in now: the map runs from
  // Simplified to Traditional, so a Traditional label is first looked up the other way.
  var simplifiedOf = null;
  function inScript(text, value, labels) {
    if (!simplifiedOf) {
      simplifiedOf = {};
      Object.keys(labels).forEach(function (k) { simplifiedOf[labels[k]] = k; });
    }
    var hans = Object.prototype.hasOwnProperty.call(simplifiedOf, text) ? simplifiedOf[text] : text;
    return value === "hant" && labels[hans] ? labels[hans] : hans;
  }
  // An element in the page in each script already (a glossary term and its tooltip).
  var OWN_SCRIPT = ".dz-hans, .dz-hant, [lang='zh-Hans'], [lang='zh-Hant']";
  function reattribute(el, name, value) {
    if (el.closest(OWN_SCRIPT)) return;
    var text = el.getAttribute(name), next = text && inScript(text, value, window.duizhaoLabels || {});
    if (next && next !== text) el.setAttribute(name, next);
  }
  // Material makes a tooltip from an element's title once, then shows it on hover, so the
  // tooltip's own text is switched, whenever the script changes and whenever one appears.
  var TOOLTIP = ".md-tooltip2__inner, .md-tooltip__inner";
  function retooltip(el, value) {
    if (el.closest(OWN_SCRIPT)) return;
    var text = el.textContent, next = inScript(text, value, window.duizhaoLabels || {});
    if (next !== text && el.children.length === 0) el.textContent = next;
  }
  function watchTooltips() {
    if (!window.MutationObserver) return;
    new MutationObserver(function (mutations) {
      var value = root.getAttribute("data-dz-script");
      mutations.forEach(function (m) {
        // Material takes a title away while its tooltip shows and then puts back the one it
        // took (the search's clear button, after the search opens): put back in the script shown.
        if (m.type === "attributes") { reattribute(m.target, "title", value); return; }
        m.addedNodes.forEach(function (node) {
          if (node.nodeType !== 1) return;
          if (node.matches(TOOLTIP)) retooltip(node, value);
          node.querySelectorAll(TOOLTIP).forEach(function (el) { retooltip(el, value); });
        });
      });
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["title"] });
  }

  // Screen-reader names of the toolbar and its groups, [Simplified, Traditional].
  var TOOLBAR_LABEL = ["阅读设置 Reading options", "閱讀設定 Reading options"];
  function nameToolbar(value) {
    var k = value === "hant" ? 1 : 0;
    document.querySelectorAll(".dz-toolbar").forEach(function (bar) { bar.setAttribute("aria-label", TOOLBAR_LABEL[k]); });
    document.querySelectorAll(".dz-group[data-dz-setting]").forEach(function (box) {
      box.setAttribute("aria-label", SETTINGS[box.getAttribute("data-dz-setting")].label[k]);
    });
  }

  // English only opens the passages the summary skipped, so the original reads whole; the
  // ones it opened close again when the reader goes back to a view with the summary.
  function openSkipped(value) {
    document.querySelectorAll("details.dz-omission").forEach(function (details) {
      if (value === "en" && !details.open) { details.open = true; details.dzOpenedForEnglish = true; }
      if (value !== "en" && details.dzOpenedForEnglish) { details.open = false; details.dzOpenedForEnglish = false; }
    });
  }

  // The table of contents lists the summary's headings, and in English only the original's
  // (contents.py). The other view's entries are taken out of the page, not only hidden:
  // Material's scroll-spy, set up once the page has loaded, then never lights up a hidden
  // entry. It knows only the entries in the page then; the other view's are lit by spy().
  var contents = [];  // [entry, its place, names a heading of the original]
  document.querySelectorAll(".md-nav__link .dz-toc-source, .md-nav__link .dz-toc-summary").forEach(function (name) {
    var entry = name.closest(".md-nav__item");
    if (!entry || !entry.parentNode) return;
    var place = document.createComment("");
    entry.parentNode.insertBefore(place, entry);
    contents.push([entry, place, name.classList.contains("dz-toc-source")]);
  });
  function showContents(value) {
    contents.forEach(function (c) {
      var wanted = c[2] === (value === "en");
      if (wanted && !c[0].parentNode) c[1].parentNode.insertBefore(c[0], c[1].nextSibling);
      if (!wanted && c[0].parentNode) c[0].parentNode.removeChild(c[0]);
    });
    if (contents.length) { relabel(root.getAttribute("data-dz-script")); queueSpy(); }  // entries put back keep up
  }

  // The English view lays the pieces of an aligned page out by their place in the source
  // (their CSS ``order``). A screen reader and the Tab key follow the page's own order, not the
  // layout: while that view is shown the pieces are moved into the source's order, and back
  // into the summary's when it is left. The original's headings are headings there too.
  function arrange(value) {
    var content = document.querySelector(".md-content__inner");
    if (!content || !content.querySelector(":scope > .dz-row")) return;
    var pieces = Array.prototype.slice.call(content.children);
    pieces.forEach(function (el, k) {  // each piece's place in the summary, the first time it is seen
      if (el.dzPlace !== undefined) return;
      // One added later (the toolbar) takes a place between its neighbours'.
      var before = k > 0 ? pieces[k - 1].dzPlace : -1;
      var after = pieces.slice(k + 1).find(function (p) { return p.dzPlace !== undefined; });
      el.dzPlace = after ? (before + after.dzPlace) / 2 : before + 1;
    });
    var english = value === "en";
    var focused = document.activeElement;  // moving the element that holds it would drop it
    pieces.map(function (el) { return [english ? parseInt(el.style.order, 10) || 0 : 0, el.dzPlace, el]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .forEach(function (p) { if (content.lastElementChild !== p[2]) content.appendChild(p[2]); });
    if (focused && focused !== document.activeElement && content.contains(focused)) focused.focus({ preventScroll: true });
    content.querySelectorAll(".dz-s-heading").forEach(function (heading) {
      if (english) { heading.setAttribute("role", "heading"); heading.setAttribute("aria-level", "2"); }
      else { heading.removeAttribute("role"); heading.removeAttribute("aria-level"); }
    });
  }

  function apply(name, value) {
    root.setAttribute("data-dz-" + name, value);
    if (name === "script" && document.body) { relabel(value); nameToolbar(value); markSearchWords(); }
    if (name === "view" && document.body) { arrange(value); openSkipped(value); showContents(value); retitle(root.getAttribute("data-dz-script")); }
    document.querySelectorAll('.dz-group[data-dz-setting="' + name + '"] button').forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-value") === value));
    });
  }
  function store(name, value) {
    try { window.localStorage.setItem(SETTINGS[name].key, value); } catch (e) { /* ignore */ }
    apply(name, value);
  }

  // Apply stored choices before the first paint of the content where possible.
  apply("view", load("view"));
  apply("script", load("script"));

  var HAN = /[\u3400-\u9fff]/;
  function group(name) {
    var s = SETTINGS[name];
    var box = document.createElement("div");
    box.className = "dz-group";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", s.label[0]);
    box.setAttribute("data-dz-setting", name);
    s.choices.forEach(function (c) {
      var b = document.createElement("button");
      b.type = "button";
      // Both scripts, as in the page: CSS shows the one chosen.
      [[c[1], "dz-hans", "zh-Hans"], [c[2], "dz-hant", "zh-Hant"]].forEach(function (l) {
        var span = document.createElement("span");
        span.className = l[1];
        span.lang = HAN.test(l[0]) ? l[2] : "en";
        span.textContent = l[0];
        b.appendChild(span);
      });
      // A Chinese label has its English under it ("Chinese", not "Chinese only"): a reader of
      // English reads the choice, not only its tooltip (phones have none).
      if (HAN.test(c[1])) {
        var english = document.createElement("small");
        english.className = "dz-choice-en";
        english.lang = "en";
        english.textContent = c[3].replace(/ only$/, "");
        b.appendChild(english);
      }
      b.title = c[3];
      b.setAttribute("data-value", c[0]);
      b.addEventListener("click", function () { store(name, c[0]); });
      box.appendChild(b);
    });
    return box;
  }

  // Material's way, for the entries it was not set up with: the entry of the last heading
  // above the top of the content is the one being read, the ones before it are passed.
  var spyView = root.getAttribute("data-dz-view") === "en";  // the entries Material knows
  var spyQueued = false;
  function spy() {
    spyQueued = false;
    var english = root.getAttribute("data-dz-view") === "en";
    if (english === spyView) return;
    var header = document.querySelector(".md-header");
    var top = (header ? header.getBoundingClientRect().bottom : 0) + 16;
    var atEnd = window.innerHeight + window.scrollY >= document.body.scrollHeight - 2;
    var links = [];
    contents.forEach(function (c) {
      var link = c[2] === english && c[0].querySelector("a.md-nav__link");
      var heading = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
      while (heading && !heading.getClientRects().length) heading = heading.parentElement;  // hidden: its box
      if (heading) links.push([link, heading.getBoundingClientRect().top]);
    });
    links.sort(function (a, b) { return a[1] - b[1]; });
    var passed = links.filter(function (l) { return atEnd || l[1] <= top; });
    links.forEach(function (l) {
      var k = passed.indexOf(l);
      l[0].classList.toggle("md-nav__link--passed", k >= 0);
      l[0].classList.toggle("md-nav__link--active", k >= 0 && k === passed.length - 1);
    });
  }
  function queueSpy() {
    if (!spyQueued) { spyQueued = true; window.requestAnimationFrame(spy); }
  }
  if (contents.length) {
    window.addEventListener("scroll", queueSpy, { passive: true });
    window.addEventListener("resize", queueSpy);
  }

  function buildToolbar() {
    var content = document.querySelector(".md-content__inner");
    if (!content || content.querySelector(".dz-toolbar")) return;
    var hasChinese = content.querySelector(".dz-hans");
    var hasRows = content.querySelector(".dz-row");
    if (!hasChinese && !hasRows) return;
    var bar = document.createElement("div");
    bar.className = "dz-toolbar";
    bar.setAttribute("role", "group");  // a toolbar would owe arrow-key movement between its buttons
    bar.setAttribute("aria-label", TOOLBAR_LABEL[0]);
    if (hasRows) bar.appendChild(group("view"));
    if (hasChinese) bar.appendChild(group("script"));
    var title = content.querySelector("h1");
    content.insertBefore(bar, title ? title.nextSibling : content.firstChild);
    apply("view", load("view"));
    apply("script", load("script"));
  }

  // Linked highlighting: a Chinese paragraph lights up its English sentences and back.
  function partners(el) {
    var ids = (el.getAttribute("data-en") || el.getAttribute("data-zh") || "").split(" ");
    return ids.filter(Boolean).map(function (id) { return document.getElementById(id); }).filter(Boolean);
  }
  function clear() {
    document.querySelectorAll(".dz-lit").forEach(function (el) { el.classList.remove("dz-lit"); });
  }
  // A pointer passing over a paragraph, or the keyboard's focus reaching it, only lights its
  // partners; a click (``go``) also brings them into view when they are off the screen (a
  // sentence the summary moved), at once when the reader asked for less motion.
  var STILL = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");
  function light(el, go) {
    clear();
    var others = partners(el);
    if (!others.length) return;
    el.classList.add("dz-lit");
    others.forEach(function (o) { o.classList.add("dz-lit"); });
    if (go && root.getAttribute("data-dz-view") === "pair") {
      var rect = others[0].getBoundingClientRect();
      if (rect.bottom < 0 || rect.top > window.innerHeight) {
        others[0].scrollIntoView({ block: "nearest", behavior: STILL && STILL.matches ? "auto" : "smooth" });
      }
    }
  }
  function target(event) {
    return event.target.closest && event.target.closest(".dz-zh[data-en], .dz-s[data-zh]");
  }
  // Focus moving by keyboard scrolls the page under a pointer at rest, and the browser then
  // reports the pointer over whatever paragraph came under it: only a pointer that has moved
  // since takes the light from the paragraph the keyboard reached.
  var pointer = { x: -1, y: -1, moved: true };
  document.addEventListener("mousemove", function (e) {
    if (e.clientX === pointer.x && e.clientY === pointer.y) return;
    pointer.x = e.clientX;
    pointer.y = e.clientY;
    if (!pointer.moved) { pointer.moved = true; var t = target(e); if (t) light(t); }
  });
  document.addEventListener("mouseover", function (e) { var t = target(e); if (t && pointer.moved) light(t); });
  document.addEventListener("focusin", function (e) { var t = target(e); if (t) { pointer.moved = false; light(t); } });
  document.addEventListener("click", function (e) { var t = target(e); if (t) light(t, true); });

  // A link to a sentence the summary skipped opens its collapsed row. A link to what the
  // view hides (a Chinese paragraph in the English view, from a theme page; an English
  // sentence in the Chinese view, from the coverage map) lands on the row that holds it,
  // the row's other half standing in; a row the view hides whole (an addition in the
  // English view, a skipped passage in the Chinese one) is shown side by side for this
  // visit, the reader's chosen view left as stored.
  // The address's fragment as an id; a malformed one ("#100%") names nothing.
  function hashId() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return ""; }
  }
  function markTarget(el) {
    document.querySelectorAll(".dz-target").forEach(function (t) { t.classList.remove("dz-target"); });
    if (el) el.classList.add("dz-target");
  }
  function openTarget() {
    var id = hashId();
    var el = id && document.getElementById(id);
    if (!el) return;
    markTarget(null);
    var details = el.closest("details");
    if (details) details.open = true;
    var shown = el, hidden = !el.getClientRects().length;
    if (hidden) {
      var row = el.closest(".dz-row");
      // An addition shows only the line standing for it in the English view: its paragraphs
      // are what the reader asked for.
      if (row && row.getClientRects().length && !row.classList.contains("dz-addition")) {
        shown = row;
      } else {
        apply("view", "pair");
      }
      shown.classList.add("dz-target");
    }
    if (details || hidden) shown.scrollIntoView();
    // A paragraph or sentence linked to (from a theme page, the glossary) lights its other
    // half as a pointer over it would, without scrolling away from it.
    var linked = el.closest(".dz-zh[data-en], .dz-s[data-zh]");
    if (linked) light(linked);
  }
  window.addEventListener("hashchange", openTarget);

  // Material writes the search status ("7 个符合条件的结果", "在该页上还有 1 个…") as results
  // arrive, in Simplified: in Traditional it is converted there and then.
  function searchStatus() {
    var convert = window.duizhaoTraditional;
    if (!convert || root.getAttribute("data-dz-script") !== "hant") return;
    document.querySelectorAll(".md-search-result__meta, .md-search-result__more > summary").forEach(function (el) {
      var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        var node = walker.currentNode, shown = convert(node.nodeValue);
        if (shown !== node.nodeValue) { node.dzHans = node.nodeValue; node.nodeValue = shown; }
      }
    });
  }
  function watchSearch() {
    var results = document.querySelector(".md-search-result");
    if (results && window.MutationObserver) {
      new MutationObserver(searchStatus).observe(results, { childList: true, subtree: true, characterData: true });
    }
  }

  // A result naming a whole page carries in "?h=" only the words its page-level text holds,
  // often none: followed so, it opened the page at its top with nothing found. It is given
  // the query as typed, so that the page is searched from its top for the first paragraph.
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a.md-search-result__link");
    var input = document.querySelector("input[data-md-component=search-query]");
    if (!link || !input || !input.value.trim() || !window.URL) return;
    var url = new URL(link.href, location.href);
    if (url.searchParams.get("h")) return;
    url.searchParams.set("h", input.value.trim());
    link.href = url.href;
  }, true);

  // The page's own furniture, never what a query was looking for (the coverage panel's
  // "The summary expresses…" answered "summary").
  var FURNITURE = ".dz-coverage, .dz-toolbar";
  // A search result leads to its section's heading (Material's index knows sections, not
  // rows), with the query in "?h=". The first paragraph after that heading whose shown text
  // holds a word of the query (not of the furniture) is brought into view and lit, as the
  // result showed it. The words are looked for as typed and in Traditional (a result shown in
  // Simplified puts them in "?h=" in Simplified, and a page shown in Traditional says 專案
  // where the index says 项目).
  function findFromSearch() {
    var words = searchWords().map(function (w) { return w.toLowerCase(); });
    if (!words.length) return;
    var start = location.hash && document.getElementById(hashId());
    if (start && !/^H[1-6]$/.test(start.tagName)) return;  // a row's own address: already there
    var content = document.querySelector(".md-content");
    if (!content) return;
    var found = Array.prototype.find.call(content.querySelectorAll("p, li"), function (el) {
      if (start && !(start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) return false;
      if (!el.getClientRects().length || el.closest(FURNITURE)) return false;
      var text = el.innerText.toLowerCase();
      return words.some(function (w) { return text.indexOf(w) >= 0; });
    });
    if (!found) return;
    markTarget(found);
    function show() { found.scrollIntoView({ block: "center" }); }
    show();
    // Material scrolls to the heading once loaded and marks the words once its index is
    // read: show the paragraph again after each, or the page ends at the heading.
    setTimeout(show, 300);
    if (!window.MutationObserver) return;
    var watch = new MutationObserver(function () {
      if (content.querySelector("mark[data-md-highlight]")) { watch.disconnect(); show(); }
    });
    watch.observe(content, { childList: true, subtree: true });
    setTimeout(function () { watch.disconnect(); }, 5000);
  }

  // The words of a search result's address ("?h="), as given and in either script.
  function searchWords() {
    var query = window.URLSearchParams && new URLSearchParams(location.search).get("h");
    var words = (query || "").split(/\s+/).filter(Boolean);
    [window.duizhaoTraditional, window.duizhaoSimplified].forEach(function (convert) {
      if (convert) words = words.concat(words.map(convert));
    });
    return words.filter(function (w, k) { return words.indexOf(w) === k; });
  }
  // Material marks those words in the text shown when the page opens, which is one script's
  // twin only: once the reader switches script, the other twin's words are marked the same way.
  function markSearchWords() {
    var content = document.querySelector(".md-content");
    var words = searchWords();
    if (!content || !words.length || !content.querySelector("mark[data-md-highlight]")) return;
    var source = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|");
    var holds = new RegExp(source, "i"), pattern = new RegExp(source, "gi");
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT), found = [];
    while (walker.nextNode()) {
      var node = walker.currentNode, parent = node.parentElement;
      if (parent && parent.offsetHeight && !parent.closest("mark, script, style") && holds.test(node.nodeValue)) found.push(node);
    }
    found.forEach(function (node) {
      var text = node.nodeValue, pieces = document.createDocumentFragment(), last = 0;
      text.replace(pattern, function (word, at) {
        pieces.appendChild(document.createTextNode(text.slice(last, at)));
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = word;
        pieces.appendChild(mark);
        last = at + word.length;
        return word;
      });
      pieces.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(pieces, node);
    });
  }

  // Escape hides a definition shown over the text (a glossary term reached by Tab), which
  // otherwise stays until focus moves on; the next focus or pointer movement shows it again.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    document.querySelectorAll(".md-tooltip2--active").forEach(function (tip) { tip.classList.add("dz-dismissed"); });
  });
  ["focusin", "mouseover"].forEach(function (kind) {
    document.addEventListener(kind, function () {
      document.querySelectorAll(".md-tooltip2.dz-dismissed").forEach(function (tip) { tip.classList.remove("dz-dismissed"); });
    });
  });

  function ready() { buildToolbar(); openTarget(); findFromSearch(); watchSearch(); watchTooltips(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
