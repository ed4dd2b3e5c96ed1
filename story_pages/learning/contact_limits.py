"""The contact form's per-address limit, counted in the shared cache so every app process
enforces one limit (the same fixed windows as the site's own limits, which story_pages may not
import)."""

import math
import time

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMIT = "10/3600"


def parse_limit(spec: str) -> tuple[int, int] | None:
    """ "10/3600" is 10 submissions per 3600 seconds; "0" or "" is no limit."""
    if not spec or spec.strip() == "0":
        return None
    count, _slash, seconds = spec.partition("/")
    return int(count), int(seconds or 60)


def over_limit(address: str) -> int | None:
    """Counts this submission; the seconds to wait if it is past the limit, else None."""
    limit = parse_limit(getattr(settings, "T63_RATE_LIMIT_CONTACT", DEFAULT_LIMIT))
    if limit is None:
        return None
    allowed, seconds = limit
    now = time.time()
    window = int(now // seconds)
    key = f"t63:rate:contact:{address}:{window}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired or evicted between add and incr: this one opens the window
        cache.set(key, 1, timeout=seconds + 1)
        count = 1
    if count <= allowed:
        return None
    return max(1, math.ceil((window + 1) * seconds - now))
