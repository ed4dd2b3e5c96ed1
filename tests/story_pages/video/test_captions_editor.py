"""An editor attaches captions to a story's video in the admin: WebVTT or SRT files become cues,
bad files are refused in Vietnamese with nothing lost, and a video without its text alternative
cannot be submitted or published."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from story_pages.models import StoryPage
from story_pages.video.captions import Cue
from tests.factories import make_video_media, province, words
from tests.story_pages.admin_forms import body_errors, paragraph_data, story_form_data, video_data

WEBVTT = """WEBVTT

1
00:00:00.500 --> 00:00:02.000
Người dân gửi phản ánh qua Hue-S.

2
00:00:02.000 --> 00:00:03.500
Chính quyền xử lý trong ba ngày.
"""
SRT = """1
00:00:00,500 --> 00:00:02,000
Người dân gửi phản ánh qua Hue-S.

2
00:00:02,000 --> 00:00:03,500
Chính quyền xử lý trong ba ngày.
"""
EXPECTED = [
    Cue(0.5, 2.0, "Người dân gửi phản ánh qua Hue-S."),
    Cue(2.0, 3.5, "Chính quyền xử lý trong ba ngày."),
]


@pytest.fixture
def bac_giang(db):
    return province("24")


@pytest.fixture
def video(db):
    return make_video_media(4, title="Hue-S")


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def with_caption_file(data, content: bytes, name: str):
    """The form data with a file chosen in the first block's caption file input."""
    return {**data, "body-1-value-cues-file": SimpleUploadedFile(name, content)}


def video_story(video, cues="", **fields):
    return story_form_data([paragraph_data(words(20)), video_data(media_id=video.pk, cues=cues)], **fields)


def latest_cues(slug="bac-giang-so-hoa-xet-nghiem"):
    story = StoryPage.objects.get(slug=slug, locale__language_code="vi")
    return story.get_latest_revision_as_object().body[1].value["cues"]


@pytest.mark.parametrize(("content", "name"), [(WEBVTT, "hue-s.vtt"), (SRT, "hue-s.srt")])
def test_an_attached_caption_file_becomes_the_videos_cues(admin_client, bac_giang, video, content, name):
    data = with_caption_file(video_story(video), content.encode(), name)
    response = admin_client.post(add_url(bac_giang), data)
    assert response.status_code == 302
    assert latest_cues() == EXPECTED


def test_the_editor_corrects_a_cue_in_the_text_area(admin_client, bac_giang, video):
    admin_client.post(add_url(bac_giang), with_caption_file(video_story(video), WEBVTT.encode(), "a.vtt"))
    story = StoryPage.objects.get(slug="bac-giang-so-hoa-xet-nghiem", locale__language_code="vi")
    form_page = admin_client.get(edit_url(story)).content.decode()
    assert "00:00:00.500 --&gt; 00:00:02.000" in form_page  # the cues, as WebVTT, in the text area
    corrected = WEBVTT.replace("ba ngày", "hai ngày")
    assert admin_client.post(edit_url(story), video_story(video, cues=corrected)).status_code == 302
    assert latest_cues()[1].text == "Chính quyền xử lý trong hai ngày."


def refused(admin_client, story, data):
    """Post ``data`` to the story's editor: the errors shown, and the latest cues afterwards."""
    revisions = story.revisions.count()
    response = admin_client.post(edit_url(story), data)
    assert response.status_code == 200
    assert story.revisions.count() == revisions  # nothing saved
    return body_errors(response)


@pytest.fixture
def captioned_story(admin_client, bac_giang, video):
    admin_client.post(add_url(bac_giang), with_caption_file(video_story(video), WEBVTT.encode(), "a.vtt"))
    return StoryPage.objects.get(slug="bac-giang-so-hoa-xet-nghiem", locale__language_code="vi")


def test_a_picture_is_not_a_caption_file(admin_client, captioned_story, video, vietnamese):
    png = b"\x89PNG\r\n\x1a\n" + bytes(200)
    errors = refused(admin_client, captioned_story, with_caption_file(video_story(video), png, "anh.vtt"))
    assert errors == [
        "Đây không phải tệp phụ đề WebVTT hoặc SRT. Hãy lưu phụ đề thành tệp .vtt hoặc .srt, bảng mã UTF-8."
    ]
    assert latest_cues() == EXPECTED  # the previous good captions are kept


