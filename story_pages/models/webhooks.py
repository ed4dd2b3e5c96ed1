"""Outlets' webhook endpoints, what each is sent, and every attempt to send it
(story_pages.distribution.webhooks does the sending)."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from story_pages.models.changes import StoryChange

# token_urlsafe(32): 43 characters, 256 bits. A secret typed in by hand must be as long.
MIN_SECRET_LENGTH = 32


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class WebhookEvent(models.TextChoices):
    """The change feed's kinds (StoryChange.Kind), with labels for the ministry."""

    PUBLISHED = "published", _("published (for the first time, or again)")
    UPDATED = "updated", _("updated (a new version, or a new address)")
    WITHDRAWN = "withdrawn", _("withdrawn (unpublished, deleted or made private)")


def every_event() -> list[str]:
    return list(WebhookEvent.values)


class WebhookEndpoint(models.Model):
    """An outlet's address that is POSTed every change to the public stories it asked for."""

    name = models.CharField(
        _("name"), max_length=100, help_text=_("Whose system this is, e.g. “VTV – newsroom system”.")
    )
    url = models.URLField(
        _("URL"),
        max_length=500,
        help_text=_("Where each change is POSTed: http or https, a public address."),
    )
    secret = models.CharField(
        _("signing secret"),
        max_length=128,
        default=new_secret,
        help_text=_(
            "Give it to the outlet: its system checks with it that a request comes from T63 "
            "(at least 32 characters)."
        ),
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("None ticked: every language.")
    )
    provinces = models.JSONField(
        _("stories' provinces"),
        default=list,
        blank=True,
        help_text=_("None ticked: every province. A unit of today also brings the provinces merged into it."),
    )
    events = models.JSONField(_("events"), default=every_event)
    owner_email = models.EmailField(
        _("owner's e-mail"),
        blank=True,
        help_text=_("Told if the endpoint is disabled after failing for a day."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An account to tell as well, in the language of its admin."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Ticking it again resumes the deliveries that were waiting."),
    )
    disabled_at = models.DateTimeField(_("disabled at"), null=True, blank=True, editable=False)
    # The last error when deliveries failed for a day; empty when the ministry turned it off.
    disabled_reason = models.CharField(_("last error"), max_length=300, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # The worker's bookkeeping (distribution/webhooks/delivery.py): until when one task holds the
    # endpoint's deliveries, and when the next queued task is due to run.
    draining_until = models.DateTimeField(null=True, editable=False)
    drain_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def notice_recipients(self) -> list[str]:
        found = [self.owner_email, self.owner.email if self.owner else ""]
        return list(dict.fromkeys(address for address in found if address))


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("waiting")
    DELIVERED = "delivered", _("delivered")
    FAILED = "failed", _("failed")
    SKIPPED = "skipped", _("not sent: no longer public")


class WebhookDelivery(models.Model):
    """One change to send to one endpoint, tried until it is delivered or a day has passed."""

    # The X-T63-Delivery header: the same on every attempt, so a receiver can drop a repeat.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    change = models.ForeignKey(StoryChange, on_delete=models.CASCADE, related_name="webhook_deliveries")
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"))
    give_up_at = models.DateTimeField(_("given up after"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [models.UniqueConstraint(fields=["endpoint", "change"], name="webhook_once_per_change")]
        # An endpoint's waiting deliveries, oldest change first.
        indexes = [models.Index(fields=["endpoint", "status", "change"], name="webhook_delivery_queue_idx")]

    def __str__(self):
        return f"{self.endpoint_id}: {self.change_id} {self.status}"


class AttemptOutcome(models.TextChoices):
    DELIVERED = "delivered", _("delivered")
    RETRY = "retry", _("failed, will retry")
    GAVE_UP = "gave-up", _("failed for a day: given up")
    SKIPPED = "skipped", _("not sent: no longer public")


class WebhookAttempt(models.Model):
    """A line of an endpoint's delivery log: one POST (or a delivery skipped) and how it went."""

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="attempt_log")
    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveSmallIntegerField(_("attempt"))
    at = models.DateTimeField(_("time"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=AttemptOutcome.choices)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)
    response = models.CharField(_("response"), max_length=1024, blank=True)  # its first kilobyte

    class Meta:
        verbose_name = _("webhook attempt")
        verbose_name_plural = _("webhook attempts")
        indexes = [models.Index(fields=["endpoint", "-at"], name="webhook_attempt_log_idx")]

    def __str__(self):
        return f"{self.delivery_id} #{self.number}: {self.outcome}"
