"""Admin dashboard panels."""

from django.conf import settings
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from .models import StoryPage
from .translation_state import TranslationState, translation_state

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
        outdated = [
            story
            for story in with_translation
            if translation_state(story, locale) in (TranslationState.OUTDATED, TranslationState.DRAFT)
        ]
        return {
            "locale": locale,
            "missing_count": missing.count(),
            "missing": missing[:SHOWN_PER_LIST],
            "outdated_count": len(outdated),
            "outdated": [(story, story.get_translation(locale)) for story in outdated[:SHOWN_PER_LIST]],
        }
