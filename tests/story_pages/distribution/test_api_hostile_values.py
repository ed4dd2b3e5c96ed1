"""The outlets' API refuses what a database or Wagtail's parsers cannot take with a 400 naming the
parameter, and never fails on far-off dates, huge ids or search syntax."""

import pytest

from .conftest import STORIES


@pytest.mark.parametrize(
    "query",
    [
        "published_after=0001-01-01",
        "published_before=9999-12-31T23:59:59-12:00",
        "published_after=0001-01-01T00:00+14:00",
    ],
)
def test_far_off_dates_are_no_bound_rather_than_an_error(client, stories, query):
    response = client.get(STORIES, dict([query.split("=", 1)]))
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 5


@pytest.mark.parametrize("offset", ["+20:12", "-23:59"])
def test_an_offset_python_takes_but_postgresql_does_not_is_read_in_utc(client, stories, offset):
    response = client.get(STORIES, {"published_before": f"2206-12-08T03:47:37.7{offset}"})
    assert response.status_code == 200 and response.json()["meta"]["total_count"] == 5
    later = client.get(STORIES, {"published_after": f"2206-12-08T03:47:37.7{offset}"})
    assert later.status_code == 200 and later.json()["meta"]["total_count"] == 0


def test_an_id_beyond_the_database_is_not_found(client, db):
    assert client.get(f"{STORIES}{2**80}/").status_code == 404
    assert client.get(f"{STORIES}{2**80}/ninjs/").status_code == 404


@pytest.mark.parametrize("text", ['"?', "Ï^\x95 ?", "AND OR NOT (", "*"])
def test_searches_with_query_syntax_characters_never_fail(client, stories, text):
    assert client.get(STORIES, {"search": text}).status_code == 200
    assert client.get("/search/", {"q": text}).status_code == 200


def test_an_offset_beyond_any_database_is_refused(client, db):
    response = client.get(STORIES, {"offset": str(10**30)})
    assert response.status_code == 400 and "offset" in response.json()["message"]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        (STORIES + "?offset=%C2%B2", "offset"),  # "²".isdigit(), but int() refuses it
        ("/api/v2/pages/?offset=" + str(2**63), "offset"),
        ("/api/v2/media/?offset=" + "9" * 5000, "offset"),  # past int()'s 4,300 digits
        ("/api/v2/pages/?first_published_at=-1", "first_published_at"),
        ("/api/v2/media/?duration=%C2%B2", "duration"),
        ("/api/v2/pages/?type=story_pages.StoryPage&body=-1", "body"),
        ("/api/v2/images/find/?id=%C2%B2", "id"),
        ("/api/v2/pages/?fields=" + "a(" * 2000, "fields"),
        ("/api/v2/images/?search=" + "a%20" * 3000, "search"),
    ],
)
def test_values_the_database_or_wagtails_parsers_cannot_take_are_a_400(client, db, url, parameter):
    response = client.get(url)
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert parameter in response.json()["message"]
