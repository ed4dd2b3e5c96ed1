"""Hostile input on every public URL: no 5xx, machine errors in JSON, no error ever cached.

Every parameter each endpoint reads is taken from the code that reads it (the API viewsets'
known_query_parameters and filterable fields, the search form's fields, the feeds' URL patterns,
oEmbed's parameters), then given values no client should send: NUL bytes, bytes that are not
UTF-8, integers past PostgreSQL's bigint, negative numbers, digits int() refuses, 100 KB.
"""

import json
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.rich_text import RichText

from story_pages.distribution import feed_urls, oembed
from story_pages.models import StoryPage
from story_pages.reading.search_form import StorySearchForm
from story_pages.reading.search_page import PAGE_PARAMETER
from t63site.api import api_router
from tests.factories import StoryPageFactory, embedded_video, make_video_media, province, uploaded_video

# Already percent-encoded, as they travel in a URL.
HOSTILE_VALUES = {
    "NUL": "%00",
    "NUL inside": "24%00",
    "not UTF-8": "%FF%FE",
    "2**63": str(2**63),
    "10**30": str(10**30),
    "-1": "-1",
    "a digit int() refuses": "%C2%B2",  # "²": str.isdigit() says yes
    "100 KB of digits": "9" * 100_000,  # past int()'s 4,300 digits
    "100 KB of text": "%C4%91" * 17_000,  # "đ"
    "deeply nested": "a(" * 20_000,  # ?fields= is parsed recursively
    "a deep path": "a/" * 20_000,  # ?html_path= is routed level by level
}
HOSTILE_NAMES = ["%00", "%FF%FE", "x" * 10_000]
JSON_PATHS = ("/api/", "/oembed/")


@pytest.fixture
def content(db):
    """A published story with an image, an uploaded video and a linked document; one with a YouTube video."""
    image = Image.objects.create(title="Ảnh", file=get_test_image_file())
    document = Document.objects.create(title="Báo cáo", file=ContentFile(b"%PDF", "bao-cao.pdf"))
    video = make_video_media(2, "Video")
    story = StoryPageFactory(
        parent=province("79"),
        hero_image=image,
        body=[
            ("paragraph", RichText(f'<p><a linktype="document" id="{document.pk}">Báo cáo</a></p>')),
            uploaded_video(video),
        ],
    )
    story.save_revision().publish()
    embedded = StoryPageFactory(parent=province("24"), body=[embedded_video(120)])
    embedded.save_revision().publish()
    ids = {"stories": story.pk, "pages": story.pk, "images": image.pk, "documents": document.pk}
    return {"story": StoryPage.objects.get(pk=story.pk), "ids": ids | {"media": video.pk}}


def _api_urls(content) -> dict[str, list[str]]:
    """Each API URL and the parameters it reads, from the viewsets themselves."""
    surfaces = {}
    for name, viewset in api_router._endpoints.items():
        parameters = set(viewset.known_query_parameters)
        if viewset.model is not None and name != "stories":  # the stock endpoints filter on fields
            parameters |= set(viewset.get_available_fields(viewset.model, db_fields_only=True))
        surfaces[f"/api/v2/{name}/"] = sorted(parameters)
        if name in content["ids"]:
            surfaces[f"/api/v2/{name}/{content['ids'][name]}/"] = sorted(parameters)
        if "find" in {pattern.name for pattern in viewset.get_urlpatterns()}:
            surfaces[f"/api/v2/{name}/find/"] = sorted(viewset.find_query_parameters)
    story_type = "type=story_pages.StoryPage&"
    pages_viewset = api_router._endpoints["pages"]
    surfaces[f"/api/v2/pages/?{story_type}"] = sorted(
        set(pages_viewset.get_available_fields(StoryPage, db_fields_only=True))
    )
    stories = api_router._endpoints["stories"]
    surfaces[f"/api/v2/stories/{content['ids']['stories']}/ninjs/"] = sorted(stories.ninjs_query_parameters)
    surfaces["/api/v2/openapi.json"] = []
    return surfaces


def _reader_urls(content) -> dict[str, list[str]]:
    search = [*StorySearchForm.base_fields, PAGE_PARAMETER]
    surfaces = {"/search/": search, "/en/search/": search, "/cho-bao-chi/": [], "/en/for-media/": []}
    pages = {}  # one page of each kind and language
    for page in Page.objects.live().specific().exclude(depth=1).order_by("path"):
        pages.setdefault((type(page), page.locale_id), page.url)
    for url in [*pages.values(), content["story"].url]:
        surfaces[url] = ["page"]  # listings page through their stories
    surfaces["/sitemap.xml"] = ["p"]
    surfaces[f"/embed/stories/{content['story'].pk}/"] = []
    return surfaces


def _oembed_urls(content) -> dict[str, list[str]]:
    return {f"/oembed/?url={quote(content['story'].full_url, safe='')}&": list(oembed.PARAMETERS)}


