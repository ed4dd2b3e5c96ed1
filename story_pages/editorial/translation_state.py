"""Whether a story's translation exists, and whether it still says what the original says.

When a Vietnamese story is published again, its wagtail-localize source is re-read at once, so
the strings that changed appear untranslated in the translator's editor; until they are all
translated and published, the translation counts as out of date.
"""

from enum import StrEnum

from django.db.models import Count, Exists, OuterRef, Q
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


class TranslationState(StrEnum):
    MISSING = "missing"  # no translation, or only the synchronised tree's alias
    DRAFT = "draft"  # translated but never published
    OUTDATED = "outdated"  # the original changed since, or strings are still untranslated
    CURRENT = "current"


def translation_state(original, locale: Locale) -> TranslationState:
    return translation_states([original], locale)[original.pk]


def translation_states(originals, locale: Locale) -> dict[int, TranslationState]:
    """Each original's state in ``locale`` (by pk), in four queries whatever their number."""
    originals = list(originals)
    keys = [page.translation_key for page in originals]
    targets = {
        row["translation_key"]: row
        for row in Page.objects.filter(locale=locale, translation_key__in=keys).values(
            "translation_key", "alias_of_id", "live", "last_published_at"
        )
    }
    sources = {
        (row["object_id"], row["locale_id"]): row
        for row in TranslationSource.objects.filter(object_id__in=keys).values(
            "pk", "object_id", "locale_id", "last_updated_at"
        )
    }
    translated_sources = set(
        Translation.objects.filter(
            source_id__in=[row["pk"] for row in sources.values()], target_locale=locale
        ).values_list("source_id", flat=True)
    )
    progress = _progress(translated_sources, locale)
    states = {}
    for original in originals:
        target = targets.get(original.translation_key)
        source = sources.get((original.translation_key, original.locale_id))
        states[original.pk] = _state(original, target, source, source and progress.get(source["pk"]))
    return states


def _state(original, target, source, progress) -> TranslationState:
    if target is None or target["alias_of_id"]:
        return TranslationState.MISSING
    if not target["live"]:
        return TranslationState.DRAFT
    if progress is None:
        # Translated by hand outside wagtail-localize: only the dates can tell.
        if original.last_published_at and original.last_published_at > target["last_published_at"]:
            return TranslationState.OUTDATED
        return TranslationState.CURRENT
    total, translated = progress
    if translated < total or target["last_published_at"] < source["last_updated_at"]:
        return TranslationState.OUTDATED  # strings to translate, or translated but not yet published
    return TranslationState.CURRENT


def _progress(source_ids, locale) -> dict[int, tuple[int, int]]:
    """(segments, translated segments) per source, as ``Translation.get_progress`` counts them."""
    if not source_ids:
        return {}
    is_translated = Exists(
        StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale.pk,
            has_error=False,
        )
    )
    rows = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .annotate(is_translated=is_translated)
        .values("source_id")
        .annotate(total=Count("pk"), translated=Count("pk", filter=Q(is_translated=True)))
    )
    progress = {source_id: (0, 0) for source_id in source_ids}
    progress.update({row["source_id"]: (row["total"], row["translated"]) for row in rows})
    return progress


def refresh_translation_sources(sender, instance, **kwargs):
    """On publishing an original, re-read it for its translations (``page_published`` receiver)."""
    for source in TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ):
        source.update_from_db()
