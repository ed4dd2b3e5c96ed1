"""A receiver that fails: retries with exponential backoff for a day, later changes held back
meanwhile, then the endpoint disabled and its owner told once; re-enabled, it resumes."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from story_pages.distribution.webhooks import delivery as delivery_module
from story_pages.distribution.webhooks.delivery import backoff, deliver
from story_pages.models import AttemptOutcome, DeliveryStatus, StoryChange, WebhookAttempt, WebhookDelivery
from tests.story_pages.distribution.webhooks.conftest import make_endpoint, published

pytestmark = pytest.mark.django_db


def time_passes_until_its_next_attempt(delivery: WebhookDelivery) -> None:
    """Moves the delivery's clock (its change, next attempt and deadline) back, so that its next
    attempt is due now."""
    delivery.refresh_from_db()
    wait = delivery.next_attempt_at - timezone.now()
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=F("next_attempt_at") - wait, give_up_at=F("give_up_at") - wait
    )
    StoryChange.objects.filter(pk=delivery.change_id).update(at=F("at") - wait)


def minutes_after_the_change(delivery: WebhookDelivery) -> int:
    delivery.refresh_from_db()
    return round((delivery.next_attempt_at - delivery.change.at) / timedelta(minutes=1))


def test_the_backoff_doubles_from_a_minute():
    assert [backoff(n) / timedelta(minutes=1) for n in range(1, 6)] == [1, 2, 4, 8, 16]


def test_retries_double_until_a_day_has_passed_then_the_endpoint_is_disabled_and_its_owner_told(
    receiver, endpoint, committed
):
    receiver.answers = [503] * 20
    with committed():
        published(title="Sóc Trăng số")
    failing = WebhookDelivery.objects.get()
    schedule = [0]
    while failing.status == DeliveryStatus.PENDING:
        schedule.append(minutes_after_the_change(failing))
        time_passes_until_its_next_attempt(failing)
        deliver.call(endpoint.pk)
        failing.refresh_from_db()

    # Attempts at 0, 1, 3, 7, ... minutes after the change, the last one when a day has passed.
    assert schedule == [0, 1, 3, 7, 15, 31, 63, 127, 255, 511, 1023, 1440]
    assert len(receiver.received) == failing.attempts == 12
    assert all(r.verified for r in receiver.received)  # each attempt signed afresh
    assert len({r.headers["X-T63-Signature"] for r in receiver.received}) > 1
    assert len({r.headers["X-T63-Delivery"] for r in receiver.received}) == 1
    assert failing.status == DeliveryStatus.FAILED
    outcomes = list(WebhookAttempt.objects.order_by("number").values_list("outcome", flat=True))
    assert outcomes == [AttemptOutcome.RETRY] * 11 + [AttemptOutcome.GAVE_UP]
    endpoint.refresh_from_db()
    assert not endpoint.active and endpoint.disabled_reason == "HTTP 503"

    [notice] = mail.outbox
    assert notice.to == ["kythuat@vtv.vn"]
    assert notice.subject == "T63: đã tạm dừng webhook “VTV – hệ thống tin bài”"
    assert "HTTP 503" in notice.body and endpoint.url in notice.body
    assert "bật lại" in notice.body  # how to have it re-enabled
    assert "/api/v2/changes/" in notice.body  # where to catch up
    # Disabled: nothing more is sent, no second e-mail, and new changes are not queued for it.
    with committed():
        published(title="Trong lúc tạm dừng")
    deliver.call(endpoint.pk)
    assert len(receiver.received) == 12 and len(mail.outbox) == 1
    assert endpoint.deliveries.count() == 1


def test_a_failure_holds_back_the_later_changes_so_the_order_is_kept(receiver, endpoint, committed):
    receiver.answers = [500]
    with committed():
        stories = [published(title=f"Thứ tự {n}") for n in range(3)]
    assert len(receiver.received) == 1
    head = WebhookDelivery.objects.order_by("change_id").first()
    assert list(WebhookDelivery.objects.values_list("attempts", flat=True).order_by("change_id")) == [1, 0, 0]

    time_passes_until_its_next_attempt(head)
    deliver.call(endpoint.pk)

    ids = [r.json["change"]["id"] for r in receiver.received]
    assert ids == [stories[0].pk, stories[0].pk, stories[1].pk, stories[2].pk]
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {DeliveryStatus.DELIVERED}


def test_re_enabling_the_endpoint_in_the_admin_resumes_what_was_waiting(
    admin_client, receiver, endpoint, committed
):
    receiver.answers = [500, 500]
    with committed():
        first = published(title="Trước")
        second = published(title="Sau")
    head = WebhookDelivery.objects.get(change__story_id=first.pk)
    WebhookDelivery.objects.filter(pk=head.pk).update(
        give_up_at=timezone.now(), next_attempt_at=timezone.now()
    )
    deliver.call(endpoint.pk)  # its last attempt: given up, the endpoint disabled
    endpoint.refresh_from_db()
    assert not endpoint.active and len(mail.outbox) == 1
    waiting = WebhookDelivery.objects.get(change__story_id=second.pk)
    assert waiting.status == DeliveryStatus.PENDING and waiting.attempts == 0

    form = admin_client.get(reverse("webhooks:edit", args=(endpoint.pk,)))
    assert form.status_code == 200
    data = {
        "name": endpoint.name,
        "url": endpoint.url,
        "secret": endpoint.secret,
        "events": ["published", "updated", "withdrawn"],
        "owner_email": endpoint.owner_email,
        "active": "on",
    }
    with committed():
        response = admin_client.post(reverse("webhooks:edit", args=(endpoint.pk,)), data)
    assert response.status_code == 302

    endpoint.refresh_from_db()
    assert endpoint.active and endpoint.disabled_at is None and endpoint.disabled_reason == ""
    waiting.refresh_from_db()
    assert waiting.status == DeliveryStatus.DELIVERED
    assert receiver.received[-1].json["change"]["id"] == second.pk
    assert WebhookDelivery.objects.get(pk=head.pk).status == DeliveryStatus.FAILED  # given up stays so


def test_a_redirect_is_not_followed(receiver, endpoint, committed):
    receiver.answers = [302]
    with committed():
        published()
    attempt = WebhookAttempt.objects.get()
    assert (attempt.outcome, attempt.status_code) == (AttemptOutcome.RETRY, 302)
    assert attempt.error == "HTTP 302 (redirects are not followed)"
    assert len(receiver.received) == 1


def test_no_answer_in_time_is_a_failure_and_only_a_kilobyte_of_an_answer_is_kept(
    receiver, endpoint, committed, monkeypatch
):
    monkeypatch.setattr(delivery_module, "TIMEOUT_SECONDS", 0.3)
    receiver.delay = 1
    with committed():
        story = published()
    attempt = WebhookAttempt.objects.get()
    assert attempt.error == "no answer within 0.3 s" and attempt.status_code is None

    receiver.delay, receiver.answers = 0, [500]  # answers 2,500 bytes
    failing = WebhookDelivery.objects.get(change__story_id=story.pk)
    time_passes_until_its_next_attempt(failing)
    deliver.call(endpoint.pk)
    second = WebhookAttempt.objects.get(number=2)
    assert second.status_code == 500 and len(second.response) == 1024


def test_the_owner_is_told_in_the_language_of_their_admin(django_user_model, receiver, committed):
    owner = django_user_model.objects.create_user("vnnews", "tech@vietnamnews.vn", "pw")
    profile = UserProfile.get_for_user(owner)
    profile.preferred_language = "en"
    profile.save()
    endpoint = make_endpoint(receiver, name="Vietnam News", owner_email="", owner=owner)
    receiver.answers = [500, 500]
    with committed():
        published()
    WebhookDelivery.objects.update(give_up_at=timezone.now(), next_attempt_at=timezone.now())
    deliver.call(endpoint.pk)

    [notice] = mail.outbox
    assert notice.to == ["tech@vietnamnews.vn"]
    assert notice.subject == "T63: webhook “Vietnam News” disabled"
    assert "every delivery to it failed for a day" in notice.body


def test_the_safety_net_queues_a_lost_task_once(receiver, endpoint, committed):
    receiver.answers = [500]
    with committed():
        published()
    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    endpoint.refresh_from_db()
    assert endpoint.drain_at is None  # the immediate backend cannot queue the retry for later

    out = StringIO()
    call_command("deliver_webhooks", stdout=out)  # (immediate backend: it runs at once)
    assert "1 endpoint(s) with deliveries waiting; 1 task(s) queued." in out.getvalue()
    assert WebhookDelivery.objects.get().status == DeliveryStatus.DELIVERED
    call_command("deliver_webhooks", stdout=out)
    assert "0 endpoint(s)" in out.getvalue()
