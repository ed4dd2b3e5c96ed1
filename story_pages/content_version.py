"""One number that changes whenever anything public changes: published, unpublished, moved or
deleted pages, images and videos, view restrictions made or lifted. Machine endpoints derive
their ETag and cache keys from it, so a publish through any app process is seen by every other
one on its next request (the version lives in the shared cache)."""

import time

from django.core.cache import caches
from django.db import transaction

CACHE_KEY = "t63:content-version"


def current_version() -> int:
    """Milliseconds since the epoch at the last change (set now if the cache has none)."""
    version = caches["responses"].get(CACHE_KEY)
    if version is None:
        version = int(time.time() * 1000)
        caches["responses"].add(CACHE_KEY, version, timeout=None)
        version = caches["responses"].get(CACHE_KEY, version)
    return version


def current_version_and_entry(key: str):
    """The content version and the entry stored under ``key`` by store_entry(), in one round
    trip to the cache. The entry is None unless it was stored under this very version: a
    publish makes every stored entry stale at once, each one replaced on its next request."""
    found = caches["responses"].get_many([CACHE_KEY, key])
    version = found.get(CACHE_KEY)
    if version is None:
        return current_version(), None
    stored_version, entry = found.get(key, (None, None))
    return version, (entry if stored_version == version else None)


def store_entry(key: str, version: int, entry, timeout: int) -> None:
    caches["responses"].set(key, (version, entry), timeout)


def bump(*args, **kwargs) -> None:
    """Signal receiver: record that public content changed, now and again once the change is
    committed. A request between the two could otherwise read the old rows and store them under
    the new version, to be served until the next change."""
    _new_version()
    if transaction.get_connection().in_atomic_block:  # content is written to the primary
        transaction.on_commit(_new_version)


def _new_version() -> None:
    new_version = int(time.time() * 1000)
    old_version = caches["responses"].get(CACHE_KEY) or 0
    caches["responses"].set(CACHE_KEY, max(new_version, old_version + 1), timeout=None)
