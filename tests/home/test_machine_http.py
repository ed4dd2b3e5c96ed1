"""HTTP for machines: CORS, ETag/Last-Modified, 304 without work, and no stale content after a publish."""

import base64
import time
from email.utils import formatdate, parsedate_to_datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from tests.factories import StoryPageFactory, paragraph, province
from tests.home.machine_probes import calls

PROBE_URLS = "tests.home.machine_probes"  # the site's URLs, with views that answer what T63's do not

MACHINE_URLS = ["/api/v2/stories/", "/api/v2/provinces/", "/feeds/vi/rss/", "/feeds/en/atom/"]


@pytest.mark.parametrize("url", MACHINE_URLS)
def test_any_origin_may_read_with_validators_and_a_cache_lifetime(client, db, url):
    response = client.get(url, headers={"Origin": "https://vtv.vn"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["ETag"] and response["Last-Modified"]
    assert "max-age" in response["Cache-Control"]


@pytest.mark.parametrize("url", MACHINE_URLS)
def test_a_conditional_request_is_answered_304_without_touching_the_database(client, db, url):
    etag = client.get(url)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert len(queries) == 0


@pytest.mark.parametrize("url", MACHINE_URLS)
def test_if_modified_since_is_honoured_without_touching_the_database(client, db, url):
    client.get(url)  # the first request sets the content version
    time.sleep(1.01)  # and once its second is over, Last-Modified is that second
    last_modified = client.get(url)["Last-Modified"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers={"If-Modified-Since": last_modified})
    assert response.status_code == 304 and response["ETag"]
    assert len(queries) == 0
    earlier = formatdate(parsedate_to_datetime(last_modified).timestamp() - 1, usegmt=True)
    assert client.get(url, headers={"If-Modified-Since": earlier}).status_code == 200


def test_a_change_in_the_same_second_is_not_hidden_by_if_modified_since(client, db):
    last_modified = client.get("/api/v2/stories/")["Last-Modified"]
    story = StoryPageFactory(parent=province("24"), body=[paragraph("Mới")])
    story.save_revision().publish()  # quite likely within the same second as the first answer
    answer = client.get("/api/v2/stories/", headers={"If-Modified-Since": last_modified})
    assert answer.status_code == 200 and answer.json()["meta"]["total_count"] == 1


def test_if_modified_since_is_ignored_beside_if_none_match(client, db):
    client.get("/api/v2/stories/")
    time.sleep(1.01)
    first = client.get("/api/v2/stories/")
    stale = client.get(
        "/api/v2/stories/", headers={"If-None-Match": '"stale"', "If-Modified-Since": first["Last-Modified"]}
    )
    assert stale.status_code == 200


def test_a_publish_is_visible_on_the_next_request(client, db):
    first = client.get("/api/v2/stories/")
    assert first.json()["meta"]["total_count"] == 0
    story = StoryPageFactory(parent=province("24"), body=[paragraph("Mới")])
    story.save_revision().publish()
    second = client.get("/api/v2/stories/", headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 200 and second.json()["meta"]["total_count"] == 1
    story.refresh_from_db()
    story.unpublish()
    assert client.get("/api/v2/stories/").json()["meta"]["total_count"] == 0


def test_web_pages_are_not_opened_to_other_origins(client, db):
    assert "Access-Control-Allow-Origin" not in client.get("/")


# What a shared cache may keep: only what is the same for everyone asking the same URL.

API_LISTINGS = [
    "/api/v2/stories/",
    "/api/v2/provinces/",
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/media/",
    "/api/v2/openapi.json",
]


@pytest.mark.parametrize("url", API_LISTINGS)
@pytest.mark.parametrize("accept", ["text/html", "text/html,application/xhtml+xml;q=0.9", "application/xml"])
def test_every_api_endpoint_answers_json_whatever_the_client_accepts(client, db, url, accept):
    response = client.get(url, headers={"Accept": accept})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    response.json()


def test_an_editors_request_is_not_stored_and_anonymous_clients_get_no_trace_of_it(admin_client, db):
    story = StoryPageFactory(parent=province("24"), body=[paragraph("Mới")])
    story.save_revision().publish()
    editor = admin_client.get("/api/v2/stories/", headers={"Accept": "text/html"})
    assert editor["Content-Type"] == "application/json"
    assert "private" in editor["Cache-Control"] and "no-store" in editor["Cache-Control"]
    assert "ETag" not in editor  # no validator a shared cache could revalidate with
    anonymous = Client()
    with CaptureQueriesContext(connection) as queries:
        response = anonymous.get("/api/v2/stories/")
    assert len(queries) > 0  # made for this request: nothing was stored for the editor
    body = response.content.decode()
    assert response["Content-Type"] == "application/json" and response["Cache-Control"].startswith("public")
    assert "admin" not in body and "csrf" not in body.lower()
    with CaptureQueriesContext(connection) as queries:
        assert anonymous.get("/api/v2/stories/").content == response.content
    assert len(queries) == 0  # the anonymous answer is the one kept


def test_credentials_are_not_a_way_to_guess_passwords(client, db, django_user_model):
    django_user_model.objects.create_user("editor", "editor@example.vn", "right")
    for password in ("wrong", "right"):
        credentials = base64.b64encode(f"editor:{password}".encode()).decode()
        response = client.get("/api/v2/stories/", headers={"Authorization": f"Basic {credentials}"})
        assert response.status_code == 200  # not a 403 that says the password was wrong
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/stories/999999/",
        "/api/v2/stories/?theme=nothing",
        "/api/v2/nothing/",
        "/feeds/vi/province/99/rss/",
        "/oembed/?url=https://example.com/",
        "/oembed/?url=https://example.com/&format=xml",
    ],
)
def test_an_error_is_never_cached(client, db, url):
    response = client.get(url)
    assert response.status_code >= 400
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response and "Last-Modified" not in response
    if not url.startswith("/feeds/"):
        assert "message" in response.json()


def test_absolute_urls_are_cached_per_host(client, db):
    story = StoryPageFactory(parent=province("24"), body=[paragraph("Mới")])
    story.save_revision().publish()
    url = f"/oembed/?url={story.full_url}"
    assert "http://localhost/embed/" in client.get(url, headers={"Host": "localhost"}).json()["html"]
    assert "http://testserver/embed/" in client.get(url, headers={"Host": "testserver"}).json()["html"]


def test_the_answer_is_the_same_in_any_reader_language(client, db):
    story = StoryPageFactory(parent=province("24"), body=[paragraph("Mới")])
    story.save_revision().publish()
    for url in ["/api/v2/stories/", "/api/v2/provinces/", "/feeds/vi/rss/", f"/oembed/?url={story.full_url}"]:
        english = client.get(url, headers={"Accept-Language": "en"})
        caches["responses"].clear()
        vietnamese = client.get(url, headers={"Accept-Language": "vi"})
        assert english.content == vietnamese.content, url
        assert vietnamese["Vary"] == "Accept-Encoding" and "Content-Language" not in vietnamese


@pytest.mark.parametrize("kind", ["cookie", "vary-cookie", "private"])
@override_settings(ROOT_URLCONF=PROBE_URLS)
def test_an_answer_that_says_it_is_personal_is_not_stored(client, db, kind):
    calls.clear()
    first = client.get(f"/api/v2/probe/{kind}/")
    assert "public" not in first["Cache-Control"]
    client.cookies.clear()
    client.get(f"/api/v2/probe/{kind}/")
    assert calls == [kind, kind]


@override_settings(ROOT_URLCONF=PROBE_URLS)
def test_a_head_request_is_not_stored_for_the_gets_after_it(client, db):
    calls.clear()
    assert client.head("/api/v2/probe/empty-head/").status_code == 200
    assert client.get("/api/v2/probe/empty-head/").json() == {"kind": "empty-head", "method": "GET"}
    assert client.head("/api/v2/probe/empty-head/").status_code == 200  # from the stored GET
    assert calls == ["empty-head", "empty-head"]


@override_settings(ROOT_URLCONF=PROBE_URLS)
def test_a_server_error_of_the_api_is_json_and_never_cached(db):
    response = Client(raise_request_exception=False).get("/api/v2/probe/boom/")
    assert response.status_code == 500
    assert response.json() == {"message": "server error"}
    assert response["Cache-Control"] == "no-store"
