/*
 * duizhao: search in either script.
 *
 * Why: the search index holds the Simplified text only (each Chinese text stands on
 * the page in both scripts, and an index of both runs them together in every
 * result). A reader who types 飛輪 or 專案 must still find 飞轮 and 项目, and one
 * reading in Traditional should see the results in Traditional.
 *
 * How: Material talks to its search worker in messages: {type: 2, data: query} out,
 * {type: 3, data: results} back. Worker is wrapped so that a query goes out in
 * Simplified and, while the page is shown in Traditional, results come back in
 * Traditional. Both conversions use the site's own maps
 * (assets/javascripts/duizhao-search-map.js, written by the build). A query is
 * converted by the longest known word first, else character by character; a result
 * is converted word by word, the words being those the index was segmented into
 * (it separates them with U+200B).
 *
 * A query also loses the punctuation around its words ("Ph.D." becomes "Ph.D", 「飞轮」
 * 飞轮, (RLHF) RLHF): the index keeps no word's leading or final punctuation (its trimmer
 * drops it), while a query is matched as typed, so a word copied with its full stop or its
 * brackets found nothing.
 *
 * A Latin word typed without its accents (tulu) is searched as the site spells it (Tülu):
 * the index keeps the accents (queryLatin of the map).
 *
 * A query word mixing scripts is cut where the script changes (AI研究 is searched as AI and
 * 研究): the index holds them as two words.
 *
 * Material's worker cuts a Chinese query into the index's words but never tries the query
 * whole: 博客 became 博 (and found 博士 and 博弈 too), 心智占有率 became 心智. A sign that
 * is no word of the query (〇, ``PAST_THE_END``) after each run of two or more characters
 * lets it try them all; the worker leaves it out of the words it finds.
 *
 * This file loads before Material's bundle, and after the file:// worker stand-in
 * where there is one, so that it wraps whichever Worker the bundle will use.
 */
