"""English translations of some demo stories, made as a translator makes them: wagtail-localize
extracts the Vietnamese strings into a PO file, the English strings are filled in, the PO file
is imported and the translation published."""

import json
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import extract_strings

from story_pages.demo.curated import load_curated_stories
from story_pages.demo.illustration import StoryPicture
from story_pages.models import StoryPage

TRANSLATIONS_FILE = Path(__file__).resolve().parent.parent / "demo_data" / "stories_en.json"


@transaction.atomic
def translate_demo_stories() -> int:
    """Publish the English translation of each demo story that has one written; returns how many."""
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return 0
    originals = {story["slug"]: story for story in load_curated_stories()}
    created = 0
    for slug, english_story in json.loads(TRANSLATIONS_FILE.read_text(encoding="utf-8")).items():
        page = StoryPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
        existing = page and page.get_translation_or_none(english)
        if page is None or (existing is not None and not existing.alias_of_id):
            continue
        TranslationCreator(user=None, target_locales=[english]).create_translations(page)
        translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=english)
        po = translation.export_po()
        english_for = string_pairs(originals[slug], english_story)
        for entry in po:
            entry.msgstr = english_for.get(entry.msgid, "")
        translation.import_po(po, tool_name="T63 demo")
        translation.save_target(publish=True)
        created += 1
    return created


def string_pairs(original: dict, translated: dict) -> dict[str, str]:
    """Vietnamese string → English string, walking both versions of a story side by side."""
    pairs = {}
    for key in ("title", "summary", "credit_line", "video_caption"):
        if original.get(key):
            pairs[original[key]] = translated[key]
    picture = StoryPicture.of(original)  # its alt text is composed, not typed, in both languages
    pairs[picture.alt_text("vi")] = picture.alt_text("en")
    for cue, translated_text in zip(
        original.get("video_captions", []), translated.get("video_captions", []), strict=True
    ):
        pairs[cue["text"]] = translated_text
    for block, translated_block in zip(original["body"], translated["body"], strict=True):
        value, translated_value = block["value"], translated_block["value"]
        if block["type"] == "paragraph":
            _, strings = extract_strings(value)
            _, translated_strings = extract_strings(translated_value)
            pairs.update((s.data, t.data) for (s, _), (t, _) in zip(strings, translated_strings, strict=True))
        elif isinstance(value, dict):
            pairs.update((value[k], translated_value[k]) for k in value if value[k])
        else:
            pairs[value] = translated_value
    return pairs
