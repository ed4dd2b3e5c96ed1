"""Uploaded videos: the duration is measured from the file; what is not a video is refused."""

import os
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtailmedia.models import get_media_model

from story_pages.video.samples import write_sample_video
from tests.factories import StoryPageFactory, make_video_media, paragraph, province, uploaded_video

Media = get_media_model()


def sample_upload(seconds: int, name: str = "hue-s.mp4") -> SimpleUploadedFile:
    with tempfile.TemporaryDirectory() as folder:
        path = write_sample_video(Path(folder) / name, seconds, width=64, height=36)
        return SimpleUploadedFile(name, path.read_bytes(), content_type="video/mp4")


def upload(client, file, duration="1"):
    data = {"title": "Hue-S giới thiệu", "file": file, "duration": duration, "collection": "1", "tags": ""}
    return client.post(reverse("wagtailmedia:add", args=("video",)), data)


def stored_files() -> set[str]:
    media_dir = Path(settings.MEDIA_ROOT) / "media"
    return set(os.listdir(media_dir)) if media_dir.exists() else set()


def test_a_5_second_video_is_uploaded_with_its_measured_duration(admin_client):
    response = upload(admin_client, sample_upload(5), duration="9999")  # a typed duration is ignored
    assert response.status_code == 302
    media = Media.objects.get(title="Hue-S giới thiệu")
    assert media.duration == pytest.approx(5.0, abs=0.1)
    assert (media.width, media.height) == (64, 36)


def test_a_text_file_renamed_mp4_is_refused_and_nothing_is_stored(admin_client, vietnamese):
    files_before, count_before = stored_files(), Media.objects.count()
    fake = SimpleUploadedFile(
        "bao-cao.mp4", "Báo cáo chuyển đổi số năm 2024".encode(), content_type="video/mp4"
    )
    response = upload(admin_client, fake)
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Tệp này không phát được như một video. Hãy tải lên tệp video MP4, WebM hoặc MOV."
    ]
    assert Media.objects.count() == count_before
    assert stored_files() == files_before


def test_a_12_minute_video_is_refused_at_upload_with_its_duration(admin_client, vietnamese):
    files_before, count_before = stored_files(), Media.objects.count()
    with tempfile.TemporaryDirectory() as folder:
        path = write_sample_video(Path(folder) / "dai.mp4", 720, width=16, height=16)
        long_video = SimpleUploadedFile("dai.mp4", path.read_bytes(), content_type="video/mp4")
    response = upload(admin_client, long_video)
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == ["Video dài 12:00; video phải ngắn hơn 12:00."]
    assert Media.objects.count() == count_before
    assert stored_files() == files_before


def test_a_published_storys_video_cannot_be_replaced_by_a_longer_one(admin_client):
    media = make_video_media(5, title="Hue-S")
    with tempfile.TemporaryDirectory() as folder:
        path = write_sample_video(Path(folder) / "dai.mp4", 800, width=16, height=16)
        longer = SimpleUploadedFile("dai.mp4", path.read_bytes(), content_type="video/mp4")
    data = {"title": "Hue-S", "file": longer, "collection": "1", "tags": ""}
    response = admin_client.post(reverse("wagtailmedia:edit", args=(media.pk,)), data)
    assert response.status_code == 200
    media.refresh_from_db()
    assert media.duration == pytest.approx(5.0, abs=0.1)


def test_a_file_that_is_not_audio_is_refused_as_audio(admin_client, english):
    fake = SimpleUploadedFile("podcast.mp3", b"not audio at all", content_type="audio/mpeg")
    data = {"title": "Podcast", "file": fake, "collection": "1", "tags": ""}
    response = admin_client.post(reverse("wagtailmedia:add", args=("audio",)), data)
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Media.objects.filter(title="Podcast").exists()


def test_the_editor_sees_but_cannot_type_the_duration(admin_client):
    upload(admin_client, sample_upload(5), duration="1")
    media = Media.objects.get(title="Hue-S giới thiệu")
    form = admin_client.get(reverse("wagtailmedia:edit", args=(media.pk,))).context["form"]
    assert form.fields["duration"].disabled
    assert form["duration"].value() == pytest.approx(5.0, abs=0.1)


def test_an_upload_gets_a_poster_frame_from_the_video(admin_client):
    upload(admin_client, sample_upload(5))
    media = Media.objects.get(title="Hue-S giới thiệu")
    assert "-poster" in media.thumbnail.name and media.thumbnail.name.endswith(".jpg")
    with media.thumbnail.open("rb") as poster:
        assert poster.read(3) == b"\xff\xd8\xff"  # a JPEG


def test_a_file_over_the_size_limit_is_refused_and_nothing_is_stored(admin_client, settings, vietnamese):
    settings.T63_MAX_VIDEO_MB = 1
    files_before, count_before = stored_files(), Media.objects.count()
    big = SimpleUploadedFile("lon.mp4", b"\0" * (3 * 1024 * 1024), content_type="video/mp4")
    response = upload(admin_client, big)
    assert response.context["form"].errors["file"] == ["Tệp nặng 3 MB; tối đa 1 MB."]
    assert Media.objects.count() == count_before and stored_files() == files_before


def test_a_12_minute_uploaded_video_is_refused_at_publish(db, vietnamese):
    media = make_video_media(720)
    assert media.duration == pytest.approx(720, abs=0.5)
    story = StoryPageFactory(parent=province("46"), body=[paragraph("Hue-S"), uploaded_video(media)])
    assert story.rule_violations() == ["Video dài 12:00; video phải ngắn hơn 12:00."]
    with pytest.raises(ValidationError, match="12:00"):
        story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live


def test_a_short_uploaded_video_publishes_as_a_video_story(db):
    media = make_video_media(5)
    story = StoryPageFactory(parent=province("46"), body=[uploaded_video(media)])
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.live
    assert story.story_format == "video"
