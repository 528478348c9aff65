/*
 * duizhao: a stand-in for Web Workers on pages opened from file://.
 *
 * Why: Material runs its search in a Web Worker, and browsers refuse to start a
 * Worker from a file:// page (such pages have no origin a worker could share).
 * Material's offline plugin answers this by loading a shim from a CDN, which an
 * offline reader cannot reach. This file is our own replacement, loaded from the
 * site folder itself, so the offline build fetches nothing from the network.
 *
 * How: on file:// only, `Worker` becomes FileWorker. A FileWorker runs the worker
 * script in a hidden about:blank iframe (a separate global, so the worker's own
 * `postMessage`, `addEventListener` and `self.lunr` do not clash with the page's)
 * and carries messages between the page and that frame. `importScripts` is given
 * to the frame: it loads each script in order with a <script> tag, resolving
 * relative addresses against the worker script, as a real worker would.
 * Messages are delivered asynchronously, as with a real worker.
 *
 * A real worker's importScripts is synchronous: no message reaches the worker while
 * its scripts load. Ours can only load scripts asynchronously, so messages that
 * arrive meanwhile wait in the queue until every import has finished; otherwise a
 * search typed while the index is still being set up would be answered by nothing.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || window.FileWorker) return;

  function loadScript(doc, src) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = src;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("could not load " + src)); };
      doc.head.appendChild(script);
    });
  }

  function FileWorker(url) {
    var target = new EventTarget();
    var scriptUrl = new URL(String(url), document.baseURI).href;
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.title = "search";
    document.body.appendChild(frame);
    var inner = frame.contentWindow;

    // Until the worker script has run and its imports have loaded, messages wait here.
    var queue = [];
    var started = false;
    var importing = 0;

    function ready() { return started && importing === 0; }
    // One message at a time: a handler that starts an import holds back the next one.
    function flush() {
      setTimeout(function () {
        if (!ready() || !queue.length) return;
        inner.dispatchEvent(new inner.MessageEvent("message", { data: queue.shift() }));
        flush();
      });
    }

    function toPage(data) {
      setTimeout(function () {
        var event = new MessageEvent("message", { data: data });
        target.dispatchEvent(event);
        if (typeof target.onmessage === "function") target.onmessage(event);
      });
    }

    inner.postMessage = toPage;
    inner.importScripts = function () {
      var sources = Array.prototype.map.call(arguments, function (src) {
        return new URL(src, scriptUrl).href;
      });
      importing += 1;
      var loaded = sources.reduce(function (done, src) {
        return done.then(function () { return loadScript(inner.document, src); });
      }, Promise.resolve());
      loaded.then(function () { importing -= 1; flush(); }, function () { importing -= 1; flush(); });
      return loaded;
    };

    loadScript(inner.document, scriptUrl).then(function () {
      started = true;
      flush();
    }, function (error) {
      target.dispatchEvent(new ErrorEvent("error", { message: error.message }));
    });

    target.postMessage = function (data) {
      queue.push(data);
      if (ready()) flush();
    };
    target.terminate = function () { frame.remove(); };
    return target;
  }

  window.FileWorker = FileWorker;
  window.Worker = FileWorker;
})();
