"""The moderators hear of an adoption waiting for them, as they hear of a story submitted for
review: one e-mail to each moderator with an address, in Vietnamese, sent by the worker."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from story_pages.editorial.teams import MODERATORS
from story_pages.learning.adoptions import SolutionAdoption


def notify_moderators_after_commit(adoption_id: int) -> None:
    transaction.on_commit(lambda: notify_moderators_of_adoption.enqueue(adoption_id))


@task()
def notify_moderators_of_adoption(adoption_id: int) -> int:
    """The number of messages sent: none once the record was reviewed or deleted meanwhile."""
    adoption = (
        SolutionAdoption.objects.waiting()
        .select_related("solution", "unit", "submitted_by")
        .filter(pk=adoption_id)
    ).first()
    recipients = moderator_addresses()
    if adoption is None or not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):  # the ministry works in Vietnamese
        context = {"adoption": adoption, "review_url": _admin_url()}
        subject = " ".join(render_to_string("story_pages/learning/adoption_subject.txt", context).split())
        body = render_to_string("story_pages/learning/adoption_email.txt", context)
    return EmailMessage(subject, body, to=recipients).send()


def moderator_addresses() -> list[str]:
    people = get_user_model().objects.filter(is_active=True, groups__name=MODERATORS).exclude(email="")
    return sorted(set(people.values_list("email", flat=True)))


def _admin_url() -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("t63_adoptions")
