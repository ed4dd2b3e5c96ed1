"""The change feed (/api/v2/changes/): every change to the public stories, oldest first; a
harvester replaying it from the start ends with exactly the published set, private and deleted
pages included, and a change is listed as soon as it commits. Its cursors and limits:
test_change_feed_cursors.py; a withdrawn story's ninjs: test_withdrawn_ninjs.py."""

import importlib

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test import TestCase
from wagtail.models import Page

from story_pages.distribution import changes as changes_module
from story_pages.distribution.identifiers import story_guid
from story_pages.models import StoryChange, StoryPage
from tests.factories import StoryPageFactory, province, translate_into_english
from tests.story_pages.distribution.story_changes import (
    CHANGES,
    changes,
    kinds,
    make_private,
    move,
    published,
    republish,
    unpublish,
)

pytestmark = pytest.mark.django_db


class Harvester:
    """What an outlet's system keeps: the stories the feed says are public, by (id, language)."""

    def __init__(self, client, limit=3):
        self.client, self.limit = client, limit
        self.cursor = None
        self.stories: dict[tuple[int, str], dict] = {}
        self.pages_read = 0

    def harvest(self):
        while True:
            answer = changes(self.client, since=self.cursor, limit=self.limit)
            self.pages_read += 1
            assert len(answer["items"]) <= self.limit
            for change in answer["items"]:
                key = (change["id"], change["locale"])
                if change["kind"] == "withdrawn":
                    assert key in self.stories, change  # only what it was told of is withdrawn
                    assert change["detail_url"] is None and change["ninjs_url"] is None
                    del self.stories[key]
                else:
                    assert (change["kind"] == "published") == (key not in self.stories), change
                    self.stories[key] = change
            self.cursor = answer["meta"]["next"]
            if not answer["meta"]["more"]:
                return self


def listed_by_the_api(client) -> set[tuple[int, str]]:
    listed, offset = set(), 0
    while True:
        answer = client.get("/api/v2/stories/", {"limit": 20, "offset": offset}).json()
        listed |= {(item["id"], item["locale"]) for item in answer["items"]}
        offset += 20
        if offset >= answer["meta"]["total_count"]:
            return listed


def test_a_harvester_replaying_the_feed_ends_with_the_published_set(client):
    harvester = Harvester(client)
    # Published; published again (a correction); unpublished; deleted.
    corrected = published(title="Sửa sau")
    republish(corrected)
    unpublished = published(title="Gỡ xuống")
    unpublished.unpublish()
    deleted = published(title="Xoá")
    harvester.harvest()  # half way: the harvester resumes from its cursor later
    Page.objects.get(pk=deleted.pk).delete()
    # A private section withdraws its public stories; a story published inside it is never listed
    # until the restriction is lifted.
    hidden = published(parent=province("27"), title="Bắc Ninh")
    restriction = make_private(province("27"))
    hidden_at_first = published(parent=province("27"), title="Bắc Ninh, kín")
    restriction.delete()
    # A restriction on the story itself, lifted; another kept.
    make_private(hidden).delete()
    kept_private = published(parent=province("30"), title="Hải Dương")
    make_private(kept_private)
    # Moved out of the public tree (into a private section), and moved between public provinces.
    moved_out = published(parent=province("24"), title="Chuyển vào khu kín")
    make_private(province("31"))
    move(moved_out, province("31"))
    moved = published(parent=province("24"), title="Chuyển tỉnh")
    move(moved, province("79"))
    # A translation published, another published then unpublished; a draft never.
    english, _ = translate_into_english(corrected)
    withdrawn_english, _ = translate_into_english(moved)
    unpublish(withdrawn_english)
    StoryPageFactory(title="Bản nháp")

    harvester.harvest()

    assert set(harvester.stories) == listed_by_the_api(client)
    assert set(harvester.stories) == {
        (corrected.pk, "vi"),
        (hidden.pk, "vi"),
        (hidden_at_first.pk, "vi"),
        (moved.pk, "vi"),
        (english.pk, "en"),
    }
    assert harvester.pages_read > 5  # followed many small pages
    for change in harvester.stories.values():
        assert client.get(change["detail_url"]).status_code == 200
        assert client.get(change["ninjs_url"]).status_code == 200
    # Every live page with content of its own, aliases included, was considered: none listed.
    aliases = set(Page.objects.filter(alias_of__isnull=False).values_list("pk", flat=True))
    assert aliases and not aliases & set(StoryChange.objects.values_list("story_id", flat=True))


def test_each_change_says_what_happened_and_why(client):
    story = published(parent=province("24"))
    republish(story)
    move(story, province("79"))
    restriction = make_private(province("79"))
    restriction.delete()
    unpublish(story)
    english_source = published()
    english, _ = translate_into_english(english_source)
    Page.objects.get(pk=english.pk).delete()
    assert kinds(client) == [
        ("published", "publish", story.pk),
        ("updated", "publish", story.pk),
        ("updated", "move", story.pk),
        ("withdrawn", "view_restriction", story.pk),
        ("published", "view_restriction", story.pk),
        ("withdrawn", "unpublish", story.pk),
        ("published", "publish", english_source.pk),
        ("published", "publish", english.pk),
        ("withdrawn", "delete", english.pk),
    ]


