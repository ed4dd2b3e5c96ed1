"""Case facts on the demo stories (both languages where the story is translated) and a few weeks
of "Was this useful?" answers. Set once: a story that already has its stage is left alone.

The contacts are the units' generic addresses, for the demo; no person's data.
"""

import json
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from story_pages.learning.usefulness import UsefulnessDay
from story_pages.models import StoryPage

# slug -> {"shared": dates, stage, contact; "vi"/"en": the texts in each language}
FACTS_FILE = Path(__file__).resolve().parent.parent / "demo_data" / "case_facts.json"
# Answers for the last days: (useful, not useful) per day, newest first.
DEMO_ANSWERS = [(9, 1), (6, 0), (4, 2), (7, 1), (3, 0), (5, 1), (2, 0)]


def _publish(page, fields: dict) -> None:
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@transaction.atomic
def add_case_facts() -> int:
    """Sets the facts on each demo story that has none yet; returns how many got them."""
    english = Locale.objects.filter(language_code="en").first()
    done = 0
    for slug, facts in json.loads(FACTS_FILE.read_text(encoding="utf-8")).items():
        shared = {
            name: date.fromisoformat(value) if name in ("case_started", "case_ended") else value
            for name, value in facts["shared"].items()
        }
        vietnamese, in_english = facts["vi"], facts.get("en")
        page = StoryPage.objects.filter(slug=slug, locale=Locale.get_default(), live=True).first()
        if page is None or page.case_stage:
            continue
        _publish(page, {**shared, **vietnamese})
        translated = english and page.get_translation_or_none(english)
        if translated is not None and not translated.alias_of_id and in_english:
            _publish(translated.specific, {**shared, **in_english})
        _add_answers(page)
        done += 1
    return done


def _add_answers(page) -> None:
    today = timezone.localdate()
    for days_ago, (useful, not_useful) in enumerate(DEMO_ANSWERS):
        UsefulnessDay.objects.update_or_create(
            story=page,
            day=today - timedelta(days=days_ago),
            defaults={"useful": useful, "not_useful": not_useful},
        )
