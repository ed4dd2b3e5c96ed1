"""The admin's contact inbox ("Hộp thư liên hệ"): a province team reads the questions sent to
its own unit, the ministry's moderators read them all, nobody else reads any (403)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import GroupPagePermission

from story_pages.editorial.teams import MODERATORS
from story_pages.learning.contact_models import ContactRequest

PER_PAGE = 50
STATES = {"open": False, "handled": True}


def visible_requests(user):
    """The requests ``user`` may read, or None if they may read none."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
        return ContactRequest.objects.all()
    # A team edits its unit's pages (editorial/teams.py): the unit pages it may change are its inbox.
    units = list(
        GroupPagePermission.objects.filter(
            group__user=user, permission__codename="change_page", page__provincepage__isnull=False
        ).values_list("page_id", flat=True)
    )
    if not units:
        return None
    return ContactRequest.objects.filter(unit_id__in=units)


class Refused(Exception):
    pass


def _requests_or_403(request):
    requests = visible_requests(request.user)
    if requests is None:
        raise Refused
    return requests


def refuse_with_403(view):
    """A plain 403: Wagtail's admin turns PermissionDenied into a redirect home, which would let
    another team's question look like a wrong link rather than a refusal."""

    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Refused:
            return HttpResponseForbidden(
                _("Only the unit's team and the ministry's moderators read these questions.")
            )

    return wrapped


def index(request):
    requests = _requests_or_403(request).select_related("unit")
    state = request.GET.get("state", "open")
    if state in STATES:
        requests = requests.filter(handled=STATES[state])
    page = Paginator(requests, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "story_pages/learning/contact_inbox_index.html",
        {
            "page_title": _("Contact inbox"),
            "header_icon": "mail",
            "page_obj": page,
            "state": state if state in STATES else "all",
            "states": [("open", _("Open")), ("handled", _("Handled")), ("all", _("All"))],
        },
    )


@require_http_methods(["GET", "POST"])
def detail(request, pk: int):
    requests = _requests_or_403(request)
    contact = get_object_or_404(ContactRequest.objects.select_related("unit", "handled_by"), pk=pk)
    if not requests.filter(pk=pk).exists():  # another unit's question: refused, not hidden
        raise Refused
    if request.method == "POST":
        handled = request.POST.get("handled") == "1"
        contact.handled = handled
        contact.handled_at = timezone.now() if handled else None
        contact.handled_by = request.user if handled else None
        contact.save(update_fields=["handled", "handled_at", "handled_by"])
        messages.success(request, _("Marked as handled.") if handled else _("Marked as open again."))
        return redirect("contact_inbox:index")
    return TemplateResponse(
        request,
        "story_pages/learning/contact_inbox_detail.html",
        {
            "page_title": _("Question from %(name)s") % {"name": contact.name},
            "header_icon": "mail",
            "contact": contact,
        },
    )


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return visible_requests(request.user) is not None


class ContactInboxViewSet(ViewSet):
    name = "contact_inbox"
    icon = "mail"
    menu_label = gettext_lazy("Contact inbox")
    add_to_admin_menu = True
    menu_order = 250
    menu_item_class = InboxMenuItem

    def get_urlpatterns(self):
        return [
            path("", refuse_with_403(index), name="index"),
            path("<int:pk>/", refuse_with_403(detail), name="detail"),
        ]