def test_a_50_mb_caption_file_is_refused_by_its_size(admin_client, captioned_story, video, vietnamese):
    huge = b"WEBVTT\n\n" + b"a" * (50 * 1024 * 1024)
    errors = refused(admin_client, captioned_story, with_caption_file(video_story(video), huge, "lon.vtt"))
    assert errors == ["Tệp phụ đề nặng 51.201 KB; mỗi tệp phụ đề chỉ được tối đa 256 KB."]
    assert latest_cues() == EXPECTED


def test_cues_out_of_order_name_the_cue(admin_client, captioned_story, video, vietnamese):
    swapped = WEBVTT.replace("00:00:02.000 --> 00:00:03.500", "00:00:00.100 --> 00:00:00.400")
    errors = refused(admin_client, captioned_story, video_story(video, cues=swapped))
    assert errors == [
        "Câu 2 (0:00,1 → 0:00,4): bắt đầu trước câu 1; hãy xếp các câu theo đúng thứ tự thời gian."
    ]
    assert latest_cues() == EXPECTED


def test_a_cue_past_the_end_of_the_video_is_refused(admin_client, captioned_story, video, vietnamese):
    late = WEBVTT.replace("00:00:02.000 --> 00:00:03.500", "00:00:08.000 --> 00:00:09.500")
    errors = refused(admin_client, captioned_story, video_story(video, cues=late))
    assert errors == ["Câu 2 (0:08,0 → 0:09,5): kết thúc sau khi video đã hết (video dài 0:04,0)."]


def test_an_empty_cue_is_refused(admin_client, captioned_story, video, vietnamese):
    empty = WEBVTT.replace("Chính quyền xử lý trong ba ngày.", "")
    errors = refused(admin_client, captioned_story, video_story(video, cues=empty))
    assert errors == ["Câu 2 (0:02,0 → 0:03,5): chưa có lời."]


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_an_uploaded_video_without_captions_is_not_submitted(
    admin_client, bac_giang, video, vietnamese, action
):
    response = admin_client.post(add_url(bac_giang), {**video_story(video), action: "on"})
    assert response.status_code == 200
    assert "Video tải lên cần có phụ đề: hãy đính kèm tệp WebVTT hoặc SRT." in body_errors(response)


def test_a_draft_without_captions_still_saves_with_a_warning(admin_client, bac_giang, video, vietnamese):
    response = admin_client.post(add_url(bac_giang), video_story(video))
    assert response.status_code == 302
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert any("cần có phụ đề" in warning for warning in warnings)


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_a_linked_video_without_transcript_is_not_submitted(admin_client, bac_giang, vietnamese, action):
    block = video_data(embed_url="https://www.youtube.com/watch?v=t63demo", duration="5:00", transcript="")
    response = admin_client.post(add_url(bac_giang), {**story_form_data([block]), action: "on"})
    assert response.status_code == 200
    assert "Video liên kết cần có lời thoại: hãy ghi lại những gì được nói trong video." in body_errors(
        response
    )


def test_captions_and_transcripts_do_not_count_toward_the_1000_words(admin_client, bac_giang, video):
    long_captions = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n" + words(600, "lời") + "\n"
    body = [
        paragraph_data(words(1000)),
        video_data(media_id=video.pk, cues=long_captions),
        video_data(embed_url="https://vimeo.com/1234", duration="3:00", transcript=words(600, "thoại")),
    ]
    response = admin_client.post(add_url(bac_giang), {**story_form_data(body), "action-publish": "on"})
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="bac-giang-so-hoa-xet-nghiem", locale__language_code="vi")
    assert story.live and story.body_words == 1000


def test_the_story_editor_form_sends_files(admin_client, bac_giang):
    page = admin_client.get(add_url(bac_giang)).content.decode()
    assert 'enctype="multipart/form-data"' in page
