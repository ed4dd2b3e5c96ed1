"""Readers read from the replica; editors, writes, the admin and fresh changes from the primary."""

import time

import pytest
from django.core.cache import caches
from django.db import router
from django.http import HttpResponse
from django.test import RequestFactory

from story_pages import content_version
from story_pages.models import StoryPage
from t63site.read_replica import REPLICA_LAG_SECONDS, ReadReplicaMiddleware


def reads_during(request) -> str:
    """The database the stories are read from while ``request`` is served."""
    seen = {}

    def view(request):
        seen["database"] = router.db_for_read(StoryPage)
        return HttpResponse()

    ReadReplicaMiddleware(view)(request)
    return seen["database"]


@pytest.fixture(autouse=True)
def settled(settings):
    """A replica, and public content last changed long enough ago for it to have the change."""
    settings.T63_READ_REPLICA = "replica"
    settled_at = time.time() - REPLICA_LAG_SECONDS - 5
    caches["responses"].set(content_version.CACHE_KEY, int(settled_at * 1000), timeout=None)


def test_a_reader_reads_from_the_replica():
    assert reads_during(RequestFactory().get("/tinh-thanh/")) == "replica"
    assert reads_during(RequestFactory().head("/api/v2/stories/")) == "replica"


@pytest.mark.django_db  # a change is recorded in the database too
def test_just_after_a_publish_every_reader_reads_from_the_primary():
    content_version.bump()
    assert reads_during(RequestFactory().get("/tinh-thanh/")) == "default"


def test_editors_the_admin_and_writes_use_the_primary(settings):
    editor = RequestFactory().get("/tinh-thanh/")
    editor.COOKIES[settings.SESSION_COOKIE_NAME] = "a session"
    assert reads_during(editor) == "default"
    assert reads_during(RequestFactory().get("/admin/pages/")) == "default"
    assert reads_during(RequestFactory().post("/search/")) == "default"
    assert router.db_for_write(StoryPage) == "default"


def test_outside_a_request_and_without_a_replica_everything_uses_the_primary(settings):
    reads_during(RequestFactory().get("/"))
    assert router.db_for_read(StoryPage) == "default"  # the request's choice ended with it
    settings.T63_READ_REPLICA = None
    assert reads_during(RequestFactory().get("/tinh-thanh/")) == "default"
