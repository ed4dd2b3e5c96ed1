"""HTTP for machines: the API, feeds and oEmbed answer any origin, carry ETag and Last-Modified,
answer conditional requests (If-None-Match, or else If-Modified-Since) with 304 before any view
runs, and serve repeated requests from the cache until public content changes.

Last-Modified is the content version's second, and a second earlier while that second is not over
(HTTP dates have no finer unit): a copy then shows every change up to its Last-Modified's end, so
a change later in the same second is never hidden from a client asking If-Modified-Since.

What is shared, by this cache and by any CDN told ``public``, is only what is the same for
everyone who asks the same URL:
- the key and the ETag are the whole URL, scheme and host included (answers hold absolute URLs);
- the answer does not depend on other request headers: the API renders JSON whatever the
  ``Accept`` (story_pages/api/renderers.py), every answer is in its content's own language
  whatever the ``Accept-Language``, and nothing authenticates;
- a request with a session cookie or credentials (an editor) is neither answered from the cache
  nor stored, and its answer is ``private, no-store``;
- only a complete 200 to a GET is stored, and not when it sets a cookie, varies on cookies or
  says ``private``/``no-store``; a HEAD is answered from a stored GET, never stored itself
  (its body may be empty);
- an error is ``no-store``, without validators: a CDN keeps no 404 past a publish, no 500.
"""

import hashlib
import time
from email.utils import formatdate

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import parse_http_date_safe

from story_pages import cache_tags, cached_entries
from story_pages.content_version import current_version

MACHINE_PATHS = ("/api/", "/feeds/", "/oembed/")
MAX_AGE = 60  # seconds a client or CDN may reuse a response without asking
CACHE_TIMEOUT = 3600


class MachineEndpointsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not request.path.startswith(MACHINE_PATHS):
            return self.get_response(request)
        if _personal(request):
            return _finish(request, self.get_response(request))
        url = request.build_absolute_uri()
        cache_key = f"t63:response:{hashlib.sha1(url.encode()).hexdigest()}"
        if "If-None-Match" in request.headers:  # the version alone decides: no body fetched
            version = current_version()
            if (etag := _etag(version, url)) in request.headers["If-None-Match"]:
                return _finish(request, HttpResponseNotModified(), etag, version)
        found = cached_entries.lookup(cache_key)
        version = found.version
        etag = _etag(version, url)
        if found.entry is not None:
            content_type, content = found.entry  # bytes, not a pickled response: cheaper to load
            response = HttpResponse(content, content_type=content_type)
        else:
            response = self.get_response(request)
            if request.method == "GET" and response.status_code == 200 and _shareable(request, response):
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                # Every answer lists stories or may (the default tags): the last change of
                # anything, its ETag's version, changes exactly when they do.
                entry = (response["Content-Type"], response.content)
                cached_entries.store(found, entry, cache_tags.DEFAULT_TAGS, CACHE_TIMEOUT)
        if _unchanged_since(request, response, version):
            response = HttpResponseNotModified()
        return _finish(request, response, etag, version)


def _unchanged_since(request, response, version: int) -> bool:
    """If-Modified-Since, asked of a shareable 200 (RFC 9110: a 404 is never "not modified") and
    ignored beside If-None-Match: whether nothing public changed after the second the copy shows."""
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return (
        since is not None
        and "If-None-Match" not in request.headers
        and version // 1000 <= since
        and response.status_code == 200
        and _shareable(request, response)
    )


def _personal(request) -> bool:
    """A request that may be answered for one person: an editor's session, or credentials."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "Authorization" in request.headers


def _shareable(request, response) -> bool:
    """Whether the answer is the same for anyone asking this URL, as far as it tells."""
    cache_control = response.get("Cache-Control", "").lower()
    user = getattr(request, "user", None)  # set by AuthenticationMiddleware, further in
    return not (
        _personal(request)
        or (user is not None and user.is_authenticated)
        or response.streaming
        or response.cookies
        or "cookie" in response.get("Vary", "").lower()
        or "private" in cache_control
        or "no-store" in cache_control
    )


def _finish(request, response, etag=None, version=None):
    response["Access-Control-Allow-Origin"] = "*"  # errors too: a client script may read why
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
    if response.status_code >= 400:
        response["Cache-Control"] = "no-store"
    elif etag is None or not _shareable(request, response):
        if "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "private, no-store"
    elif response.status_code in (200, 304):
        response["ETag"] = etag
        response["Last-Modified"] = formatdate(_last_modified(version), usegmt=True)
        response["Cache-Control"] = f"public, max-age={MAX_AGE}"
        # Not Accept-Language, nor a Content-Language (the locale middleware's, from the client's
        # languages): the answer is in its content's own language, which it declares itself.
        response["Vary"] = "Accept-Encoding"
        response.headers.pop("Content-Language", None)
    else:  # a redirect (the pages endpoint's find view): followed each time
        response["Cache-Control"] = "no-store"
    return response


def _last_modified(version: int) -> int:
    """The content version's second (seconds since the epoch), or the one before while it lasts."""
    second = version // 1000
    return second if time.time() >= second + 1 else second - 1


def _etag(version: int, url: str) -> str:
    digest = hashlib.sha1(f"{version}:{url}".encode()).hexdigest()[:20]
    return f'"{digest}"'
