"""Editors in the admin: a draft over the limit saves with a warning; submitting or publishing fails."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from story_pages.models import StoryPage
from story_pages.rules import content as rules
from tests.factories import StoryPageFactory, paragraph, province, words
from tests.story_pages.admin_forms import body_errors, paragraph_data, story_form_data, video_data


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


@pytest.fixture
def bac_giang(db):
    return province("24")


def test_a_draft_over_the_limit_is_saved_with_a_warning(admin_client, bac_giang, vietnamese):
    response = admin_client.post(add_url(bac_giang), story_form_data([paragraph_data(words(1001))]))
    story = StoryPage.objects.get(slug="bac-giang-so-hoa-xet-nghiem", locale__language_code="vi")
    assert response.status_code == 302
    assert not story.live
    assert story.get_latest_revision_as_object().word_count == 1001
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert any("1.001 chữ; tối đa 1.000 chữ" in w for w in warnings)


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_publishing_or_submitting_1001_words_fails_with_the_figures(
    admin_client, bac_giang, vietnamese, action
):
    data = story_form_data([paragraph_data(words(1001))], **{action: action})
    response = admin_client.post(add_url(bac_giang), data)
    assert response.status_code == 200  # the form comes back with the editor's text in it
    assert body_errors(response) == ["Câu chuyện dài 1.001 chữ; tối đa 1.000 chữ."]
    assert rules.body_word_count(response.context["form"]["body"].value()) == 1001
    assert not StoryPage.objects.filter(slug="bac-giang-so-hoa-xet-nghiem").exists()


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_publishing_or_submitting_1000_words_succeeds(admin_client, bac_giang, action):
    response = admin_client.post(
        add_url(bac_giang), story_form_data([paragraph_data(words(1000))], **{action: action})
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="bac-giang-so-hoa-xet-nghiem", locale__language_code="vi")
    if action == "action-publish":
        assert story.live
    else:
        assert WorkflowState.objects.filter(object_id=str(story.pk), status="in_progress").exists()


def test_editing_a_live_story_over_the_limit_keeps_the_live_version(admin_client, bac_giang):
    story = StoryPageFactory(parent=bac_giang, slug="hue-s", body=[paragraph(words(100))])
    story.save_revision().publish()
    data = story_form_data([paragraph_data(words(1001))], slug="hue-s", **{"action-publish": "1"})
    response = admin_client.post(edit_url(story), data)
    assert response.status_code == 200
    story.refresh_from_db()
    assert story.word_count == 100
    # As a draft the long version is kept, not lost.
    response = admin_client.post(
        edit_url(story), story_form_data([paragraph_data(words(1001))], slug="hue-s")
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.word_count == 100
    assert story.has_unpublished_changes
    assert story.get_latest_revision_as_object().word_count == 1001


def test_a_12_minute_embedded_video_is_refused_at_publish_on_its_block(admin_client, bac_giang):
    body = [paragraph_data("Video về Hue-S"), video_data(embed_url="https://youtu.be/abc", duration="12:00")]
    response = admin_client.post(add_url(bac_giang), story_form_data(body, **{"action-publish": "1"}))
    assert response.status_code == 200
    error = response.context["form"].errors["body"].as_data()[0]
    assert list(error.block_errors) == [1]  # on the video block itself
    assert body_errors(response) == ["Video dài 12:00; video phải ngắn hơn 12:00."]


def test_an_english_speaking_editor_reads_the_rules_in_english(admin_client, bac_giang, django_user_model):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="admin"))
    profile.preferred_language = "en"
    profile.save()
    body = [paragraph_data(words(1042)), video_data(embed_url="https://youtu.be/abc", duration="12:05")]
    response = admin_client.post(add_url(bac_giang), story_form_data(body, **{"action-publish": "1"}))
    assert sorted(body_errors(response)) == [
        "The story has 1,042 words; the limit is 1,000.",
        "The video lasts 12:05; a video must be shorter than 12:00.",
    ]


def test_an_embedded_video_needs_a_stated_duration(admin_client, bac_giang):
    body = [video_data(embed_url="https://vimeo.com/123456")]
    response = admin_client.post(add_url(bac_giang), story_form_data(body, **{"action-publish": "1"}))
    assert response.status_code == 200
    assert body_errors(response) == ["Hãy ghi thời lượng của video trong đường dẫn."]


def test_only_youtube_facebook_and_vimeo_are_embedded(admin_client, bac_giang):
    body = [video_data(embed_url="https://example.com/video.mp4", duration="3:00")]
    response = admin_client.post(add_url(bac_giang), story_form_data(body, **{"action-publish": "1"}))
    assert response.status_code == 200
    assert body_errors(response) == ["Chỉ nhúng được video từ YouTube, Facebook và Vimeo."]


def test_an_11_59_embedded_video_publishes(admin_client, bac_giang):
    body = [video_data(embed_url="https://www.youtube.com/watch?v=abc", duration="11:59")]
    response = admin_client.post(add_url(bac_giang), story_form_data(body, **{"action-publish": "1"}))
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="bac-giang-so-hoa-xet-nghiem", locale__language_code="vi")
    assert story.live and story.story_format == "video"
    assert story.body[0].value.duration == 719


def test_bulk_publishing_refuses_a_draft_that_breaks_a_rule(admin_client, bac_giang):
    long_story = StoryPageFactory(parent=bac_giang, body=[paragraph(words(1001))])
    long_story.save_revision()
    good_story = StoryPageFactory(parent=bac_giang, body=[paragraph(words(10))])
    good_story.save_revision()
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    query = f"?id={long_story.pk}&id={good_story.pk}&next=/admin/"
    response = admin_client.post(url + query, {"include_descendants": ""})
    assert response.status_code == 302
    long_story.refresh_from_db()
    good_story.refresh_from_db()
    assert not long_story.live and not good_story.live  # nothing half-published
    errors = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    assert errors and long_story.title in errors[0]


def test_bulk_publishing_valid_drafts_still_works(admin_client, bac_giang):
    story = StoryPageFactory(parent=bac_giang, body=[paragraph(words(10))])
    story.save_revision()
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    admin_client.post(f"{url}?id={story.pk}&next=/admin/", {"include_descendants": ""})
    story.refresh_from_db()
    assert story.live
