"""Admin dashboard panels."""

from django.conf import settings
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from story_pages.editorial.translation_state import TranslationState, translation_states
from story_pages.models import ProvincePage, StoryPage, Theme
from story_pages.provinces.names import sorted_by_name

SHOWN_PER_LIST = 10


class TranslationsNeededPanel(Component):
    """Published stories whose translation is missing or no longer says what the original says."""

    name = "t63_translations_needed"
    template_name = "story_pages/admin/translations_needed_panel.html"
    order = 250

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        default = Locale.get_default()
        originals = StoryPage.objects.published().filter(locale=default)
        context["languages"] = [
            self.needs_for(originals, locale)
            for locale in Locale.objects.exclude(pk=default.pk)
            if locale.language_code in dict(settings.LANGUAGES)
        ]
        return context

    @staticmethod
    def needs_for(originals, locale):
        translated_keys = StoryPage.objects.filter(locale=locale, alias_of__isnull=True).values(
            "translation_key"
        )
        missing = originals.exclude(translation_key__in=translated_keys).order_by("-first_published_at")
        with_translation = originals.filter(translation_key__in=translated_keys).order_by(
            "-last_published_at"
        )
        with_translation = list(with_translation)
        states = translation_states(with_translation, locale)
        outdated = [
            story
            for story in with_translation
            if states[story.pk] in (TranslationState.OUTDATED, TranslationState.DRAFT)
        ]
        return {
            "locale": locale,
            "missing_count": missing.count(),
            "missing": missing[:SHOWN_PER_LIST],
            "outdated_count": len(outdated),
            "outdated": [(story, story.get_translation(locale)) for story in outdated[:SHOWN_PER_LIST]],
        }


class CoveragePanel(Component):
    """For the ministry: published stories per current unit and theme, and the units with none yet."""

    name = "t63_coverage"
    template_name = "story_pages/admin/coverage_panel.html"
    order = 240

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["rows"] = coverage()
        context["themes"] = Theme.choices
        context["without_stories"] = [row for row in context["rows"] if row["total"] == 0]
        return context


def coverage() -> list[dict]:
    """One row per current unit: its published Vietnamese stories by theme (merged provinces included)."""
    default = Locale.get_default()
    provinces = ProvincePage.objects.filter(locale=default).select_related("merged_into")
    unit_of_path = {p.path: (p.merged_into or p) for p in provinces}
    counts: dict[tuple[int, str], int] = {}
    for path, theme in StoryPage.objects.published().filter(locale=default).values_list("path", "theme"):
        unit = unit_of_path.get(path[: -StoryPage.steplen])
        if unit is not None:
            counts[(unit.pk, theme)] = counts.get((unit.pk, theme), 0) + 1
    rows = []
    for unit in sorted_by_name({u for u in unit_of_path.values()}, lambda u: u.display_short_name):
        by_theme = [counts.get((unit.pk, value), 0) for value in Theme.values]
        rows.append({"unit": unit, "by_theme": by_theme, "total": sum(by_theme)})
    return rows