def test_a_change_carries_its_story_and_addresses_but_no_content(client):
    story = published(title="Một cửa số")
    [change] = changes(client)["items"]
    assert change["id"] == story.pk
    assert change["guid"] == story_guid(story)
    assert change["translation_key"] == str(story.translation_key)
    assert change["locale"] == "vi"
    assert change["at"].endswith("Z") and len(change["at"]) == len("2026-01-01T00:00:00Z")
    assert change["detail_url"] == f"http://testserver/api/v2/stories/{story.pk}/"
    assert change["ninjs_url"] == f"http://testserver/api/v2/stories/{story.pk}/ninjs/"
    assert set(change) == {
        "cursor",
        "kind",
        "cause",
        "id",
        "guid",
        "translation_key",
        "locale",
        "at",
        "detail_url",
        "ninjs_url",
    }
    story.unpublish()
    withdrawal = changes(client)["items"][1]
    assert withdrawal["kind"] == "withdrawn"
    assert withdrawal["detail_url"] is None and withdrawal["ninjs_url"] is None
    assert withdrawal["guid"] == change["guid"]


def test_a_change_is_listed_as_soon_as_it_commits_cached_answers_included(client):
    """The answer is cached under the content version; the change's commit bumps it."""
    first = published()
    before = client.get(CHANGES)
    assert client.get(CHANGES)["ETag"] == before["ETag"]  # served from the cache
    with TestCase.captureOnCommitCallbacks(execute=True):
        second = published()
    after = client.get(CHANGES)
    assert after["ETag"] != before["ETag"]
    assert [item["id"] for item in after.json()["items"]] == [first.pk, second.pk]
    # A conditional request with the old ETag is not answered 304.
    assert client.get(CHANGES, headers={"if-none-match": before["ETag"]}).status_code == 200


@pytest.mark.parametrize("change", ["unpublish", "make private"])
def test_a_request_between_the_version_and_the_record_does_not_hide_the_change(
    client, monkeypatch, starting_state, change
):
    """Outside a transaction (the admin's views) the page, the content version and the change
    commit one after the other: an answer cached in between, under the new version, must not
    outlive the change's commit."""
    story = published()
    [published_change] = client.get(CHANGES).json()["items"]
    seen = []
    take_the_lock = changes_module._one_writer_at_a_time

    def a_request_meanwhile():
        seen.append(client.get(CHANGES).json()["items"])
        take_the_lock()

    monkeypatch.setattr(changes_module, "_one_writer_at_a_time", a_request_meanwhile)
    if change == "unpublish":
        story.unpublish()
    else:
        make_private(story)
    # The first record (an unpublished page's aliases are unpublished after it): a new version,
    # the change not committed yet.
    assert seen[0] == [published_change]
    assert [item["kind"] for item in client.get(CHANGES).json()["items"]] == ["published", "withdrawn"]


def test_a_change_is_recorded_in_the_transaction_of_the_change():
    story = StoryPageFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        story.save_revision().publish()
        assert StoryChange.objects.filter(story_id=story.pk).exists()
        raise RuntimeError("the publish fails later")
    assert not StoryChange.objects.filter(story_id=story.pk).exists()


def test_a_private_story_published_or_changed_is_never_listed(client):
    restriction = make_private(province("24"))
    story = published(parent=province("24"))
    republish(story)
    story.unpublish()
    restriction.password = "another"
    restriction.save()
    assert kinds(client) == []


def test_a_page_deleted_with_its_restriction_is_withdrawn_once(client):
    public = published(parent=province("24"))
    private = published(parent=province("24"))
    make_private(private)
    Page.objects.get(pk=private.pk).delete()
    Page.objects.get(pk=public.pk).delete()
    assert kinds(client) == [
        ("published", "publish", public.pk),
        ("published", "publish", private.pk),
        ("withdrawn", "view_restriction", private.pk),
        ("withdrawn", "delete", public.pk),
    ]


def test_deleting_a_restricted_section_withdraws_nothing_twice(client):
    inside = published(parent=province("74"))
    outside = published(parent=province("79"))
    restriction = make_private(province("74"))
    restriction.delete()
    make_private(province("74"))
    # The whole province goes, its restriction with it: its story was withdrawn already.
    Page.objects.get(pk=province("74").pk).delete()
    assert kinds(client) == [
        ("published", "publish", inside.pk),
        ("published", "publish", outside.pk),
        ("withdrawn", "view_restriction", inside.pk),
        ("published", "view_restriction", inside.pk),
        ("withdrawn", "view_restriction", inside.pk),
    ]


def test_the_feed_starts_with_the_stories_published_before_it():
    """The migration announces what is public already."""
    kept = published(title="Trước đó")
    english, _ = translate_into_english(kept)
    make_private(published(parent=province("30")))
    StoryPageFactory()
    StoryChange.objects.all().delete()
    migration = importlib.import_module("story_pages.migrations.0007_story_changes")
    migration.announce_the_published_stories(apps, connection.schema_editor())
    announced = StoryChange.objects.order_by("pk").values_list("story_id", "locale", "kind")
    assert set(announced) == {(kept.pk, "vi", "published"), (english.pk, "en", "published")}
    assert set(StoryPage.objects.published().values_list("pk", flat=True)) == {kept.pk, english.pk}
