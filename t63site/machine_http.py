"""HTTP for machines: the API, feeds and oEmbed answer any origin, carry ETag and Last-Modified,
answer conditional requests with 304 before any view runs, and serve repeated requests from the
cache until public content changes."""

import hashlib
from email.utils import formatdate

from django.http import HttpResponse, HttpResponseNotModified

from story_pages.content_version import current_version, current_version_and_entry, store_entry

MACHINE_PATHS = ("/api/", "/feeds/", "/oembed/")
MAX_AGE = 60  # seconds a client or CDN may reuse a response without asking
CACHE_TIMEOUT = 3600


class MachineEndpointsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not request.path.startswith(MACHINE_PATHS):
            return self.get_response(request)
        cache_key = f"t63:response:{hashlib.sha1(request.get_full_path().encode()).hexdigest()}"
        if "If-None-Match" in request.headers:  # the version alone decides: no body fetched
            version = current_version()
            if (etag := _etag(version, request)) in request.headers["If-None-Match"]:
                return self._finish(HttpResponseNotModified(), etag, version)
        version, cached = current_version_and_entry(cache_key)
        etag = _etag(version, request)
        if cached is not None:
            content_type, content = cached  # bytes, not a pickled response: cheaper to load
            return self._finish(HttpResponse(content, content_type=content_type), etag, version)
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            store_entry(cache_key, version, (response["Content-Type"], response.content), CACHE_TIMEOUT)
        return self._finish(response, etag, version)

    @staticmethod
    def _finish(response, etag, version):
        response["ETag"] = etag
        response["Last-Modified"] = formatdate(version / 1000, usegmt=True)
        response["Cache-Control"] = f"public, max-age={MAX_AGE}"
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        response["Vary"] = "Accept-Encoding"
        return response


def _etag(version: int, request) -> str:
    digest = hashlib.sha1(f"{version}:{request.get_full_path()}".encode()).hexdigest()[:20]
    return f'"{digest}"'
