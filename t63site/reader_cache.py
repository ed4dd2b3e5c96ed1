"""Reader pages served from the cache until public content changes.

A story going viral on Zalo means thousands of readers asking for the same page. Pages are
cached whole with the content version they were built under (bumped on every publish, unpublish,
move, delete and image or video change: story_pages.content_version); a page of an older version
counts as missing, so a publish is visible on the very next request, from every app process
sharing the cache. The version and the page come in one round trip. Editors (anyone with a session) and
responses that depend on cookies are never cached.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import get_language

from story_pages.content_version import current_version_and_entry, store_entry

# Paths that are not reader pages, have their own caching (machine_http) or must stay live.
SKIPPED_PREFIXES = (
    "/admin/",
    "/api/",
    "/feeds/",
    "/oembed/",
    "/documents/",
    "/static/",
    "/media/",
    "/healthz",
    "/readyz",
    "/favicon.ico",  # static files in all but name (t63site/icons.py)
    "/manifest.webmanifest",
)
CACHE_TIMEOUT = 3600
NOT_STORED = {"set-cookie"}


class ReaderPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _cache_key(request)
        version, cached = current_version_and_entry(key)
        if cached is not None:
            return _rebuilt(cached)
        response = self.get_response(request)
        if _cacheable_response(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {name: value for name, value in response.items() if name.lower() not in NOT_STORED}
            store_entry(key, version, (response.status_code, headers, response.content), CACHE_TIMEOUT)
        return response


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # editors see their own previews
    )


def _cacheable_response(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "cookie" not in response.get("Vary", "").lower()
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _cache_key(request) -> str:
    page = f"{get_language()}:{request.get_host()}:{request.get_full_path()}"
    return f"t63:page:{hashlib.sha1(page.encode()).hexdigest()}"


def _rebuilt(cached) -> HttpResponse:
    status, headers, content = cached
    response = HttpResponse(content, status=status)
    for name, value in headers.items():
        response[name] = value
    return response
