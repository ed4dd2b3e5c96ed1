"""A story made private while Redis stalls is private when Redis answers again: the content
version is kept in the database with the change, and a cache that missed it is not believed.
Against the real Redis, paused with CLIENT PAUSE as a stalled or overloaded server would be."""

import logging
import time
import uuid

import pytest
import redis
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from story_pages import content_version
from tests.factories import province, publish_story

REDIS_URL = "redis://127.0.0.1:6379/0"
SECRET = "Kết quả thí điểm chưa công bố"
PAUSE_SECONDS = 2.5


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


def paused(server):
    """Redis answers no client for a while; returns when it would answer again."""
    server.execute_command("CLIENT", "PAUSE", int(PAUSE_SECONDS * 1000), "ALL")
    return time.monotonic() + PAUSE_SECONDS


def served_publicly(client, story):
    api = client.get(f"/api/v2/stories/{story.pk}/")
    page = client.get(story.url)
    return api.status_code == 200 or SECRET in page.content.decode()


@pytest.mark.parametrize("process", ["the one that made the change", "another, idle meanwhile"])
def test_a_story_made_private_during_a_stall_is_not_served_from_the_cache(
    db, client, redis_caches, caplog, settings, process, django_capture_on_commit_callbacks
):
    settings.T63_CONTENT_VERSION_CHECK_SECONDS = 1.0  # as in production
    story = publish_story(parent=province("24"), body=[("paragraph", RichText(f"<p>{SECRET}</p>"))])
    assert served_publicly(client, story) and served_publicly(client, story)  # now cached
    cached = client.get(f"/api/v2/stories/{story.pk}/")
    assert cached.status_code == 200

    answers_again_at = paused(redis_caches)
    with caplog.at_level(logging.WARNING, logger="t63site.resilient_cache"):
        with django_capture_on_commit_callbacks(execute=True):  # the change commits
            PageViewRestriction.objects.create(page=story, restriction_type="password", password="mk")
    assert "cache unavailable" in caplog.text  # the new version did not reach Redis
    time.sleep(max(0.0, answers_again_at - time.monotonic()) + 0.1)

    if process != "the one that made the change":
        # A process that was idle through the stall: it saw no failure and its last look at the
        # database is older than the change; it looks again within the check interval.
        content_version._known.cache_failed = False
        content_version._known.version = 0
        content_version._known.checked_at = time.monotonic() - settings.T63_CONTENT_VERSION_CHECK_SECONDS
    assert not served_publicly(client, story)
    assert client.get(f"/api/v2/stories/{story.pk}/").status_code == 404


def test_the_version_commits_with_the_change(db):
    from story_pages.models import ContentVersionRecord

    before = ContentVersionRecord.objects.get(pk=1).version
    story = publish_story(parent=province("24"))
    after_publish = ContentVersionRecord.objects.get(pk=1).version
    PageViewRestriction.objects.create(page=story, restriction_type="login")
    assert before < after_publish < ContentVersionRecord.objects.get(pk=1).version


def test_after_a_cache_failure_one_check_of_the_database_suffices(client, db):
    """The cache's failure costs one read of the database's version, not one per request after it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    story = publish_story(parent=province("24"))
    url = f"/api/v2/stories/{story.pk}/"
    client.get(url)  # now cached
    content_version.cache_unreachable()  # as the cache backend reports a timeout
    counts = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(sum("contentversionrecord" in query["sql"] for query in queries))
    assert counts == [1, 0, 0]
