"""The change feed's pages (/api/v2/changes/): resumable opaque cursors, a bounded limit, 400
for anything else, and a fixed number of queries per page."""

import base64

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from story_pages.distribution.api.change_feed import decode_cursor, encode_cursor
from tests.story_pages.distribution.story_changes import CHANGES, changes, published

pytestmark = pytest.mark.django_db


def test_cursors_resume_where_the_harvester_stopped(client):
    stories = [published() for _ in range(5)]
    first = changes(client, limit=2)
    assert [item["id"] for item in first["items"]] == [s.pk for s in stories[:2]]
    assert first["meta"]["more"] is True
    assert first["meta"]["next"] == first["items"][-1]["cursor"]
    rest = changes(client, since=first["meta"]["next"])
    assert [item["id"] for item in rest["items"]] == [s.pk for s in stories[2:]]
    assert rest["meta"]["more"] is False
    # Nothing new: the same cursor again, to poll with.
    idle = changes(client, since=rest["meta"]["next"])
    assert idle["items"] == [] and idle["meta"]["next"] == rest["meta"]["next"]
    # Resuming after any change's own cursor.
    middle = changes(client, since=first["items"][0]["cursor"])
    assert [item["id"] for item in middle["items"]] == [s.pk for s in stories[1:]]
    # A new change is listed after the cursor the harvester kept.
    stories[0].unpublish()
    [withdrawal] = changes(client, since=rest["meta"]["next"])["items"]
    assert (withdrawal["kind"], withdrawal["id"]) == ("withdrawn", stories[0].pk)


def test_the_cursor_is_opaque_and_round_trips():
    for sequence in (0, 1, 42, 2**63 - 1):
        cursor = encode_cursor(sequence)
        assert str(sequence) not in cursor or sequence == 0
        assert decode_cursor(cursor) == sequence


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("?page=2", "page"),
        ("?since=1&limit=2&offset=3", "offset"),
        ("?since=", "since"),
        ("?since=12", "since"),
        ("?since=not-a-cursor", "since"),
        ("?since=%F0%9F%98%80", "since"),
        ("?since=" + _b64("v1:-1"), "since"),
        ("?since=" + _b64("v1:01"), "since"),
        ("?since=" + _b64("v2:1"), "since"),
        ("?since=" + _b64(f"v1:{2**63}"), "since"),
        ("?since=" + _b64("v1:1") + "==", "since"),
        ("?since=" + _b64("v1:1")[:-1] + "x", "since"),
        ("?limit=0", "limit"),
        ("?limit=501", "limit"),
        ("?limit=abc", "limit"),
        ("?limit=1.5", "limit"),
        ("?limit=-1", "limit"),
    ],
)
def test_unknown_parameters_and_malformed_cursors_answer_400(client, query, parameter):
    response = client.get(CHANGES + query)
    assert response.status_code == 400
    assert parameter in response.json()["message"]
    assert response["Cache-Control"] == "no-store"


def test_a_page_is_bounded(client):
    for _ in range(3):
        published()
    assert len(changes(client)["items"]) == 3
    assert len(changes(client, limit=500)["items"]) == 3
    assert len(changes(client, limit=1)["items"]) == 1


def test_the_number_of_queries_does_not_grow_with_the_page(client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            changes(client, limit=500)
        return len(captured)

    published().unpublish()
    few = queries()
    for _ in range(10):
        published().unpublish()
    assert queries() == few
    assert few <= 3  # the content version, the changes
