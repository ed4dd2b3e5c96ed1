"""The moderators hear of an adoption waiting for them, as they hear of a story submitted for
review: an e-mail to each moderator with an address, in the language they read, sent by the worker."""

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
from story_pages.mail_language import recipient_language


def notify_moderators_after_commit(adoption_id: int) -> None:
    transaction.on_commit(lambda: notify_moderators_of_adoption.enqueue(adoption_id))


@task()
def notify_moderators_of_adoption(adoption_id: int) -> int:
    """The number of messages sent, one per language the moderators read: none once the record
    was reviewed or deleted meanwhile."""
    adoption = (
        SolutionAdoption.objects.waiting()
        .select_related("solution", "unit", "submitted_by")
        .filter(pk=adoption_id)
    ).first()
    if adoption is None:
        return 0
    sent = 0
    for language, recipients in moderators_by_language().items():
        with translation.override(language):
            context = {"adoption": adoption, "review_url": _admin_url()}
            subject = " ".join(render_to_string("story_pages/learning/adoption_subject.txt", context).split())
            body = render_to_string("story_pages/learning/adoption_email.txt", context)
        sent += EmailMessage(subject, body, to=recipients).send()
    return sent


def moderators_by_language() -> dict[str, list[str]]:
    """The moderators' addresses by the language each reads (mail_language.recipient_language)."""
    people = get_user_model().objects.filter(is_active=True, groups__name=MODERATORS).exclude(email="")
    by_language: dict[str, set[str]] = {}
    for person in people.distinct():
        by_language.setdefault(recipient_language(person), set()).add(person.email)
    return {language: sorted(addresses) for language, addresses in sorted(by_language.items())}


def _admin_url() -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("t63_adoptions")
