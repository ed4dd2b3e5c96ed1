"""The address a reader's request came from, as the site says it can be trusted.

story_pages takes no import from the site; the site names its function in `T63_CLIENT_ADDRESS`
(a dotted path). Without it, REMOTE_ADDR: right when no proxy stands in front."""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


@cache
def _site_function(path: str):
    return import_string(path)


def client_address(request) -> str:
    path = getattr(settings, "T63_CLIENT_ADDRESS", "")
    if path:
        return _site_function(path)(request)
    return request.META.get("REMOTE_ADDR", "")