(function () {
  "use strict";
  var QUERY = 2, RESULT = 3;
  var SEPARATOR = "\u200b";
  var Base = window.Worker;
  if (!Base || Base.duizhaoScripts) return;

  var maps = null;
  function load() {
    var data = window.duizhaoSearchMap;
    if (!data) return null;
    if (!maps) {
      var unpack = function (pairs) {
        var out = {};
        for (var k = 0; k + 1 < pairs.length; k += 2) out[pairs.charAt(k)] = pairs.charAt(k + 1);
        return out;
      };
      var longest = 1;
      Object.keys(data.queryWords).forEach(function (w) { longest = Math.max(longest, w.length); });
      maps = { queryChars: unpack(data.queryChars), queryWords: data.queryWords, longest: longest,
               queryLatin: data.queryLatin || {},
               shownChars: unpack(data.shownChars), shownWords: data.shownWords,
               keptPages: data.keptPages || [], keptWords: data.keptWords || {},
               keptPassages: data.keptPassages || [] };
    }
    return maps;
  }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function simplified(query) {
    var m = load();
    if (!m) return query;
    var out = "";
    for (var i = 0; i < query.length;) {
      var n = Math.min(m.longest, query.length - i);
      for (; n > 1 && !has(m.queryWords, query.substr(i, n)); n--);
      if (n > 1) {
        out += m.queryWords[query.substr(i, n)];
      } else {
        n = 1;
        out += has(m.queryChars, query.charAt(i)) ? m.queryChars[query.charAt(i)] : query.charAt(i);
      }
      i += n;
    }
    return out;
  }

  function accented(query) {
    var m = load();
    if (!m) return query;
    return query.replace(/[A-Za-z\u00c0-\u024f]+/g, function (word) {
      // The site's spelling alone: the bare one, found nowhere, would be listed as missing.
      var bare = word.toLowerCase();
      return has(m.queryLatin, bare) ? m.queryLatin[bare] : word;
    });
  }

  // Not "*", "~", "^", "+", "-" or straight quotes, which are Material's query syntax.
  var WORD_START = /(^|\s)[(\[{\u2018\u201c\u3008\u300a\u300c\u300e\u3010\uff08]+/g;
  var WORD_END = /[.,;:!?)\]}\u2019\u201d\u2026\u3001\u3002\u3009\u300b\u300d\u300f\u3011\uff01\uff09\uff0c\uff1a\uff1b\uff1f]+(?=\s|$)/g;
  function withoutWordEnds(query) {
    return query.replace(WORD_START, "$1").replace(WORD_END, "");
  }
  // The index holds "AI研究" as two words (jieba cut it at build time), while the worker
  // keeps a query word mixing scripts whole, which no indexed word begins with.
  var SCRIPT_SEAM = /([A-Za-z0-9])(?=\p{sc=Han})|(\p{sc=Han})(?=[A-Za-z0-9])/gu;
  function apartScripts(query) {
    return query.replace(SCRIPT_SEAM, "$1$2 ");
  }
  var PAST_THE_END = "\u3007";
  function triedWhole(query) {
    return query.replace(/\p{sc=Han}{2,}/gu, function (run) { return run + PAST_THE_END; });
  }

  function traditionalWord(word, m, kept) {
    if (kept && has(m.keptWords, word)) return m.keptWords[word];
    if (has(m.shownWords, word)) return m.shownWords[word];
    var out = "";
    for (var i = 0; i < word.length; i++) {
      out += has(m.shownChars, word.charAt(i)) ? m.shownChars[word.charAt(i)] : word.charAt(i);
    }
    return out;
  }
  // Text of a result (HTML with <mark> around the matches): tags are left as they are.
  // Where in a result's text (tags and word separators left out) the title or a heading of
  // a text received in Traditional stands: the home page and the glossary name it too.
  function keptRanges(html, m) {
    var plain = html.replace(/<[^>]*>/g, "").split(SEPARATOR).join(""), ranges = [];
    m.keptPassages.forEach(function (passage) {
      for (var at = plain.indexOf(passage); at >= 0; at = plain.indexOf(passage, at + 1)) {
        ranges.push([at, at + passage.length]);
      }
    });
    return ranges;
  }
  function traditional(html, m, kept) {
    var ranges = kept ? [] : keptRanges(html, m), at = 0;
    return html.replace(/<[^>]*>|[^<]+/g, function (part) {
      if (part.charAt(0) === "<") return part;
      return part.split(SEPARATOR).map(function (w) {
        var start = at;
        at += w.length;
        var inside = kept || ranges.some(function (r) { return start >= r[0] && start < r[1]; });
        return traditionalWord(w, m, inside);
      }).join(SEPARATOR);
    });
  }
  // A result from the page of a text received in Traditional shows that text's own words
  // (博客), as the page does, not the Taiwan forms of the rest of the site (部落格). Its
  // location ends in "articles/slug/#…" on a server, "articles/slug.html#…" on disk; a
  // theme page quotes the text in a section of its own, "#slug".
  function onKeptPage(location, m) {
    var fragment = location.split("#")[1];
    return m.keptPages.some(function (page) {
      if (fragment && fragment === page.split("/").pop()) return true;
      for (var at = location.indexOf(page); at >= 0; at = location.indexOf(page, at + 1)) {
        if ((at === 0 || location.charAt(at - 1) === "/") &&
            /^([\/.#?]|$)/.test(location.charAt(at + page.length))) return true;
      }
      return false;
    });
  }
  function traditionalResults(value, m, kept) {
    if (Array.isArray(value)) return value.map(function (v) { return traditionalResults(v, m, kept); });
    if (!value || typeof value !== "object") return value;
    if (typeof value.location === "string") kept = onKeptPage(value.location, m);
    var out = {};
    Object.keys(value).forEach(function (key) {
      var v = value[key];
      out[key] = (key === "title" || key === "text") && typeof v === "string" ? traditional(v, m, kept)
        : key === "terms" ? v : traditionalResults(v, m, kept);
    });
    if (out.terms && typeof out.terms === "object") {
      out.terms = traditionalTerms(out.terms, m, kept, (out.title || "") + (out.text || ""));
    }
    return out;
  }
  // The words a result matched: Material puts them in the result's address ("?h=") and
  // marks them on the page it leads to, where only the Traditional text is shown. A word the
  // result shows in a text's own form too (博客 in the Felix Hill title on the home page)
  // goes in both forms.
  function traditionalTerms(terms, m, kept, shown) {
    var out = {};
    Object.keys(terms).forEach(function (term) {
      out[traditionalWord(term, m, kept)] = terms[term];
      var own = traditionalWord(term, m, true);
      if (!kept && shown.indexOf(own) >= 0) out[own] = terms[term];
    });
    return out;
  }
  function shownInTraditional() {
    return document.documentElement.getAttribute("data-dz-script") === "hant";
  }

  function SearchWorker(url, options) {
    var worker = new Base(url, options);
    var post = worker.postMessage, listen = worker.addEventListener, unlisten = worker.removeEventListener;
    var wrapped = new WeakMap();
    worker.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === QUERY && typeof message.data === "string") {
        args[0] = { type: QUERY, data: triedWhole(apartScripts(accented(simplified(withoutWordEnds(message.data))))) };
      }
      return post.apply(worker, args);
    };
    worker.addEventListener = function (type, listener, options) {
      if (type !== "message" || typeof listener !== "function") return listen.apply(worker, arguments);
      var own = function (event) {
        var data = event.data, m = load();
        if (!data || data.type !== RESULT || !m || !shownInTraditional()) return listener.call(this, event);
        return listener.call(this, { type: event.type, target: event.target,
                                     data: { type: RESULT, data: traditionalResults(data.data, m) } });
      };
      wrapped.set(listener, own);
      return listen.call(worker, type, own, options);
    };
    worker.removeEventListener = function (type, listener, options) {
      return unlisten.call(worker, type, wrapped.get(listener) || listener, options);
    };
    return worker;
  }
  SearchWorker.prototype = Base.prototype;
  SearchWorker.duizhaoScripts = true;
  window.Worker = SearchWorker;
  // For the status lines Material writes beside the results ("7 个符合条件的结果").
  window.duizhaoTraditional = function (text) {
    var m = load();
    return m ? traditional(text, m) : text;
  };
  // For the words of a result's address ("?h=飛輪") marked again in Simplified.
  window.duizhaoSimplified = simplified;
})();
