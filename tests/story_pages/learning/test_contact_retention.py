"""Questions are personal data: deleted once older than T63_CONTACT_RETENTION_DAYS, by the
worker after each new question and by the daily `purge_contact_requests`."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from story_pages.learning.contact_mail import purge_old_requests_task, send_contact_emails
from story_pages.models import ContactRequest
from tests.factories import province
from tests.story_pages.learning.contact_helpers import filled, quang_nam_story


def question(days_old: float) -> ContactRequest:
    contact = ContactRequest.objects.create(
        unit=province("48"), story_title="Một cửa", name="An", email="an@example.vn", message="Hỏi"
    )
    ContactRequest.objects.filter(pk=contact.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_old)
    )
    return contact


@pytest.fixture
def ages(db, settings):
    settings.T63_CONTACT_RETENTION_DAYS = 30
    return {days: question(days) for days in (0, 29, 31, 400)}


def kept() -> set[int]:
    return set(ContactRequest.objects.values_list("pk", flat=True))


def test_the_command_deletes_what_is_older_than_the_retention(ages):
    call_command("purge_contact_requests", verbosity=0)
    assert kept() == {ages[0].pk, ages[29].pk}


def test_the_worker_task_purges_too(ages):
    assert purge_old_requests_task.enqueue().return_value == 2
    assert kept() == {ages[0].pk, ages[29].pk}


def test_a_new_question_purges_the_old_ones(client, ages, django_capture_on_commit_callbacks):
    story = quang_nam_story()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/lien-he/{story.pk}/", filled(story)).status_code == 302
    assert ages[400].pk not in kept() and ages[31].pk not in kept()
    assert len(kept()) == 3


def test_a_question_purged_before_the_worker_sends_nothing(db):
    pk = question(0).pk
    ContactRequest.objects.filter(pk=pk).delete()
    assert send_contact_emails.enqueue(pk).return_value == 0
    assert mail.outbox == []
