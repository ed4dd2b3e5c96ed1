"""An endpoint whose deliveries failed for a day is disabled, and its owner told once, in their
language (the owner account's admin language, else Vietnamese): why, the last error, how to get
it re-enabled, and where to catch up on what it missed."""

import logging

from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from story_pages.distribution.api.change_feed import encode_cursor
from story_pages.distribution.webhooks import ADMIN_NAMESPACE, payload
from story_pages.mail_language import recipient_language
from story_pages.models import DeliveryStatus, WebhookEndpoint

logger = logging.getLogger(__name__)


def disable_for_failures(endpoint: WebhookEndpoint, error: str) -> bool:
    """Disables the endpoint unless it is disabled already, and tells its owner; whether it did
    (two tasks giving up at once send one e-mail)."""
    now = timezone.now()
    disabled = WebhookEndpoint.objects.filter(pk=endpoint.pk, active=True).update(
        active=False, disabled_at=now, disabled_reason=error[:300]
    )
    if disabled:
        endpoint.refresh_from_db()
        logger.warning("Webhook endpoint %s (%s) disabled: %s", endpoint.pk, endpoint.url, error)
        tell_the_owner(endpoint)
    return bool(disabled)


def tell_the_owner(endpoint: WebhookEndpoint) -> None:
    recipients = endpoint.notice_recipients()
    if not recipients:
        logger.warning("Webhook endpoint %s was disabled and has no owner to tell", endpoint.pk)
        return
    with translation.override(recipient_language(endpoint.owner)):
        subject = _("T63: webhook “%(name)s” disabled") % {"name": endpoint.name}
        send_mail(subject, _body(endpoint), None, recipients)


def _body(endpoint: WebhookEndpoint) -> str:
    base = payload.site_request().build_absolute_uri("/").rstrip("/")
    last = (
        endpoint.deliveries.filter(status=DeliveryStatus.DELIVERED)
        .order_by("-change_id")
        .values("change_id")
        .first()
    )
    changes = base + "/api/v2/changes/" + (f"?since={encode_cursor(last['change_id'])}" if last else "")
    values = {
        "name": endpoint.name,
        "url": endpoint.url,
        "time": formats.date_format(timezone.localtime(endpoint.disabled_at), "DATETIME_FORMAT"),
        "error": endpoint.disabled_reason,
        "admin": base + reverse(f"{ADMIN_NAMESPACE}:edit", args=(endpoint.pk,)),
        "changes": changes,
    }
    paragraphs = [
        _("Hello,"),
        _(
            "T63 stopped sending changes to the webhook “%(name)s” (%(url)s) on %(time)s: every "
            "delivery to it failed for a day."
        )
        % values,
        _("The last error: %(error)s") % values,
        _(
            "To have it re-enabled: make sure the address answers a POST with a 2xx status within "
            "10 seconds, then ask the T63 administrators at the ministry to tick “active” again "
            "(%(admin)s). The changes that were waiting are then sent, in order."
        )
        % values,
        _(
            "The changes made while it was disabled are in the change feed, after the last one it "
            "received: %(changes)s"
        )
        % values,
        _("This message is sent once, automatically, by T63."),
    ]
    return "\n\n".join(paragraphs) + "\n"
