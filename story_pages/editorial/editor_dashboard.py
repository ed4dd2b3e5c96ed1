"""The province editor's dashboard: write a story in one click, and follow one's own stories."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from story_pages.editorial import my_stories
from story_pages.editorial.translation_state import TranslationState, translation_states
from story_pages.models import ProvincePage

STATE_LABELS = {
    TranslationState.MISSING: _("Not translated"),
    TranslationState.DRAFT: _("Translation not published yet"),
    TranslationState.OUTDATED: _("Translation out of date"),
    TranslationState.CURRENT: _("Translated and published"),
}


def add_story_url(province: ProvincePage) -> str:
    """Wagtail's form for a new story under this province."""
    return reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", province.pk))


class WriteStoryPanel(Component):
    """One button to the new-story form; for a unit made of several former provinces, one button
    per province, since a story belongs to exactly one of them."""

    name = "t63_write_story"
    template_name = "story_pages/admin/editor/write_story.html"
    order = 100

    def __init__(self, units: list[ProvincePage]):
        self.units = units

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        provinces = [
            province
            for unit in self.units
            for province in sorted(unit.unit_provinces(), key=lambda p: (not p.is_current, p.code))
        ]
        context["choices"] = [(province, add_story_url(province)) for province in provinces]
        return context


class OwnStoriesPanel(Component):
    """A list of the signed-in editor's own stories, under the template's ``context_name``."""

    context_name = ""

    def own_stories(self, user):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context[self.context_name] = self.own_stories(parent_context["request"].user)
        return context


class MyDraftsPanel(OwnStoriesPanel):
    name = "t63_my_drafts"
    template_name = "story_pages/admin/editor/my_drafts.html"
    order = 110
    context_name = "drafts"

    def own_stories(self, user):
        return my_stories.my_drafts(user)


class MyReviewsPanel(OwnStoriesPanel):
    name = "t63_my_reviews"
    template_name = "story_pages/admin/editor/my_reviews.html"
    order = 120
    context_name = "reviews"

    def own_stories(self, user):
        return my_stories.my_stories_in_review(user)


class UnitPublishedPanel(Component):
    """The unit's published stories, each with whether readers abroad can read it yet."""

    name = "t63_unit_published"
    template_name = "story_pages/admin/editor/unit_published.html"
    order = 130

    def __init__(self, unit: ProvincePage):
        self.unit = unit

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        published = my_stories.published_of_unit(self.unit)
        languages = [
            locale
            for locale in Locale.objects.exclude(pk=self.unit.locale_id)
            if locale.language_code in dict(settings.LANGUAGES)
        ]
        states = [translation_states(published.items, locale) for locale in languages]
        context.update(
            unit=self.unit,
            published=published,
            languages=languages,
            rows=[(story, [_state(by_story[story.pk]) for by_story in states]) for story in published.items],
        )
        return context


def _state(state: TranslationState) -> tuple[TranslationState, str]:
    return state, STATE_LABELS[state]
