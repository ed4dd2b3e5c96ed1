"""A known set of stories for the search tests."""

from datetime import datetime

import pytest
from django.utils import timezone

from search.engine import search
from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, paragraph, province, translate_into_english

ENGLISH = {
    "Đà Nẵng mở cổng dịch vụ công trực tuyến": "Da Nang opens an online public service portal",
    "Người dân nộp hồ sơ tại nhà.": "Residents file their applications from home.",
    "Chuyển đổi số giúp người dân nộp hồ sơ tại nhà, không phải xếp hàng.": (
        "Digital transformation lets residents file applications from home instead of queuing."
    ),
}


def publish(story, year=2025):
    story.save_revision().publish()
    moment = timezone.make_aware(datetime(year, 6, 1, 9))
    StoryPage.objects.filter(pk=story.pk).update(first_published_at=moment)
    return story


def story(code, slug, title, text, summary="Người dân nộp hồ sơ tại nhà.", **fields):
    return StoryPageFactory(
        parent=province(code), slug=slug, title=title, summary=summary, body=[paragraph(text)], **fields
    )


@pytest.fixture
def stories(db):
    """Seven published Vietnamese stories, one English translation and one draft."""
    known = {
        "da-nang": story(
            "48",
            "da-nang",
            "Đà Nẵng mở cổng dịch vụ công trực tuyến",
            "Chuyển đổi số giúp người dân nộp hồ sơ tại nhà, không phải xếp hàng.",
        ),
        "hue-s": story(
            "46", "hue-s", "Ứng dụng Hue-S kết nối người dân Huế", "Hue-S là nền tảng đô thị thông minh."
        ),
        "dat-dai": story(
            "24",
            "dat-dai",
            "Số hoá hồ sơ đất đai",
            "Sở Tài nguyên và Môi trường đã số hoá hai triệu trang giấy.",
            theme="chinh-quyen-so",
        ),
        "xoai": story(
            "87",
            "xoai",
            "Nông dân bán xoài qua sàn thương mại điện tử",
            "Thương mại điện tử mở đường cho trái cây miền Tây.",
            theme="kinh-te-so",
        ),
        "quang-nam": story(
            "49", "quang-nam", "Hội An đón khách bằng vé điện tử", "Du khách mua vé trên điện thoại."
        ),
        "so-tttt": story(
            "01",
            "so-tttt",
            "Sở Thông tin và Truyền thông mở lớp kỹ năng",
            "Lớp học cho cán bộ xã.",
            summary="Cán bộ xã học kỹ năng.",
        ),
        "so-lieu": story(
            "01",
            "so-lieu",
            "Số liệu mở của thành phố",
            "Dữ liệu được công bố cho người dân.",
            summary="Dữ liệu mở cho người dân.",
        ),
    }
    for page in known.values():
        publish(page, year=2024 if page.slug == "quang-nam" else 2025)
    known["draft"] = story("48", "draft", "Bản nháp về Đà Nẵng", "Chưa xuất bản chuyển đổi số.")
    known["english"], _ = translate_into_english(known["da-nang"], lambda text: ENGLISH.get(text, text))
    return known


def found(stories, query, language="vi"):
    queryset = StoryPage.objects.published().filter(locale__language_code=language)
    slugs_by_pk = {page.pk: slug for slug, page in stories.items()}
    return [slugs_by_pk[page.pk] for page in search(queryset, query)]
