"""The worker's side of the contact form: the e-mails, and the purge of old requests.

A stored request queues one task (once its transaction commits) that mails the unit's team
(Reply-To: the sender, so a reply goes straight back) and acknowledges the sender briefly in
their language, without their message: the form must not become a way to mail anyone any text.
The same task then purges what is older than the retention period; deployments also run
`manage.py purge_contact_requests` daily, so the purge does not wait for the next question.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from story_pages.editorial.teams import MODERATORS, editors_group_name
from story_pages.learning.contact_models import ContactRequest, retention_days

logger = logging.getLogger(__name__)


def queue_after_commit(request_id: int) -> None:
    transaction.on_commit(lambda: send_contact_emails.enqueue(request_id))


@task()
def send_contact_emails(request_id: int) -> int:
    """Mails the team and the sender; the number of messages sent."""
    contact = ContactRequest.objects.select_related("unit", "story").filter(pk=request_id).first()
    if contact is None:  # purged or deleted before the worker came to it
        return 0
    sent = 0
    team = team_addresses(contact.unit)
    # The unit behind the case may not be the editors': its public address (case facts) hears too.
    public = contact.story.case_contact_email if contact.story else ""
    if public and public not in team:
        team.append(public)
    if team:
        sent += _team_message(contact, team).send()
    else:
        logger.warning("Contact request %s: no e-mail address for the team of %s", contact.pk, contact.unit)
    sent += _acknowledgement(contact).send()
    purge_old_requests()
    return sent


@task()
def purge_old_requests_task() -> int:
    return purge_old_requests()


def purge_old_requests() -> int:
    """Deletes the requests older than T63_CONTACT_RETENTION_DAYS; how many."""
    cutoff = timezone.now() - datetime.timedelta(days=retention_days())
    deleted, _by_model = ContactRequest.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def team_addresses(unit) -> list[str]:
    """The e-mail addresses of the unit's team; the ministry's moderators when it has none yet,
    so that no question is lost."""
    people = get_user_model().objects.filter(is_active=True).exclude(email="")
    for group in (editors_group_name(unit), MODERATORS):
        addresses = sorted(set(people.filter(groups__name=group).values_list("email", flat=True)))
        if addresses:
            return addresses
    return []


def _team_message(contact: ContactRequest, recipients: list[str]) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):  # the teams work in Vietnamese
        context = {"contact": contact, "inbox_url": _admin_url(contact), "retention_days": retention_days()}
        subject = _one_line(render_to_string("story_pages/learning/contact_team_subject.txt", context))
        body = render_to_string("story_pages/learning/contact_team_email.txt", context)
    # The sender's address goes only into Reply-To, after the form refused any line break in it.
    return EmailMessage(subject, body, to=recipients, reply_to=[contact.email])


def _acknowledgement(contact: ContactRequest) -> EmailMessage:
    with translation.override(contact.language):
        context = {"contact": contact, "retention_days": retention_days()}
        subject = _one_line(render_to_string("story_pages/learning/contact_ack_subject.txt", context))
        body = render_to_string("story_pages/learning/contact_ack_email.txt", context)
    return EmailMessage(subject, body, to=[contact.email])


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _admin_url(contact: ContactRequest) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("contact_inbox:detail", args=[contact.pk])
