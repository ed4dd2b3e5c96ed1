"""Making and reading the changes of the change feed (/api/v2/changes/) in its tests."""

from wagtail.models import Page, PageViewRestriction

from story_pages.models import StoryPage
from tests.factories import publish_story as published  # noqa: F401 - the tests' name for it

CHANGES = "/api/v2/changes/"


def republish(story) -> StoryPage:
    story = StoryPage.objects.get(pk=story.pk)
    story.title += " (đã sửa)"
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def unpublish(story):
    StoryPage.objects.get(pk=story.pk).unpublish()  # as saved now: a move changed its path


def make_private(page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(page=page, restriction_type="password", password="t63")


def move(story, target):
    Page.objects.get(pk=story.pk).move(target, pos="last-child")


def changes(client, since=None, limit=None) -> dict:
    query = {key: value for key, value in (("since", since), ("limit", limit)) if value is not None}
    response = client.get(CHANGES, query)
    assert response.status_code == 200, response.content
    return response.json()


def kinds(client) -> list[tuple]:
    return [(item["kind"], item["cause"], item["id"]) for item in changes(client, limit=500)["items"]]
