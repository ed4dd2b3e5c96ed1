"""Webhook tests: an outlet's receiver on 127.0.0.1 (allowed by the setting only here), endpoints,
and publishing whose on-commit work (the queued deliveries) runs as after a real commit."""

import pytest
from django.test import override_settings

from story_pages.models import StoryPage, WebhookEndpoint
from tests.factories import StoryPageFactory
from tests.story_pages.distribution.webhooks.receiver import Receiver

SECRET = "bí-mật-của-vtv-" + "x" * 32


@pytest.fixture
def local_receivers():
    """T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES for a receiver on this machine (never in production)."""
    with override_settings(T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=True):
        yield


@pytest.fixture
def receiver(local_receivers):
    found = Receiver(secret=SECRET)
    yield found
    found.stop()


@pytest.fixture
def endpoint(db, receiver):
    return make_endpoint(receiver)


def make_endpoint(receiver, **fields) -> WebhookEndpoint:
    values = {
        "name": "VTV – hệ thống tin bài",
        "url": receiver.url,
        "secret": SECRET,
        "owner_email": "kythuat@vtv.vn",
        **fields,
    }
    return WebhookEndpoint.objects.create(**values)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what waits for the commit (queued tasks) at the block's end."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


def published(**kwargs) -> StoryPage:
    story = StoryPageFactory(**kwargs)
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def republish(story, title: str) -> StoryPage:
    story = StoryPage.objects.get(pk=story.pk)
    story.title = title
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)
