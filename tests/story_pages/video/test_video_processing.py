"""The worker's video task, run in this process: web renditions and a poster, progress the admin
shows, failures that keep the previous good state, and a retry."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from story_pages.models import ProcessingState, StoryPage, VideoProcessing
from story_pages.video import processing
from story_pages.video.transcode import TranscodeFailed
from tests.factories import StoryPageFactory, make_video_media, uploaded_video


def failing(reason: str):
    """A transcode that fails at once, for ``reason``."""

    def transcode(source, out_dir, *, on_progress=None, threads=0, pace=None):
        raise TranscodeFailed(reason, "made to fail by the test")

    return transcode


def renditions_on_disk(media) -> set[Path]:
    return {Path(rendition.file.path) for rendition in media.renditions.all()}


def test_a_new_video_is_queued_and_the_task_makes_its_renditions_and_poster(db):
    media = make_video_media(3, processed=False)
    state = VideoProcessing.objects.get(media=media)
    assert (state.state, state.progress, state.source_name) == ("queued", 0, media.file.name)

    assert processing.process_video.call(media.pk, media.file.name) == "done"

    state.refresh_from_db()
    assert (state.state, state.progress, state.attempts) == (ProcessingState.DONE, 100, 1)
    files = renditions_on_disk(media)
    assert files and all(path.stat().st_size > 0 for path in files)
    media.refresh_from_db()
    assert media.thumbnail  # the poster the upload made is kept


def test_saving_a_video_without_changing_its_file_queues_nothing(db):
    media = make_video_media(2)
    media.title = "Hue-S (bản mới)"
    media.save()
    assert VideoProcessing.objects.get(media=media).state == ProcessingState.DONE


def test_a_transcode_failing_half_way_keeps_the_previous_renditions_and_says_why(db, monkeypatch, vietnamese):
    media = make_video_media(3)
    before = renditions_on_disk(media)
    folder = next(iter(before)).parent
    files_before = set(folder.iterdir())

    def fails_half_way(source, out_dir, *, on_progress=None, threads=0, pace=None):
        on_progress(0.5)
        raise TranscodeFailed("encoder-error", "x264 refused a frame")

    monkeypatch.setattr(processing, "transcode", fails_half_way)
    processing.request_processing(media, again=True)
    assert processing.process_video.call(media.pk, media.file.name) == "encoder-error"

    state = VideoProcessing.objects.get(media=media)
    assert (state.state, state.failure, state.progress) == ("failed", "encoder-error", 50)
    assert state.failure_message == "Không ghi được các bản phát trên web; hãy thử lại."
    assert renditions_on_disk(media) == before
    assert set(folder.iterdir()) == files_before  # nothing half-stored


def test_a_story_whose_video_failed_cannot_be_published_and_says_why(db, monkeypatch, vietnamese):
    media = make_video_media(2, processed=False)
    monkeypatch.setattr(processing, "transcode", failing("undecodable"))
    processing.process_video.call(media.pk, media.file.name)
    story = StoryPageFactory(body=[uploaded_video(type(media).objects.get(pk=media.pk))])
    assert story.rule_violations() == [
        "Xử lý video không thành công: Một phần của tệp không giải mã được; hãy xuất lại video và tải "
        "lên lần nữa. Hãy thử lại từ trang của video."
    ]


def test_a_missing_file_is_a_failure_the_editor_understands(db):
    media = make_video_media(2, processed=False)
    Path(media.file.path).unlink()
    assert processing.process_video.call(media.pk, media.file.name) == "missing-file"
    assert VideoProcessing.objects.get(media=media).failure == "missing-file"


def test_a_task_for_a_replaced_file_stops_without_touching_anything(db):
    media = make_video_media(2)
    old_name = media.file.name
    processing.request_processing(media, again=True)
    VideoProcessing.objects.filter(media=media).update(source_name="media/newer-upload.mp4")
    assert processing.process_video.call(media.pk, old_name) == "superseded"
    assert media.renditions.count() == 1


@pytest.fixture
def running_at_40(db):
    media = make_video_media(2, processed=False)
    VideoProcessing.objects.filter(media=media).update(state=ProcessingState.RUNNING, progress=40)
    return media


def test_the_admin_shows_the_progress_of_a_running_transcode(admin_client, running_at_40, vietnamese):
    status = admin_client.get(reverse("t63_video_processing", args=(running_at_40.pk,)))
    assert status.json() == {"state": "running", "progress": 40, "text": "Đang xử lý… 40 %"}
    page = admin_client.get(reverse("wagtailmedia:edit", args=(running_at_40.pk,)), HTTP_ACCEPT_LANGUAGE="vi")
    html = page.content.decode()
    assert "Đang xử lý… 40 %" in html
    assert '<progress max="100" value="40"' in html


def test_a_failed_video_is_retried_from_its_page(
    admin_client, monkeypatch, vietnamese, django_capture_on_commit_callbacks
):
    media = make_video_media(2, processed=False)
    real_transcode = processing.transcode
    monkeypatch.setattr(processing, "transcode", failing("encoder-error"))
    processing.process_video.call(media.pk, media.file.name)
    page = admin_client.get(reverse("wagtailmedia:edit", args=(media.pk,))).content.decode()
    assert "Xử lý không thành công: Không ghi được các bản phát trên web; hãy thử lại." in page
    assert "Xử lý lại" in page

    monkeypatch.setattr(processing, "transcode", real_transcode)
    with django_capture_on_commit_callbacks(execute=True):  # the immediate backend runs the task
        response = admin_client.post(reverse("t63_video_processing_retry", args=(media.pk,)))
    assert response.status_code == 302
    state = VideoProcessing.objects.get(media=media)
    assert (state.state, state.attempts) == ("done", 2)
    assert media.renditions.exists()


def test_the_processing_state_is_only_for_those_who_may_edit_the_video(client, running_at_40):
    response = client.get(reverse("t63_video_processing", args=(running_at_40.pk,)))
    assert response.status_code == 302  # to the sign-in page


def test_no_path_publishes_a_story_whose_video_is_not_processed(db, vietnamese):
    media = make_video_media(2, processed=False)
    story = StoryPageFactory(body=[uploaded_video(media)])
    with pytest.raises(ValidationError, match="Video đang được xử lý"):
        story.save_revision().publish()  # as the scheduler publishes: no form, no review
    assert not StoryPage.objects.get(pk=story.pk).live
