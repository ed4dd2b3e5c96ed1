"""Conference, call and learning-path pages for the events tests, made as the demo makes them."""

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale, Site

from story_pages.learning.calls import CallForStoriesPage
from story_pages.learning.conferences import ConferenceIndexPage, ConferencePage
from story_pages.learning.paths import LearningPathIndexPage, LearningPathPage
from tests.factories import province

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def home(language: str = "vi"):
    root = Site.objects.get(is_default_site=True).root_page
    if language == "vi":
        return root.specific
    return root.get_translation(Locale.objects.get(language_code=language)).specific


def index(model, slug: str, english_slug: str):
    """The index under the Vietnamese home, and its real English translation."""
    page = model.objects.filter(locale__language_code="vi").first()
    if page is None:
        page = model(title=slug.replace("-", " ").title(), slug=slug)
        home().add_child(instance=page)
        page.save_revision().publish()
        english = page.copy_for_translation(Locale.objects.get(language_code="en"))
        english.title, english.slug = f"EN {page.title}", english_slug
        english.save_revision().publish()
    return page


def conference_index():
    return index(ConferenceIndexPage, "hoi-nghi", "conferences")


def paper(story, theme="chinh-quyen-so", **values) -> dict:
    value = {
        "title": f"Tham luận: {story.title}",
        "presenter": "Đại diện Sở Thông tin và Truyền thông",
        "province": story.get_parent().pk,
        "theme": theme,
        "recording": None,
        "recording_link": "https://www.youtube.com/watch?v=t63paper",
        "slides": None,
        "story": story.pk,
    }
    return {"type": "paper", "value": {**value, **values}}


def conference(start=None, hours=3, papers=(), slug=None, **values) -> ConferencePage:
    start = start or datetime(2022, 1, 13, 8, 0, tzinfo=VIETNAM)
    page = ConferencePage(
        title=values.pop("title", f"Hội nghị chia sẻ kinh nghiệm {start:%d/%m/%Y}"),
        slug=slug or f"hoi-nghi-{start:%Y-%m-%d-%H%M}",
        start=start,
        end=start + timedelta(hours=hours),
        attendance=values.pop("attendance", "online"),
        place=values.pop("place", "Bộ Thông tin và Truyền thông, 18 Nguyễn Du, Hà Nội"),
        bridge_points=values.pop("bridge_points", "Hà Nội\nBắc Giang\nThừa Thiên Huế"),
        agenda=json.dumps(
            [{"type": "item", "value": {"time": "08:00", "title": "Khai mạc", "speaker": "Bộ"}}]
        ),
        papers=json.dumps(list(papers)),
        **values,
    )
    conference_index().add_child(instance=page)
    page.save_revision().publish()
    return ConferencePage.objects.get(pk=page.pk)


def upcoming_conference(days=30, **values) -> ConferencePage:
    start = timezone.localtime().replace(hour=8, minute=30, second=0, microsecond=0) + timedelta(days=days)
    return conference(start=start, **values)


def call_for_stories(deadline=None, **values) -> CallForStoriesPage:
    page = CallForStoriesPage(
        title=values.pop("title", "Kêu gọi câu chuyện: chuyển đổi số trong y tế"),
        slug=values.pop("slug", "keu-goi-y-te"),
        topic="Chuyển đổi số trong y tế",
        deadline=deadline or timezone.localdate() + timedelta(days=60),
        **values,
    )
    conference_index().add_child(instance=page)
    page.save_revision().publish()
    return CallForStoriesPage.objects.get(pk=page.pk)


def learning_path(stories, notes=None, slug="y-te-5-cau-chuyen", **values) -> LearningPathPage:
    notes = notes or ["" for _ in stories]
    steps = [
        {"type": "step", "value": {"story": s.pk, "note": n}} for s, n in zip(stories, notes, strict=True)
    ]
    page = LearningPathPage(
        title=values.pop("title", "Chuyển đổi số trong y tế: 5 câu chuyện"),
        slug=slug,
        introduction=values.pop("introduction", "Năm câu chuyện cho cán bộ y tế."),
        steps=json.dumps(steps),
        **values,
    )
    index(LearningPathIndexPage, "lo-trinh-hoc", "learning-paths").add_child(instance=page)
    page.save_revision().publish()
    return LearningPathPage.objects.get(pk=page.pk)


__all__ = ["province"]
