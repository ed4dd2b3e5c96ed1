"""Two app processes share one cache: after a publish through either, neither serves the old
API or feed responses. Each "process" here has its own cache client on one shared store (Redis
when reachable, a cache directory otherwise), as gunicorn workers on several servers do."""

import contextlib

import pytest
import redis
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache

from story_pages import content_version
from tests.factories import StoryPageFactory, paragraph, province

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/5"


def redis_reachable() -> bool:
    try:
        return redis.Redis.from_url(REDIS, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


SHARED_STORES = ["directory"] + (["redis"] if redis_reachable() else [])


@pytest.fixture(params=SHARED_STORES)
def processes(request, tmp_path):
    def client_of_store():
        if request.param == "redis":
            return RedisCache(REDIS, {"KEY_PREFIX": f"t63-test-{tmp_path.name}"})
        return FileBasedCache(str(tmp_path), {})

    first, second = client_of_store(), client_of_store()
    yield first, second
    first.clear()


@contextlib.contextmanager
def running_in(cache):
    """Requests and publishes handled by the process whose cache client this is."""
    previous = caches["responses"]
    caches["responses"] = cache  # this thread's client of T63's cache, as in that process
    try:
        yield
    finally:
        caches["responses"] = previous


def titles(client, path="/api/v2/stories/") -> list[str]:
    return [item["title"] for item in client.get(path).json()["items"]]


def test_a_publish_in_one_process_is_served_by_the_other_at_once(client, processes):
    first, second = processes
    story = StoryPageFactory(parent=province("24"), title="Bản nháp đầu", body=[paragraph("Một")])
    story.save_revision().publish()
    with running_in(first):
        assert titles(client) == ["Bản nháp đầu"]  # now cached by the first process
    with running_in(second):
        story.title = "Bản đã sửa"
        story.save_revision().publish()
        assert titles(client) == ["Bản đã sửa"]
    with running_in(first):
        assert titles(client) == ["Bản đã sửa"]
        assert "Bản đã sửa" in client.get("/feeds/vi/rss/").content.decode()
    with running_in(second):
        story.refresh_from_db()
        story.unpublish()
    with running_in(first):
        assert titles(client) == []


def test_a_change_is_announced_again_when_its_transaction_commits(django_capture_on_commit_callbacks):
    # A request served between the change and its commit reads the old rows; what it stores
    # under the first new version is dropped by the second.
    before = content_version.current_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        content_version.bump()
        during = content_version.current_version()
    assert before < during < content_version.current_version()
    assert len(callbacks) == 1