def _query_urls(surfaces: dict[str, list[str]]):
    for url, parameters in surfaces.items():
        joiner = "" if url.endswith(("?", "&")) else ("&" if "?" in url else "?")
        for parameter in parameters:
            for value in HOSTILE_VALUES.values():
                yield f"{url}{joiner}{parameter}={value}"
        for name in HOSTILE_NAMES:
            yield f"{url}{joiner}{name}=1"


def _path_urls(content):
    """Each segment of each URL pattern of the feeds, and of a story's and the API's paths, made hostile."""
    valid = {"lang": ["vi", "en"], "code": ["79", "24"], "theme": ["kinh-te-so"]}
    for pattern in feed_urls.urlpatterns:
        route = str(pattern.pattern)
        names = list(pattern.pattern.converters)
        for hostile in names:
            for value in HOSTILE_VALUES.values():
                url = route
                for name in names:
                    url = url.replace(f"<str:{name}>", value if name == hostile else valid[name][0])
                yield f"/feeds/{url}"
    story = content["story"]
    for value in HOSTILE_VALUES.values():
        yield f"{story.url}{value}/"
        yield f"{story.url[:-1]}{value}/"
        yield f"/api/v2/stories/{value}/"
        yield f"/api/v2/pages/{value}/"
        yield f"/api/v2/stories/{value}/ninjs/"
        yield f"/embed/stories/{value}/"
        yield f"/qr/stories/{value}.svg"
        yield f"/en/{value}/"


def _problems(client, url) -> list[str]:
    try:
        with transaction.atomic():  # a failed query must not fail every request after it
            response = client.get(url)
    except DatabaseError as error:
        return [f"{url[:120]}: left the transaction broken ({error})"]
    shown = url[:120]
    problems = []
    if response.status_code >= 500:
        problems.append(f"{shown}: {response.status_code}")
    if response.status_code >= 400:
        if "public" in response.get("Cache-Control", ""):
            problems.append(f"{shown}: {response.status_code} with Cache-Control {response['Cache-Control']}")
        if url.startswith(JSON_PATHS):
            try:
                json.loads(response.content)["message"]
            except (ValueError, KeyError, TypeError):
                problems.append(f"{shown}: {response.status_code} not JSON ({response['Content-Type']})")
    return problems


SURFACES = {"api": _api_urls, "readers": _reader_urls, "oembed": _oembed_urls}


@pytest.mark.parametrize("surface", SURFACES)
def test_no_query_parameter_breaks_an_endpoint(content, surface):
    client = Client(raise_request_exception=False)
    urls = list(_query_urls(SURFACES[surface](content)))
    assert len(urls) > 30
    problems = [problem for url in urls for problem in _problems(client, url)]
    assert not problems, f"{len(problems)} of {len(urls)} requests:\n" + "\n".join(problems[:40])


def test_no_path_segment_breaks_an_endpoint(content):
    client = Client(raise_request_exception=False)
    urls = list(_path_urls(content))
    problems = [problem for url in urls for problem in _problems(client, url)]
    assert not problems, f"{len(problems)} of {len(urls)} requests:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/api/v2/stories/?search=%00", "application/json"),
        ("/api/v2/pages/?html_path=%00", "application/json"),
        ("/api/v2/stories/?province=%FF%FE", "application/json"),
        ("/oembed/?url=%00", "application/json"),
        ("/feeds/vi/province/%00/rss/", "text/plain; charset=utf-8"),
        ("/search/?q=%00", "text/html; charset=utf-8"),
    ],
)
def test_unreadable_input_is_a_400_in_the_endpoints_format_never_cached(client, db, url, content_type):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == content_type
    assert response["Cache-Control"] == "no-store" and "ETag" not in response


@pytest.mark.parametrize(
    ("url", "language", "title"),
    [("/search/?q=a%00b", "vi", "Yêu cầu không hợp lệ"), ("/en/search/?q=a%00b", "en", "Bad request")],
)
def test_the_readers_400_page_is_in_their_language(client, db, url, language, title):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 400
    assert f'<html lang="{language}">' in html and f"<h1>{title}</h1>" in html
    assert f'action="{"/en" if language == "en" else ""}/search/"' in html


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/?offset=9223372036854775808", "/api/v2/images/?offset=1" + "0" * 30]
)
def test_an_offset_past_any_database_is_a_400_on_the_stock_endpoints(client, db, url):
    response = client.get(url)
    assert response.status_code == 400 and response.json() == {"message": "offset: at most 1000000000"}


def test_a_search_page_past_any_database_is_the_last_page(client, content):
    response = client.get("/search/", {"q": "", "page": str(2**63)})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1  # two stories: one page


@pytest.mark.django_db
def test_a_session_cookie_that_cannot_be_a_session_is_no_session(client):
    """A NUL byte in the session cookie reached PostgreSQL through the session lookup (a 500)."""
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert client.get("/").status_code == 200
    assert client.get("/admin/").status_code == 302  # to the sign-in, as for anyone signed out
