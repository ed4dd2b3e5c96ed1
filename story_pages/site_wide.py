"""Data that every reader page shows and only a change of content changes (the owner's identity,
the provinces and units, the map's counts), kept by each process for one content version
(story_pages.content_version.process_memo_key), the one a reader's request found first.

It is what Wagtail does for its site root paths: site-wide data read once, not once per request.
No page or fragment of a page is kept here: a page is rendered from the database each time,
and the data here is read again at the first request after any change.
"""

import threading
from contextvars import ContextVar

from story_pages import content_version

_lock = threading.Lock()
_kept: dict = {"key": None, "values": {}}
_key_of_this_request: ContextVar[list | None] = ContextVar("site_wide_key", default=None)


def remembered(name, compute):
    """``compute()``'s result, computed once per content version in this process. ``name`` says
    what it is, with what it depends on besides the content (a language, a host)."""
    key = _key()
    kept = _kept
    if kept["key"] == key and name in kept["values"]:
        return kept["values"][name]
    value = compute()
    with _lock:
        if _kept["key"] != key:  # the first data of a new version: the old version's goes
            _kept.update(key=key, values={})
        _kept["values"][name] = value
    return value


def _key():
    """The content version, found once per reader's request (with the shared cache on, a round
    trip to it): a page shows the data of one version, whatever commits while it is rendered."""
    found = _key_of_this_request.get()
    if found is None:
        return content_version.process_memo_key()
    if not found:
        found.append(content_version.process_memo_key())
    return found[0]


class OneVersionPerRequest:
    """Middleware: a reader's request (GET or HEAD) reads the site-wide data of one version. Other
    requests may change the content, and read what they changed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        token = _key_of_this_request.set([])
        try:
            return self.get_response(request)
        finally:
            _key_of_this_request.reset(token)
