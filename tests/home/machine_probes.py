"""The site's URLs and error handlers, with views in front that answer what no T63 view answers
today (a cookie, ``Vary: Cookie``, ``private``, an empty HEAD, a bug), to hold the machine
cache to its rules."""

from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.utils.cache import patch_vary_headers

from t63site.urls import *  # noqa: F403 (the error handlers too)
from t63site.urls import urlpatterns as site_urlpatterns

calls: list[str] = []


def probe(request, kind):
    calls.append(kind)
    if kind == "boom":
        raise RuntimeError("a bug")
    response = JsonResponse({"kind": kind, "method": request.method})
    if kind == "cookie":
        response.set_cookie("seen", "1")
    elif kind == "vary-cookie":
        patch_vary_headers(response, ["Cookie"])
    elif kind == "private":
        response["Cache-Control"] = "private"
    elif kind == "empty-head" and request.method == "HEAD":
        response = HttpResponse(b"", content_type="application/json")
    return response


urlpatterns = [path("api/v2/probe/<str:kind>/", probe), *site_urlpatterns]
