"""The content rules: 1,000 words, videos under 12 minutes, text or video or both."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale

from story_pages.models import StoryPage
from story_pages.rules import content as rules
from tests.factories import StoryPageFactory, embedded_video, paragraph, province, words

# Building a page looks up its content type: these tests need the database too.
pytestmark = pytest.mark.django_db


def story_with(body) -> StoryPage:
    return StoryPage(title="Thử", summary="Thử", theme="kinh-te-so", credit_line="Sở", body=body)


def test_word_count_covers_every_visible_text_block():
    body = [
        ("heading", "Kết quả sau một năm"),  # 5
        paragraph("chuyển đổi số"),  # 3
        ("quote", {"text": "Người dân không phải đi lại", "attribution": "Chị Lan"}),  # 6 + 2
        ("key_result", {"figure": "1.200", "label": "hồ sơ trực tuyến"}),  # 1 + 4
        ("lesson", {"title": "Bắt đầu từ người dân", "text": "Hỏi trước."}),  # 5 + 2
        embedded_video(60),
    ]
    assert story_with(body).word_count == 28


def test_links_and_choice_values_do_not_count():
    body = [paragraph('<a href="https://t63.mic.gov.vn/tinh-thanh/">ba chữ thôi</a>'), embedded_video(60)]
    assert story_with(body).word_count == 3


def test_format_is_derived_from_the_body():
    assert story_with([paragraph("chữ")]).check_rules() == []
    assert rules.story_format(story_with([paragraph("chữ")]).body) == "text"
    assert rules.story_format(story_with([embedded_video(60)]).body) == "video"
    assert rules.story_format(story_with([paragraph("chữ"), embedded_video(60)]).body) == "both"
    # A heading alone is not the story's text.
    assert rules.story_format(story_with([("heading", "Chỉ tiêu đề")]).body) is None


@pytest.mark.parametrize(("count", "allowed"), [(1000, True), (1001, False)])
def test_the_1000_word_limit(count, allowed):
    assert (story_with([paragraph(words(count))]).rule_violations() == []) is allowed


def test_the_word_limit_message_names_the_figures_in_the_editors_language():
    story = story_with([paragraph(words(1042))])
    with translation.override("vi"):
        assert story.rule_violations() == ["Câu chuyện dài 1.042 chữ; tối đa 1.000 chữ."]
    with translation.override("en"):
        assert story.rule_violations() == ["The story has 1,042 words; the limit is 1,000."]


@pytest.mark.parametrize(("seconds", "allowed"), [(719, True), (720, False), (3600, False)])
def test_an_embedded_video_must_be_under_12_minutes(seconds, allowed):
    assert (story_with([embedded_video(seconds)]).rule_violations() == []) is allowed


def test_the_video_message_names_the_duration(english):
    assert story_with([embedded_video(725)]).rule_violations() == [
        "The video lasts 12:05; a video must be shorter than 12:00."
    ]


def test_a_story_needs_text_or_video(vietnamese):
    assert story_with([]).rule_violations() == ["Câu chuyện cần có nội dung chữ, video, hoặc cả hai."]


def test_publishing_a_story_that_breaks_a_rule_is_refused_by_the_model(db):
    story = StoryPageFactory(parent=province("24"), body=[paragraph(words(1001))])
    with pytest.raises(ValidationError):
        story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live


def test_publishing_a_story_of_exactly_1000_words_succeeds(db):
    story = StoryPageFactory(parent=province("24"), body=[paragraph(words(1000))])
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.live
    assert story.story_format == "text"


def test_plain_text_with_angle_brackets_is_not_mistaken_for_markup():
    body = [("quote", {"text": "tỷ lệ a<b, nhưng c>d năm nay", "attribution": ""}), paragraph("x")]
    assert story_with(body).word_count == 9 + 1


def test_a_story_written_in_english_first_is_held_to_the_word_limit(db, english):
    story = StoryPageFactory(parent=province("24", "en"), body=[paragraph(words(1001, "word"))])
    assert story.rule_violations() == ["The story has 1,001 words; the limit is 1,000."]


def test_the_word_limit_binds_the_vietnamese_original_not_its_english_translation(db, english):
    """English runs longer than Vietnamese; the 1,000-word rule is the original's (DESIGN.md)."""
    original = StoryPageFactory(parent=province("24"), body=[paragraph(words(900))])
    original.save_revision().publish()
    english = original.get_translation(Locale.objects.get(language_code="en")).specific  # its alias
    english.alias_of = None
    english.body = [paragraph(words(1200, "word")), embedded_video(720)]
    assert english.rule_violations() == ["The video lasts 12:00; a video must be shorter than 12:00."]
    english.body = [paragraph(words(1200, "word"))]
    assert english.rule_violations() == []
