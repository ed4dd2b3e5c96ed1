"""A known set of stories the API tests read: four published Vietnamese stories of three
provinces and two units, one English translation, one draft."""

from datetime import datetime

import pytest
from django.utils import timezone

from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, embedded_video, paragraph, province, translate_into_english

STORIES = "/api/v2/stories/"


def publish(story, on: str):
    story.save_revision().publish()
    moment = timezone.make_aware(datetime.fromisoformat(on))
    StoryPage.objects.filter(pk=story.pk).update(first_published_at=moment, last_published_at=moment)
    story.refresh_from_db()
    return story


@pytest.fixture
def stories(db):
    """A known set: four published Vietnamese stories, one English translation, one draft."""
    known = {
        "binh-duong": publish(
            StoryPageFactory(parent=province("74"), slug="binh-duong", theme="kinh-te-so"),
            on="2024-03-01 09:00",
        ),
        "hcm-video": publish(
            StoryPageFactory(
                parent=province("79"), slug="hcm-video", theme="xa-hoi-so", body=[embedded_video(300)]
            ),
            on="2025-08-01 09:00",
        ),
        "bac-giang": publish(
            StoryPageFactory(
                parent=province("24"),
                slug="bac-giang",
                theme="chinh-quyen-so",
                body=[paragraph("Xét nghiệm COVID-19 ở Bắc Giang"), embedded_video(200)],
            ),
            on="2025-09-15 09:00",
        ),
        "bac-ninh": publish(
            StoryPageFactory(parent=province("27"), slug="bac-ninh", theme="kinh-te-so"),
            on="2023-01-01 09:00",
        ),
    }
    StoryPageFactory(parent=province("79"), slug="nhap")  # a draft, never published
    english, _ = translate_into_english(known["bac-giang"])
    known["bac-giang-en"] = english
    return known
