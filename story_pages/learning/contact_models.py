"""A reader's question to the team behind a story ("Hỏi đơn vị triển khai").

Personal data (a name, an organisation, an e-mail address, a message): kept only for
T63_CONTACT_RETENTION_DAYS days, then purged by the worker (contact_mail.purge_old_requests).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

NAME_MAX = 100
ORGANISATION_MAX = 200
EMAIL_MAX = 254
MESSAGE_MAX = 3000
DEFAULT_RETENTION_DAYS = 180


def retention_days() -> int:
    return int(getattr(settings, "T63_CONTACT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


class ContactRequest(models.Model):
    # The story may be deleted while its questions wait: its title stays with them.
    story = models.ForeignKey(
        "story_pages.StoryPage",
        verbose_name=_("story"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="contact_requests",
    )
    story_title = models.CharField(_("story title"), max_length=255)
    # The current unit (Vietnamese page) whose team answers: the province's, or the one it merged into.
    unit = models.ForeignKey(
        "story_pages.ProvincePage",
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        related_name="contact_requests",
    )
    language = models.CharField(_("language"), max_length=8, default="vi")
    name = models.CharField(_("name"), max_length=NAME_MAX)
    organisation = models.CharField(_("organisation"), max_length=ORGANISATION_MAX, blank=True)
    email = models.EmailField(_("e-mail address"), max_length=EMAIL_MAX)
    message = models.TextField(_("message"), max_length=MESSAGE_MAX)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    handled = models.BooleanField(_("handled"), default=False)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["unit", "handled", "-created_at"], name="contact_unit_inbox")]

    def __str__(self):
        return f"{self.name} – {self.story_title}"
