"""HTTP for machines: CORS, ETag/Last-Modified, 304 without work, and no stale content after a publish."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import StoryPageFactory, paragraph, province

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
