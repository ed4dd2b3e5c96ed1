"""One number that changes whenever anything public changes: published, unpublished, moved or
deleted pages, images and videos. Machine endpoints derive their ETag and cache keys from it, so
a publish through any app process is seen by every other one on its next request (the version
lives in the shared cache)."""

import time

from django.core.cache import caches

CACHE_KEY = "t63:content-version"


def current_version() -> int:
    """Milliseconds since the epoch at the last change (set now if the cache has none)."""
    version = caches["responses"].get(CACHE_KEY)
    if version is None:
        version = int(time.time() * 1000)
        caches["responses"].add(CACHE_KEY, version, timeout=None)
        version = caches["responses"].get(CACHE_KEY, version)
    return version


def bump(*args, **kwargs) -> None:
    """Signal receiver: record that public content changed."""
    new_version = int(time.time() * 1000)
    old_version = caches["responses"].get(CACHE_KEY) or 0
    caches["responses"].set(CACHE_KEY, max(new_version, old_version + 1), timeout=None)
