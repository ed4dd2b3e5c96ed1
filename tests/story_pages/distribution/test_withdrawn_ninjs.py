"""A withdrawn story's ninjs (unpublished, deleted or made private): 410 Gone, pubStatus
canceled, valid against the ninjs schema, with no content; served again once published again."""

import json
from pathlib import Path

import jsonschema
import pytest
from wagtail.models import Page

from story_pages.distribution.identifiers import story_guid
from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, paragraph
from tests.story_pages.distribution.story_changes import make_private, published

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[2] / "data" / "ninjs"


def validator(version: str):
    schema = json.loads((SCHEMAS / f"ninjs-schema_{version}.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


@pytest.mark.parametrize(
    ("withdraw", "query", "version", "status_key"),
    [
        ("unpublish", "", "3.1", "pubStatus"),
        ("unpublish", "?version=1", "1.6", "pubstatus"),
        ("delete", "", "3.1", "pubStatus"),
        ("restrict", "?version=3", "3.1", "pubStatus"),
        ("delete", "?version=1", "1.6", "pubstatus"),
    ],
)
def test_a_withdrawn_storys_ninjs_is_gone_and_canceled(client, withdraw, query, version, status_key):
    story = published(body=[paragraph("Nội dung.")])
    url = f"/api/v2/stories/{story.pk}/ninjs/{query}"
    assert client.get(url).status_code == 200
    {
        "unpublish": lambda: story.unpublish(),
        "delete": lambda: Page.objects.get(pk=story.pk).delete(),
        "restrict": lambda: make_private(story),
    }[withdraw]()
    response = client.get(url)
    assert response.status_code == 410
    assert response["Cache-Control"] == "no-store"
    document = response.json()
    assert [error.message for error in validator(version).iter_errors(document)] == []
    assert document[status_key] == "canceled"
    assert document["uri"] == story_guid(story)
    assert document["language"] == "vi"
    assert "Nội dung" not in response.content.decode()  # no content


def test_a_never_published_id_stays_not_found(client):
    draft = StoryPageFactory()
    alias = Page.objects.get(alias_of=published())
    for pk in (draft.pk, alias.pk, 999_999, 2**63 - 1, 2**64):
        assert client.get(f"/api/v2/stories/{pk}/ninjs/").status_code == 404


def test_a_story_published_again_is_served_again(client):
    story = published()
    story.unpublish()
    assert client.get(f"/api/v2/stories/{story.pk}/ninjs/").status_code == 410
    StoryPage.objects.get(pk=story.pk).save_revision().publish()
    assert client.get(f"/api/v2/stories/{story.pk}/ninjs/").status_code == 200
