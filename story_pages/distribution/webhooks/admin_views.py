"""The admin's webhook pages (Settings → Webhooks): the ministry lists, adds, edits and deletes
outlets' endpoints, and inspects one to see its status, its secret and its delivery log.

Only whoever has the endpoints' model permissions gets in: superusers, and the ministry's
moderators, to whom editorial.teams grants them; province editors and translators do not.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from story_pages.distribution.webhooks import ADMIN_NAMESPACE
from story_pages.distribution.webhooks.forms import WebhookEndpointForm, province_choices
from story_pages.models import DeliveryStatus, WebhookAttempt, WebhookEndpoint, WebhookEvent

LOG_PAGE = 50


def status_text(endpoint: WebhookEndpoint) -> str:
    """Whether it is sent changes, and if not since when and why, in the reader's language."""
    if endpoint.active:
        return _("Active")
    if endpoint.disabled_at is None:
        return _("Off")
    when = formats.date_format(timezone.localtime(endpoint.disabled_at), "DATETIME_FORMAT")
    if endpoint.disabled_reason:
        return _("Disabled on %(time)s: every delivery failed for a day (last error: %(error)s)") % {
            "time": when,
            "error": endpoint.disabled_reason,
        }
    return _("Turned off on %(time)s") % {"time": when}


class EndpointIndexView(generic.IndexView):
    def get_base_queryset(self):
        waiting = Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.PENDING))
        return super().get_base_queryset().annotate(waiting=waiting)


class EndpointInspectView(generic.InspectView):
    """The endpoint's settings and status, then its delivery log, newest first."""

    template_name = "story_pages/admin/webhook_endpoint_inspect.html"

    def get_status_display_value(self):
        return status_text(self.object)

    def get_languages_display_value(self):
        return ", ".join(
            str(label) for code, label in settings.LANGUAGES if code in self.object.languages
        ) or _("every language")

    def get_provinces_display_value(self):
        names = dict(province_choices())
        return ", ".join(names.get(code, code) for code in self.object.provinces) or _("every province")

    def get_events_display_value(self):
        return ", ".join(str(label) for value, label in WebhookEvent.choices if value in self.object.events)

    def get_field_label(self, field_name, field):
        if field_name == "status":
            return _("Status")
        return super().get_field_label(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attempts = (
            WebhookAttempt.objects.filter(endpoint=self.object)
            .select_related("delivery__change")
            .order_by("-at", "-pk")
        )
        paginator = Paginator(attempts, LOG_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        waiting = self.object.deliveries.filter(status=DeliveryStatus.PENDING)
        context.update(
            attempts=page,
            elided_page_range=paginator.get_elided_page_range(page.number),
            waiting=waiting.count(),
            next_attempt=waiting.order_by("change_id").values_list("next_attempt_at", flat=True).first(),
        )
        return context


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    name = ADMIN_NAMESPACE
    icon = "link-external"
    menu_label = gettext_lazy("Webhooks")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = EndpointIndexView
    inspect_view_class = EndpointInspectView
    inspect_view_fields = [
        "name",
        "url",
        "status",
        "secret",
        "languages",
        "provinces",
        "events",
        "owner_email",
        "owner",
        "created_at",
    ]
    search_fields = ["name", "url"]
    list_display = [
        "name",
        "url",
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor=status_text,
            primary=lambda endpoint: endpoint.active,
        ),
        Column("waiting", label=gettext_lazy("Waiting deliveries")),
    ]

    def get_form_class(self, for_update=False):
        return WebhookEndpointForm
