"""The offline build: a site folder that works opened from ``file://`` with no network.

Material's ``offline`` plugin (enabled with ``OFFLINE=true``) does most of the work:
links to ``.html`` files and the search index inlined as a script. But browsers do not
start Web Workers from ``file://`` pages, so the plugin also adds a worker shim loaded
from a CDN, which an offline reader cannot reach. We put our own shim, shipped with the
site (``docs/assets/javascripts/file-worker.js``), in its place.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

WORKER_SHIM = "assets/javascripts/file-worker.js"
"""Our Worker stand-in for ``file://`` pages, relative to the site root."""

OFFLINE_PLUGIN = "material/offline"


def offline_enabled(plugins) -> bool:
    """Whether Material's offline plugin is configured and switched on for this build."""
    plugin = plugins.get(OFFLINE_PLUGIN)
    return bool(plugin is not None and plugin.config.enabled)


def local_polyfills(polyfills: list) -> list:
    """The page's polyfill scripts with every remote one replaced by our local worker shim.

    Polyfills load before Material's bundle, which is what a Worker replacement needs;
    any address with a scheme would be fetched from the network, so none may stay. The
    shim comes first: other scripts that wrap ``Worker`` must wrap the shim.

    >>> local_polyfills(["assets/javascripts/search-query.js", "https://unpkg.com/iframe-worker/shim"])
    ['assets/javascripts/file-worker.js', 'assets/javascripts/search-query.js']
    >>> local_polyfills(["assets/javascripts/file-worker.js"])
    ['assets/javascripts/file-worker.js']
    >>> local_polyfills([])
    ['assets/javascripts/file-worker.js']
    """
    kept = [script for script in polyfills if not _is_remote(str(script)) and str(script) != WORKER_SHIM]
    return [WORKER_SHIM, *kept]


def _is_remote(address: str) -> bool:
    """An address the browser would fetch from the network (``https://…`` or ``//host/…``).

    >>> _is_remote("//cdn.example.org/x.js"), _is_remote("assets/x.js")
    (True, False)
    """
    parts = urlsplit(address)
    return bool(parts.scheme or parts.netloc)


_ROOT_ADDRESS = re.compile(r'((?:href|src)="|"(?:search|base)": ")/(?!/)')


def relative_to_root(html: str) -> str:
    """A page that lies at the site's root, with its root-absolute addresses made relative.

    MkDocs gives ``404.html`` addresses from the server's root (``/assets/…``), as a server
    shows it for a missing page at any depth. From ``file://`` that root is the disk's, so
    the offline folder's 404 page came without its styles, scripts and working links.

    >>> relative_to_root('<link href="/assets/a.css"><a href="//x.org/">x</a>{"base": "/", "search": "/w.js"}')
    '<link href="assets/a.css"><a href="//x.org/">x</a>{"base": ".", "search": "w.js"}'
    """
    return _ROOT_ADDRESS.sub(r"\1", html).replace('"base": ""', '"base": "."')
