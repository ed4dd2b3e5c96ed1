"""What T63's e-mail templates need: the recipient's language, and links that start with the site's
configured address (WAGTAILADMIN_BASE_URL), never the host of the request that sent the mail."""

from django import template
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Page, TaskState

from story_pages.mail_language import recipient_language

register = template.Library()


@register.simple_tag
def mail_language(user) -> str:
    return recipient_language(user)


def _absolute(path: str | None) -> str:
    return (get_admin_base_url() or "").rstrip("/") + path if path else ""


@register.simple_tag
def site_link(url_name: str, *args, **kwargs) -> str:
    return _absolute(reverse(url_name, args=args, kwargs=kwargs))


@register.simple_tag
def edit_link(obj) -> str:
    """The object's edit view; for a page the page editor, whoever the recipient is (their own
    permissions decide once they sign in)."""
    if isinstance(obj, Page):
        return _absolute(reverse("wagtailadmin_pages:edit", args=(obj.pk,)))
    return _absolute(AdminURLFinder().get_edit_url(obj))


@register.simple_tag
def review_link(obj, task) -> str:
    """The moderator's preview of what was submitted (pages only; others are reviewed in their editor)."""
    if isinstance(obj, Page):
        return _absolute(reverse("wagtailadmin_pages:workflow_preview", args=(obj.pk, task.pk)))
    return edit_link(obj)


@register.simple_tag
def public_link(obj) -> str:
    """A page's address for readers, on the configured site address ("" when it has none)."""
    if not isinstance(obj, Page):
        return ""
    parts = obj.specific_deferred.get_url_parts()
    return _absolute(parts[2]) if parts else ""


@register.simple_tag
def mail_title(obj) -> str:
    if hasattr(obj, "get_admin_display_title"):
        return obj.get_admin_display_title()
    latest = obj.get_latest_revision_as_object() if hasattr(obj, "get_latest_revision_as_object") else obj
    return str(latest)


@register.simple_tag
def is_live(obj) -> bool:
    """Read again: the approval mail is sent right after the publish, from an instance loaded before it."""
    if not hasattr(obj, "live"):
        return False
    return type(obj)._default_manager.filter(pk=obj.pk, live=True).exists()


@register.simple_tag
def approval_comment(obj) -> str:
    """What the moderator wrote when approving (Wagtail gives the approval mail no comment)."""
    approved = (
        TaskState.objects.for_instance(obj)
        .filter(status=TaskState.STATUS_APPROVED)
        .order_by("-finished_at")
        .first()
    )
    return approved.specific.get_comment() if approved else ""
