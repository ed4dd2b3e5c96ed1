"""The site's error handlers (t63site.urls): each error in the format of the endpoint asked, and
never stored by a shared cache.

The API and oEmbed answer JSON (``{"message": ...}``, the shape of the API's own errors), feeds
plain text, readers an HTML page in the language of the URL (``/en/…`` English, the rest
Vietnamese). A 400 comes before the language, the session or the database is set up
(t63site.bad_input), so its page is made from the template alone.
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views import defaults

JSON_PATHS = ("/api/", "/oembed/")
TEXT_PATHS = ("/feeds/",)


def bad_request(request, exception):
    message = _message(exception, "bad request")
    if response := _machine_error(request, message, 400):
        return response
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        page = render_to_string("400.html", {"language": language})
    return _never_stored(HttpResponse(page, status=400))


def page_not_found(request, exception):
    if response := _machine_error(request, _message(exception, "not found"), 404):
        return response
    return defaults.page_not_found(request, exception)


def server_error(request):
    if response := _machine_error(request, "server error", 500):
        return response
    return _never_stored(defaults.server_error(request))


def _machine_error(request, message: str, status: int) -> HttpResponse | None:
    if request.path.startswith(JSON_PATHS):
        return _never_stored(JsonResponse({"message": message}, status=status))
    if request.path.startswith(TEXT_PATHS):
        return _never_stored(HttpResponse(message, status=status, content_type="text/plain; charset=utf-8"))
    return None


def _message(exception, default: str) -> str:
    """The exception's own words when it has some (a BadRequest of bad_input, an Http404); not
    a Resolver404's, which lists the site's URL patterns."""
    words = exception.args[0] if exception is not None and exception.args else None
    return words if isinstance(words, str) and words else default


def _never_stored(response):
    response["Cache-Control"] = "no-store"
    return response
