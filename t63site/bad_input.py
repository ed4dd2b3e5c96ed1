"""URLs no endpoint can read, refused before anything reads them.

A NUL byte cannot be stored in PostgreSQL's text: the first query holding one fails (a 500, in
whatever view, filter or form took the value). Bytes of a query string that are not UTF-8 have no
text (Django would read them as U+FFFD and answer something else than was asked). Either one is
refused with a 400 (BadRequest, answered by t63site.error_responses in the format of the
endpoint asked), never cached. In a path, bytes that are not UTF-8 reach the views re-quoted as
``%XX`` (Django's get_path_info), a path that names nothing T63 has: a 404, not refused here.

RefuseUnreadableUrls is the first of the site's own middleware, for every URL.
"""

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.exceptions import BadRequest


def refuse_hostile_input(request) -> None:
    """Raises BadRequest naming what is wrong with the request's path or query string."""
    if "\x00" in request.path_info:
        raise BadRequest("the path holds a NUL byte")
    query = _query_bytes(request)
    if b"\x00" in query:
        raise BadRequest("the query string holds a NUL byte")
    try:
        query.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the query string is not UTF-8") from None


def _query_bytes(request) -> bytes:
    """The query string percent-decoded: WSGI hands its bytes over as latin-1 text (Django keeps
    it as it came), ASGI as text."""
    text = request.META.get("QUERY_STRING", "")
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")  # a lone surrogate stays invalid UTF-8
    return unquote_to_bytes(raw)


class RefuseUnreadableUrls:
    """Middleware: a 400 before any view, cache or database sees an unreadable URL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refuse_hostile_input(request)
        forget_unreadable_session_cookie(request)
        return self.get_response(request)


def forget_unreadable_session_cookie(request) -> None:
    """A session cookie that cannot be a session key (Django makes them of lowercase letters and
    digits) is no session: one holding a NUL byte made every page that reads the user a 500."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if key is not None and not (key.isascii() and key.isalnum()):
        del request.COOKIES[settings.SESSION_COOKIE_NAME]
