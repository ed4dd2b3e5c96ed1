"""Whether a story's translation exists, and whether it still says what the original says.

When a Vietnamese story is published again, its wagtail-localize source is re-read at once, so
the strings that changed appear untranslated in the translator's editor; until they are all
translated and published, the translation counts as out of date.
"""

from enum import StrEnum

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource


class TranslationState(StrEnum):
    MISSING = "missing"  # no translation, or only the synchronised tree's alias
    DRAFT = "draft"  # translated but never published
    OUTDATED = "outdated"  # the original changed since, or strings are still untranslated
    CURRENT = "current"


def translation_state(original, locale: Locale) -> TranslationState:
    target = original.get_translation_or_none(locale)
    if target is None or target.alias_of_id:
        return TranslationState.MISSING
    if not target.live:
        return TranslationState.DRAFT
    source = TranslationSource.objects.get_for_instance_or_none(original)
    translation = source and Translation.objects.filter(source=source, target_locale=locale).first()
    if translation is None:
        # Translated by hand outside wagtail-localize: only the dates can tell.
        if original.last_published_at and original.last_published_at > target.last_published_at:
            return TranslationState.OUTDATED
        return TranslationState.CURRENT
    total, translated = translation.get_progress()
    if translated < total or target.last_published_at < source.last_updated_at:
        return TranslationState.OUTDATED  # strings to translate, or translated but not yet published
    return TranslationState.CURRENT


def refresh_translation_sources(sender, instance, **kwargs):
    """On publishing an original, re-read it for its translations (``page_published`` receiver)."""
    for source in TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ):
        source.update_from_db()
