"""Demo conferences, a call for stories and a learning path, in Vietnamese and English.

The conference of 13 January 2022 ("Hội nghị chia sẻ, phổ biến kinh nghiệm chuyển đổi số",
online with bridge points) with its papers in three themes, each linked to its demo story; one
conference a month from the day the demo is loaded, so there is always one upcoming; a call for
stories; and the learning path "Chuyển đổi số trong y tế: 5 câu chuyện". Created once each.
"""

import json
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site

from story_pages.editorial.teams import grant_ministry_sections
from story_pages.learning.calls import CallForStoriesPage
from story_pages.learning.conferences import ConferenceIndexPage, ConferencePage
from story_pages.learning.paths import LearningPathIndexPage, LearningPathPage
from story_pages.models import ProvincePage, StoryPage

DATA_FILE = Path(__file__).resolve().parent.parent / "demo_data" / "events.json"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


@transaction.atomic
def create_demo_events() -> int:
    """Create what is missing; returns how many pages (of either language) were created."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    home = Site.objects.get(is_default_site=True).root_page.specific
    english = Locale.objects.filter(language_code="en").first()
    created = []

    conferences = _index(home, ConferenceIndexPage, data["conference_index"], english, created)
    held = data["conference_2022"]
    start = datetime(2022, 1, 13, 8, 0, tzinfo=VIETNAM)
    _conference(conferences, held, start, start.replace(hour=11, minute=30), english, created)

    upcoming = data["upcoming_conference"]
    day = timezone.localdate() + timedelta(days=30)
    upcoming_start = datetime.combine(day, time(8, 30), tzinfo=VIETNAM)
    _conference(conferences, upcoming, upcoming_start, upcoming_start + timedelta(hours=3), english, created)

    call = _call(conferences, data["call"], english, created)
    for slug in data["call"]["answered_by"]:
        story = StoryPage.objects.get(slug=slug, locale=Locale.get_default())
        if story.answers_call_id != call.pk:
            story.answers_call = call
            story.save_revision().publish()

    paths = _index(home, LearningPathIndexPage, data["learning_path_index"], english, created)
    _learning_path(paths, data["learning_path"], english, created)
    grant_ministry_sections()  # the moderators curate what was just made
    return len(created)


def _index(home, model, texts, english, created):
    page = model.objects.child_of(home).first()
    if page is None:
        page = model(**texts["vi"])
        home.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
    _translate(page, english, texts["en"], created)
    return page


def _translate(page, english, values, created):
    """A real, published English translation of ``page`` carrying ``values`` (as the province
    pages' sync makes them)."""
    if english is None or page.get_translation_or_none(english) is not None:
        return
    translation = page.copy_for_translation(english)
    for name, value in values.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    created.append(translation)


def _story(slug):
    return StoryPage.objects.get(slug=slug, locale=Locale.get_default())


def _papers(papers, texts_key):
    stream = []
    for paper in papers:
        province = ProvincePage.objects.get(code=paper["province_code"], locale=Locale.get_default())
        text = paper[texts_key]
        value = {
            "title": text["title"],
            "presenter": text["presenter"],
            "province": province.pk,
            "theme": paper["theme"],
            "recording": None,
            "recording_link": paper.get("recording_link", ""),
            "slides": None,
            "story": _story(paper["story"]).pk,
        }
        stream.append({"type": "paper", "value": value})
    return json.dumps(stream)


def _agenda(items):
    return json.dumps([{"type": "item", "value": item} for item in items])


def _conference_values(data, language):
    texts = data[language]
    return {
        "title": texts["title"],
        "summary": texts["summary"],
        "place": texts["place"],
        "bridge_points": texts["bridge_points"],
        "organizer": texts["organizer"],
        "agenda": _agenda(texts["agenda"]),
        "papers": _papers(data.get("papers", []), language),
        "outcomes": texts.get("outcomes", ""),
    }


def _conference(index, data, start, end, english, created):
    page = ConferencePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is None:
        page = ConferencePage(slug=data["slug"], start=start, end=end, attendance=data["attendance"])
        for name, value in _conference_values(data, "vi").items():
            setattr(page, name, value)
        index.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
    elif page.end < timezone.now() and start > page.end:  # the "upcoming" one, loaded again later
        for version in page.get_translations(inclusive=True):
            version = version.specific
            version.start, version.end = start, end
            version.save_revision().publish()
    _translate(page, english, _conference_values(data, "en"), created)


def _call(index, data, english, created):
    page = CallForStoriesPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is None:
        deadline = timezone.localdate() + timedelta(days=60)
        page = CallForStoriesPage(slug=data["slug"], deadline=deadline, **data["vi"])
        index.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
    _translate(page, english, data["en"], created)
    return page


def _steps(steps, language):
    return json.dumps(
        [
            {"type": "step", "value": {"story": _story(step["story"]).pk, "note": step[language]}}
            for step in steps
        ]
    )


def _learning_path(index, data, english, created):
    page = LearningPathPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is None:
        page = LearningPathPage(slug=data["slug"], steps=_steps(data["steps"], "vi"), **data["vi"])
        index.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
    _translate(page, english, {**data["en"], "steps": _steps(data["steps"], "en")}, created)
