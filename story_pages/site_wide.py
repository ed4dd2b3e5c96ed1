"""Data that every reader page shows and only a change of content changes (the owner's identity,
the provinces and units, the map's counts), kept by each process for one content version
(story_pages.content_version.process_memo_key).

It is what Wagtail does for its site root paths: site-wide data read once, not once per request.
No page or fragment of a page is kept here: a page is rendered from the database each time,
and the data here is read again at the first request after any change.
"""

import threading

from story_pages import content_version

_lock = threading.Lock()
_kept: dict = {"key": None, "values": {}}


def remembered(name, compute):
    """``compute()``'s result, computed once per content version in this process. ``name`` says
    what it is, with what it depends on besides the content (a language, a host)."""
    key = content_version.process_memo_key()
    kept = _kept
    if kept["key"] == key and name in kept["values"]:
        return kept["values"][name]
    value = compute()
    with _lock:
        if _kept["key"] != key:  # the first data of a new version: the old version's goes
            _kept.update(key=key, values={})
        _kept["values"][name] = value
    return value
