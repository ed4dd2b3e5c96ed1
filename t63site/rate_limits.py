"""Requests per client address per fixed window, counted in the shared cache, so every app
process enforces one limit. Over the limit: 429 with Retry-After."""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from t63site.client_address import client_address


def parse_limit(spec: str) -> tuple[int, int] | None:
    """ "30/60" is 30 requests per 60 seconds; "0" or "" is no limit."""
    if not spec or spec.strip() == "0":
        return None
    count, _slash, seconds = spec.partition("/")
    return int(count), int(seconds or 60)


def count_request(name: str, address: str, seconds: int) -> tuple[int, int]:
    """This request's number in the current window, and the seconds until the window ends."""
    now = time.time()
    window = int(now // seconds)
    key = f"t63:rate:{name}:{address}:{window}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired or evicted between add and incr: this request opens the window
        cache.set(key, 1, timeout=seconds + 1)
        count = 1
    return count, max(1, math.ceil((window + 1) * seconds - now))


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.rules = []
        for name, (prefixes, spec) in settings.T63_RATE_LIMITS.items():
            if limit := parse_limit(spec):
                self.rules.append((name, tuple(prefixes), *limit))

    def __call__(self, request):
        for name, prefixes, limit, seconds in self.rules:
            if request.path.startswith(prefixes):
                count, retry_after = count_request(name, client_address(request), seconds)
                if count > limit:
                    return self.refuse(request, retry_after)
                break
        return self.get_response(request)

    @staticmethod
    def refuse(request, retry_after: int):
        message = _("Too many requests. Please try again in %(seconds)d seconds.") % {"seconds": retry_after}
        if request.path.startswith("/api/"):
            response = JsonResponse({"message": message}, status=429)
        else:
            response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(retry_after)
        response["Cache-Control"] = "no-store"
        return response
