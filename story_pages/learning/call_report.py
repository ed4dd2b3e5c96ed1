"""The ministry's report on a call for stories: which of the 34 units answered, which did not.
Moderators only: a province team sees its own stories, not the others' silence."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from story_pages.editorial.teams import MODERATORS
from story_pages.learning.calls import CallForStoriesPage, unit_answers


def is_moderator(user) -> bool:
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


class UnitAnswersView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "story_pages/admin/call_unit_answers.html"
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        self.call = get_object_or_404(CallForStoriesPage, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Units answering: %(call)s") % {"call": self.call.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        answers = unit_answers(self.call)
        context.update(
            call=self.call,
            answers=answers,
            answered=[a for a in answers if a.answered],
            silent=[a for a in answers if not a.answered],
        )
        return context


def admin_urls():
    return [path("t63/calls/<int:pk>/units/", UnitAnswersView.as_view(), name="t63_call_unit_answers")]


def header_buttons(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, CallForStoriesPage) and is_moderator(user):
        yield Button(
            gettext_lazy("Units answering"),
            reverse("t63_call_unit_answers", args=(page.pk,)),
            icon_name="list-ul",
            priority=80,
        )
