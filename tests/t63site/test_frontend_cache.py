"""With a CDN configured, publishing or unpublishing a story purges its URL and the pages that
list it; with none configured (the default), nothing is sent anywhere."""

import pytest
from django.test import TestCase
from wagtail.contrib.frontend_cache.backends import BaseBackend

from tests.factories import StoryPageFactory, province

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    yield PURGED


def test_publishing_a_story_purges_it_and_the_pages_that_list_it(cdn):
    story = StoryPageFactory(parent=province("24"), slug="hue-s")
    with TestCase.captureOnCommitCallbacks(execute=True):
        story.save_revision().publish()
    assert "http://localhost/tinh-thanh/bac-giang/hue-s/" in cdn
    assert "http://localhost/tinh-thanh/bac-giang/" in cdn  # its province lists it
    assert "http://localhost/tinh-thanh/" in cdn and "http://localhost/" in cdn
    assert "http://localhost/en/provinces/bac-giang/hue-s/" in cdn  # its English alias changed too


def test_unpublishing_purges_it_too(cdn):
    story = StoryPageFactory(parent=province("24"), slug="hue-s")
    story.save_revision().publish()
    cdn.clear()
    story.refresh_from_db()
    with TestCase.captureOnCommitCallbacks(execute=True):
        story.unpublish()
    assert "http://localhost/tinh-thanh/bac-giang/hue-s/" in cdn


def test_no_cdn_is_configured_by_default(settings):
    assert settings.WAGTAILFRONTENDCACHE == {}
