"""Cache tags fail closed like the content version they refine: each tag's version commits with
the change in the database, a cache that missed one is set forward from the database, an entry
built while a change reached the cache is not stored, and a tag the cache lost is never taken
for its old version."""

import time
import uuid

import pytest
import redis
from django.core.cache import caches
from wagtail.rich_text import RichText

from story_pages import cache_tags, cached_entries, content_version
from story_pages.models import CacheTagVersion, ContentVersionRecord
from tests.factories import province, publish_story

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/0"
PAUSE_SECONDS = 2.5


def served_from_cache(client, url: str) -> bool:
    return client.get(url)["X-Cache"] == "hit"


def test_a_publishs_tags_commit_with_it():
    before = ContentVersionRecord.objects.get(pk=1).version
    story = publish_story(parent=province("48"))
    tags = dict(CacheTagVersion.objects.values_list("tag", "version"))
    for tag in (cache_tags.story(story.translation_key), "place:48", "theme:chinh-quyen-so", "listings"):
        assert before < tags[tag] <= ContentVersionRecord.objects.get(pk=1).version, tag
    assert content_version.EVERYTHING not in tags or tags[content_version.EVERYTHING] <= before


def test_a_change_whose_write_to_the_cache_was_lost_is_found_in_the_database(client, settings):
    settings.T63_CONTENT_VERSION_CHECK_SECONDS = 1.0  # as in production
    story = publish_story(parent=province("48"), title="Bản cũ")
    client.get(story.url)
    assert served_from_cache(client, story.url)

    # Another process publishes and stops before telling the cache (its versions are in the
    # database only); a third one's later change reaches the cache: its last change is current.
    story.title = "Bản mới"
    story.save_revision().publish()
    content_version._known.tags_ahead.clear()  # this process did not make the change
    content_version._new_version({cache_tags.story(uuid.uuid4())})
    last_change = ContentVersionRecord.objects.get(pk=1).version
    assert caches["responses"].get(content_version.CACHE_KEY) == last_change
    content_version._known.checked_at = time.monotonic()
    assert "Bản cũ" in client.get(story.url).content.decode()  # until this process's next check

    content_version._known.checked_at -= settings.T63_CONTENT_VERSION_CHECK_SECONDS
    assert "Bản mới" in client.get(story.url).content.decode()


def test_an_entry_built_while_a_change_reached_the_cache_is_not_stored():
    tags = {content_version.EVERYTHING, "story:x"}
    found = cached_entries.lookup("t63:test-entry")
    content_version._new_version({"story:x"})  # committed and announced while the entry was built
    assert not cached_entries.store(found, "read before the change", tags, 60)
    assert cached_entries.lookup("t63:test-entry").entry is None

    found = cached_entries.lookup("t63:test-entry")
    assert cached_entries.store(found, "read after the change", tags, 60)
    assert cached_entries.lookup("t63:test-entry").entry == "read after the change"


def test_a_tag_the_cache_lost_is_not_taken_for_its_old_version():
    tags = {content_version.EVERYTHING, "story:y"}
    assert cached_entries.store(cached_entries.lookup("t63:test-entry"), "page", tags, 60)
    assert cached_entries.lookup("t63:test-entry").entry == "page"
    caches["responses"].delete(content_version.tag_key("story:y"))  # evicted
    assert cached_entries.lookup("t63:test-entry").entry is None
    assert cached_entries.store(cached_entries.lookup("t63:test-entry"), "page again", tags, 60)
    assert cached_entries.lookup("t63:test-entry").entry == "page again"


def test_an_emptied_cache_serves_nothing_old(client):
    story = publish_story(parent=province("48"))
    client.get(story.url)
    assert served_from_cache(client, story.url)
    caches["responses"].clear()  # Redis restarted empty
    assert not served_from_cache(client, story.url)
    assert served_from_cache(client, story.url)


@pytest.fixture
def redis_caches(settings):
    prefix = f"t63-test-{uuid.uuid4().hex[:8]}"
    shared = {
        "BACKEND": "t63site.resilient_cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    settings.CACHES = {"default": shared, "responses": shared}
    server = redis.Redis.from_url(REDIS_URL)
    yield server
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


def test_a_story_published_during_a_stall_is_not_served_old_afterwards(
    client, redis_caches, settings, django_capture_on_commit_callbacks
):
    settings.T63_CONTENT_VERSION_CHECK_SECONDS = 1.0
    story = publish_story(parent=province("48"), body=[("paragraph", RichText("<p>Bản đầu tiên</p>"))])
    client.get(story.url)
    assert served_from_cache(client, story.url)

    redis_caches.execute_command("CLIENT", "PAUSE", int(PAUSE_SECONDS * 1000), "ALL")
    answers_again_at = time.monotonic() + PAUSE_SECONDS
    story.body = [("paragraph", RichText("<p>Bản sửa lại</p>"))]
    with django_capture_on_commit_callbacks(execute=True):  # the change commits; the cache misses it
        story.save_revision().publish()
    time.sleep(max(0.0, answers_again_at - time.monotonic()) + 0.1)

    page = client.get(story.url).content.decode()
    assert "Bản sửa lại" in page and "Bản đầu tiên" not in page
