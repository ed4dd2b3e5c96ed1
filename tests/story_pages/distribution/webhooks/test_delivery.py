"""What an outlet's receiver gets: each change, signed, in order, with the story's ninjs while it
is public; never a draft's or a private story's content."""

import pytest
from wagtail.models import PageViewRestriction

from story_pages.models import AttemptOutcome, DeliveryStatus, StoryPage, WebhookAttempt, WebhookDelivery
from tests.factories import StoryPageFactory, province, translate_into_english
from tests.story_pages.distribution.webhooks.conftest import make_endpoint, published, republish

pytestmark = pytest.mark.django_db


def test_a_publish_reaches_the_receiver_signed_with_the_feeds_item_and_the_ninjs(
    client, receiver, endpoint, committed
):
    with committed():
        story = published(title="Bắc Giang số hoá xét nghiệm")

    [request] = receiver.wait_for(1)
    assert request.verified  # by the outlets' guide's own code
    assert request.path == "/t63/hook?outlet=vtv"
    assert request.headers["Content-Type"] == "application/json; charset=utf-8"
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert request.event == "published"
    assert request.headers["X-T63-Delivery"] == str(delivery.uuid)
    body = request.json
    assert body["event"] == "published"
    # As the API serves them at the site's address.
    assert body["change"] == client.get("/api/v2/changes/", HTTP_HOST="localhost").json()["items"][-1]
    assert body["story"] == client.get(f"/api/v2/stories/{story.pk}/ninjs/", HTTP_HOST="localhost").json()
    assert body["story"]["headlines"] == [{"value": "Bắc Giang số hoá xét nghiệm"}]
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 1)
    attempt = WebhookAttempt.objects.get(delivery=delivery)
    assert (attempt.outcome, attempt.status_code, attempt.error) == (AttemptOutcome.DELIVERED, 204, "")
    assert attempt.duration_ms is not None


def test_update_unpublish_and_a_restriction_each_send_their_change(receiver, endpoint, committed):
    with committed():
        story = published(title="Hue-S")
    with committed():
        republish(story, "Hue-S, bản sửa")
    with committed():
        StoryPage.objects.get(pk=story.pk).unpublish()
    with committed():
        again = republish(story, "Hue-S, đăng lại")
    with committed():
        PageViewRestriction.objects.create(page=again, restriction_type="password", password="t63")

    received = receiver.wait_for(5)
    assert [r.event for r in received] == ["published", "updated", "withdrawn", "published", "withdrawn"]
    assert all(r.verified for r in received)
    assert received[1].json["story"]["headlines"] == [{"value": "Hue-S, bản sửa"}]
    withdrawn = received[2].json
    assert withdrawn["story"] is None and withdrawn["change"]["cause"] == "unpublish"
    assert withdrawn["change"]["ninjs_url"] is None
    assert received[4].json["change"]["cause"] == "view_restriction"
    assert len({r.headers["X-T63-Delivery"] for r in received}) == 5


def test_drafts_and_private_stories_are_never_sent(receiver, endpoint, committed):
    hidden = province("27")
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="t63")
    with committed():
        StoryPageFactory(title="Bản nháp").save_revision()  # a draft
        published(parent=hidden, title="Bắc Ninh, kín")  # live, in a private section
        live = published(title="Công khai")
        draft = StoryPage.objects.get(pk=live.pk)
        draft.title = "Bản nháp chưa duyệt của câu chuyện đã đăng"
        draft.save_revision()  # a draft of a live story

    received = receiver.wait_for(1)
    assert len(received) == 1
    assert received[0].json["change"]["id"] == live.pk
    everything = b"".join(r.body for r in received)
    for secret in ("Bản nháp", "Bắc Ninh, kín"):
        assert secret.encode() not in everything


def test_a_story_withdrawn_before_its_turn_is_not_sent_only_its_withdrawal(receiver, endpoint, committed):
    with committed():
        story = published(title="Đăng rồi gỡ ngay")
        StoryPage.objects.get(pk=story.pk).unpublish()

    received = receiver.wait_for(1)
    assert [r.event for r in received] == ["withdrawn"]
    assert b"\xc4\x90\xc4\x83ng r\xe1\xbb\x93i g\xe1\xbb\xa1" not in received[0].body
    skipped = WebhookDelivery.objects.get(change__kind="published")
    assert skipped.status == DeliveryStatus.SKIPPED
    assert WebhookAttempt.objects.get(delivery=skipped).outcome == AttemptOutcome.SKIPPED


def test_changes_arrive_in_order_over_one_connection(receiver, endpoint, committed):
    with committed():
        stories = [published(title=f"Câu chuyện {n}") for n in range(6)]

    received = receiver.wait_for(6)
    assert [r.json["change"]["id"] for r in received] == [s.pk for s in stories]
    assert len({r.client_port for r in received}) == 1  # one kept-alive connection


def test_an_english_translation_goes_to_the_english_endpoint_in_english(receiver, committed):
    english_only = make_endpoint(receiver, name="Vietnam News", languages=["en"])
    story = published(title="Tổng đài 1022")
    with committed():
        english, _ = translate_into_english(story)

    received = receiver.wait_for(1)
    assert received[0].event == "published"  # (wagtail-localize's publish is recorded as an update too)
    assert {(r.json["change"]["id"], r.json["change"]["locale"]) for r in received} == {(english.pk, "en")}
    assert received[0].json["story"]["language"] == "en"
    assert received[0].json["story"]["headlines"] == [{"value": "EN Tổng đài 1022"}]
    assert english_only.deliveries.count() == len(received)
