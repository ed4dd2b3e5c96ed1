"""Reader pages served from the cache until what they show changes.

A story going viral on Zalo means thousands of readers asking for the same page. Pages are
cached whole with the versions of the cache tags they depend on (story_pages.cache_tags: a story
page names its story, its province and the stories it shows; a page that names nothing is
emptied by any publish); a page stored under an older version of any of them counts as missing,
so a publish is visible on the very next request, from every app process sharing the cache, and
other stories' pages stay cached. A hit takes one or two round trips to the cache
(story_pages.cached_entries). Editors (anyone with a session) and responses that depend on
cookies are never cached. ``X-Cache: hit|miss`` says which it was.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import get_language

from story_pages import cache_tags, cached_entries

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
        found = cached_entries.lookup(_cache_key(request))
        if found.entry is not None:
            response = _rebuilt(found.entry)
            response["X-Cache"] = "hit"
            return response
        collecting = cache_tags.collecting()
        try:
            response = self.get_response(request)
            if _cacheable_response(response) and hasattr(response, "render") and not response.is_rendered:
                response.render()  # templates rendered now still declare what they show
        finally:
            tags = cache_tags.collected(collecting)
        if _cacheable_response(response):
            headers = {name: value for name, value in response.items() if name.lower() not in NOT_STORED}
            entry = (response.status_code, headers, response.content)
            cached_entries.store(found, entry, tags, CACHE_TIMEOUT)
        response["X-Cache"] = "miss"
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
