"""Dates in the reader's language: d/m/Y in Vietnamese, "2 December 2026" in English."""

from datetime import datetime
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from django.utils import translation
from wagtail.models import Locale

from story_pages.models import StoryPage
from story_pages.templatetags.reader_dates import reader_date, reader_datetime
from tests.factories import province, publish_story, translate_into_english

pytestmark = pytest.mark.django_db

MOMENT = datetime(2026, 12, 2, 2, 30, tzinfo=ZoneInfo("UTC"))  # 09:30 in Vietnam


def published_on(story: StoryPage, moment=MOMENT) -> StoryPage:
    StoryPage.objects.filter(pk=story.pk).update(first_published_at=moment)
    return StoryPage.objects.get(pk=story.pk)


def shown_date(client, url: str) -> str:
    tree = lxml.html.fromstring(client.get(url).content.decode())
    return tree.xpath("//header[@class='story-header']//p[@class='meta']/time/text()")


def test_the_filters_follow_the_active_language():
    with translation.override("vi"):
        assert (reader_date(MOMENT), reader_datetime(MOMENT)) == ("02/12/2026", "02/12/2026 09:30")
    with translation.override("en"):
        assert (reader_date(MOMENT), reader_datetime(MOMENT)) == ("2 December 2026", "2 December 2026, 09:30")
    assert reader_date(None) == ""


def test_a_story_shows_its_date_in_each_language(client):
    story = published_on(publish_story(parent=province("24")))
    english, _ = translate_into_english(story)
    published_on(english)
    assert shown_date(client, story.url) == ["02/12/2026"]
    assert shown_date(client, english.url) == ["2 December 2026"]


def test_the_untranslated_english_view_keeps_the_date(client):
    story = published_on(publish_story(parent=province("24")))
    alias = story.get_translation(Locale.objects.get(language_code="en"))
    assert alias.alias_of_id == story.pk
    StoryPage.objects.filter(pk=alias.pk).update(first_published_at=None)  # as an alias may have
    assert shown_date(client, alias.url) == ["2 December 2026"]


def test_story_cards_on_english_pages_use_english_dates(client):
    story = published_on(publish_story(parent=province("24")))
    english, _ = translate_into_english(story)
    published_on(english)
    html = client.get(english.get_parent().url).content.decode()
    assert "2 December 2026" in html and "02/12/2026" not in html
