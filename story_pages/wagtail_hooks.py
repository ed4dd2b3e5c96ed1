from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtailmedia.models import get_media_model

from story_pages.distribution.documents import refuse_unpublished_documents
from story_pages.distribution.webhooks.admin_views import WebhookEndpointViewSet
from story_pages.editorial import dashboard_layout
from story_pages.editorial.translation_views import update_translations_url
from story_pages.editorial.workflow_buttons import relabel_workflow_buttons
from story_pages.learning import (
    call_report,
    solution_admin,  # noqa: F401  (registers the solutions' admin hooks)
)
from story_pages.learning.contact_inbox import ContactInboxViewSet
from story_pages.models import StoryPage
from story_pages.rules import content as rules
from story_pages.rules.durations import format_duration
from story_pages.video import admin_views as video_admin

PUBLISHING_ACTIONS = ("action-publish", "action-submit")


def warn_about_rule_violations(request, page):
    """A draft that breaks a rule is saved, and the editor is told what still blocks publishing."""
    if not isinstance(page, StoryPage) or any(action in request.POST for action in PUBLISHING_ACTIONS):
        return
    if not request.accepts("text/html"):  # autosave: the editor will see it on the next save
        return
    violations = page.rule_violations()
    if violations:
        messages.warning(
            request,
            _("The draft was saved, but it cannot be submitted or published yet: %(problems)s")
            % {"problems": " ".join(violations)},
        )


hooks.register("after_create_page", warn_about_rule_violations)
hooks.register("after_edit_page", warn_about_rule_violations)
hooks.register("before_serve_document", refuse_unpublished_documents)
hooks.register("construct_page_action_menu", relabel_workflow_buttons)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_stories_that_break_a_rule(request, action_type, objects, action_view):
    """Bulk publishing bypasses the editor's form: check each story's latest draft here instead."""
    if action_type != "publish":
        return None
    pages = list(objects)
    if action_view.cleaned_form.cleaned_data.get("include_descendants"):
        for page in objects:  # bulk publishing takes only the drafts among the descendants
            pages += StoryPage.objects.descendant_of(page).not_live()
    blocked = []
    for page in pages:
        story = page.specific
        if isinstance(story, StoryPage) and story.get_latest_revision_as_object().rule_violations():
            blocked.append(story.title)
    if not blocked:
        return None
    messages.error(
        request,
        _("Nothing was published: these stories break a content rule: %(titles)s")
        % {"titles": "; ".join(blocked)},
    )
    return redirect(action_view.next_url)


hooks.register("construct_homepage_panels", dashboard_layout.arrange_panels)
# After Wagtail's own summary items (its apps come later in INSTALLED_APPS, so register later).
hooks.register("construct_homepage_summary_items", dashboard_layout.hide_site_summary, order=100)


def media_duration(request, pk):
    """The measured duration of a video, for the editor's counter next to the 12-minute limit."""
    media = get_object_or_404(get_media_model(), pk=pk)
    return JsonResponse(
        {
            "duration": media.duration,
            "display": format_duration(media.duration),
            "too_long": media.duration >= rules.max_video_seconds(),
        }
    )


# Ahead of wagtail-localize's own URLs (order), so its update view is replaced.
@hooks.register("register_admin_urls", order=-1)
def register_reviewed_translation_urls():
    return [update_translations_url()]


@hooks.register("register_admin_urls")
def register_media_duration_url():
    return [path("t63/media-duration/<int:pk>/", media_duration, name="t63_media_duration")]


@hooks.register("register_admin_urls")
def register_video_processing_urls():
    return [
        path("t63/videos/<int:pk>/processing/", video_admin.processing_status, name="t63_video_processing"),
        path(
            "t63/videos/<int:pk>/processing/retry/",
            video_admin.retry_processing,
            name="t63_video_processing_retry",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_webhook_endpoints():
    return WebhookEndpointViewSet()


@hooks.register("register_admin_viewset")
def register_contact_inbox():
    return ContactInboxViewSet()


@hooks.register("register_admin_urls")
def register_call_report_urls():
    return call_report.admin_urls()


hooks.register("register_page_header_buttons", call_report.header_buttons)
