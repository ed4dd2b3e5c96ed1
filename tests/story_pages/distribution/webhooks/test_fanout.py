"""Which endpoint is sent which change: events, languages, provinces (a unit of today with the
provinces merged into it); withdrawals to whoever had the story; the queries a publish pays."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from story_pages.distribution import changes
from story_pages.distribution.webhooks import delivery, fanout
from story_pages.models import StoryPage, WebhookDelivery, WebhookEndpoint
from tests.factories import StoryPageFactory, province, translate_into_english
from tests.story_pages.distribution.webhooks.conftest import published

pytestmark = pytest.mark.django_db

URL = "https://14.225.0.1/hook"


def endpoint(name, **fields) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(name=name, url=URL, owner_email="a@b.vn", **fields)


def sent(endpoint: WebhookEndpoint) -> list[tuple[str, int]]:
    rows = WebhookDelivery.objects.filter(endpoint=endpoint).order_by("change_id")
    return list(rows.values_list("change__kind", "change__story_id"))


def test_each_endpoint_gets_what_it_asked_for():
    everything = endpoint("Tất cả")
    english = endpoint("Tiếng Anh", languages=["en"])
    hcmc_unit = endpoint("TP.HCM hôm nay", provinces=["79"])  # with Bình Dương, Bà Rịa–Vũng Tàu
    binh_duong = endpoint("Bình Dương", provinces=["74"])
    withdrawals = endpoint("Chỉ gỡ", events=["withdrawn"])
    off = endpoint("Tắt", active=False)

    saigon = published(parent=province("79"))
    thu_dau_mot = published(parent=province("74"))
    hanoi = published(parent=province("01"))
    english_version, _ = translate_into_english(hanoi)

    assert [story for _, story in sent(everything)] == [saigon.pk, thu_dau_mot.pk, hanoi.pk] + [
        english_version.pk
    ] * len(sent(english))
    assert {story for _, story in sent(english)} == {english_version.pk}
    assert sent(hcmc_unit) == [("published", saigon.pk), ("published", thu_dau_mot.pk)]
    assert sent(binh_duong) == [("published", thu_dau_mot.pk)]
    assert sent(withdrawals) == sent(off) == []


def test_a_withdrawal_goes_to_whoever_had_the_story_even_if_its_filters_changed():
    had_it = endpoint("Đã nhận", provinces=["24"])
    other_province = endpoint("Tỉnh khác", provinces=["01"])
    story = published(parent=province("24"))
    had_it.provinces = ["01"]  # the ministry narrowed it since
    had_it.save()

    StoryPage.objects.get(pk=story.pk).unpublish()

    assert sent(had_it) == [("published", story.pk), ("withdrawn", story.pk)]
    assert sent(other_province) == []  # its province is known: not Bắc Giang's


def test_a_deleted_storys_withdrawal_goes_to_every_endpoint_of_its_language():
    """Its province is unknowable once deleted: an endpoint may hear of a story it never had."""
    elsewhere = endpoint("Hà Nội", provinces=["01"])
    english = endpoint("Tiếng Anh", languages=["en"])
    story = published(parent=province("24"))
    Page.objects.get(pk=story.pk).delete()

    assert sent(elsewhere) == [("withdrawn", story.pk)]
    assert sent(english) == []


def test_nothing_is_queued_for_a_draft_or_a_private_story():
    everything = endpoint("Tất cả")
    StoryPageFactory().save_revision()
    PageViewRestriction.objects.create(page=province("27"), restriction_type="password", password="t")
    published(parent=province("27"))
    assert sent(everything) == []


def publish_queries(story) -> int:
    with CaptureQueriesContext(connection) as captured:
        story.save_revision().publish()
    return len(captured)


def test_the_queries_a_publish_pays_for_webhooks_do_not_grow_with_the_endpoints():
    stories = []

    def cost() -> int:
        stories.append(StoryPageFactory(parent=province("79")))
        return publish_queries(stories[-1])

    cost()  # the first publish warms what every publish reads once (sites, content types)
    changes.changes_recorded.disconnect(dispatch_uid="t63-webhooks-fanout")
    try:
        without = cost()
    finally:
        changes.changes_recorded.connect(fanout.changes_recorded, dispatch_uid="t63-webhooks-fanout")
    assert cost() == without + 1  # no endpoint: the one query that finds none

    for n in range(3):
        endpoint(f"Mọi tỉnh {n}")
    assert cost() == without + 2  # the endpoints, the deliveries
    for n in range(5):
        endpoint(f"TP.HCM {n}", provinces=["79", "01"])
    assert cost() == without + 3  # and the stories' provinces
    assert WebhookDelivery.objects.filter(change__story_id=stories[-1].pk).count() == 8


def test_a_queue_that_cannot_be_reached_does_not_fail_the_publish(monkeypatch, committed):
    """The publish has committed: its deliveries wait for `deliver_webhooks` to queue them again."""

    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(delivery, "request_drain", unreachable)
    everything = endpoint("Tất cả")
    with committed():
        story = published()
    assert sent(everything) == [("published", story.pk)]
    assert WebhookDelivery.objects.get().status == "pending"
