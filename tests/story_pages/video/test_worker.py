"""The background worker for real: work is queued in the database (django-tasks-db) and a
`manage.py db_worker` process, started as `make run` starts it, does it."""

import subprocess
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.search.backends import get_search_backend
from wagtailmedia.models import get_media_model

from story_pages.models import ProcessingState, VideoProcessing
from t63site.settings.services import task_backends
from tests.factories import StoryPageFactory, make_video_media, publish_story, uploaded_video
from tests.story_pages.video.test_video_upload import sample_upload, upload
from tests.workers import DATABASE_TASKS, DB_WORKER, RQ_WORKER, run_manage


def run_worker(*queues: str, rq: bool = False) -> subprocess.CompletedProcess:
    """One worker process that does everything queued on ``queues``, then stops (db_worker's
    --batch, or rqworker's --burst)."""
    queues = queues or ("default", "video")
    media = {"T63_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT)}
    if rq:
        redis_url = settings.RQ_QUEUES["video"]["URL"]
        return run_manage([*RQ_WORKER, *queues], T63_TASKS="rq", REDIS_URL=redis_url, **media)
    return run_manage([*DB_WORKER, "--queue-name", ",".join(queues)], T63_TASKS="database", **media)


@pytest.fixture
def database_tasks(starting_state):
    with override_settings(TASKS=DATABASE_TASKS):
        yield


def test_an_uploaded_video_waits_for_the_worker_which_makes_its_renditions(database_tasks, admin_client):
    response = upload(admin_client, sample_upload(4))
    assert response.status_code == 302
    media = get_media_model().objects.get(title="Hue-S giới thiệu")
    assert VideoProcessing.objects.get(media=media).state == ProcessingState.QUEUED
    queued = DBTaskResult.objects.get(task_path="story_pages.video.processing.process_video")
    assert queued.status == "READY"
    assert not media.renditions.exists()

    worker = run_worker()

    assert worker.returncode == 0, worker.stderr
    processing = VideoProcessing.objects.get(media=media)
    assert (processing.state, processing.progress, processing.attempts) == (ProcessingState.DONE, 100, 1)
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    rendition = media.renditions.get()
    assert Path(rendition.file.path).stat().st_size == rendition.size > 0


def test_wagtails_own_index_tasks_run_on_the_worker(database_tasks):
    story = publish_story(title="Tổng đài AI chăm sóc F0")
    index_tasks = DBTaskResult.objects.filter(task_path="modelsearch.tasks.insert_or_update_object_task")
    assert index_tasks.filter(status="READY").exists()

    worker = run_worker("default")

    assert worker.returncode == 0, worker.stderr
    assert not index_tasks.exclude(status="SUCCESSFUL").exists()
    found = get_search_backend().search("Tổng đài AI", type(story))
    assert story.pk in [page.pk for page in found]


def test_a_video_replaced_before_the_worker_runs_is_processed_once_from_the_new_file(
    database_tasks, admin_client
):
    upload(admin_client, sample_upload(3))
    media = get_media_model().objects.get(title="Hue-S giới thiệu")
    first_file = media.file.name
    data = {"title": "Hue-S giới thiệu", "file": sample_upload(5, "moi.mp4"), "collection": "1", "tags": ""}
    assert admin_client.post(reverse("wagtailmedia:edit", args=(media.pk,)), data).status_code == 302
    media.refresh_from_db()
    assert media.file.name != first_file

    worker = run_worker()

    assert worker.returncode == 0, worker.stderr
    results = DBTaskResult.objects.filter(task_path="story_pages.video.processing.process_video")
    assert sorted(result.return_value for result in results) == ["done", "superseded"]
    processing = VideoProcessing.objects.get(media=media)
    assert (processing.state, processing.source_name, processing.attempts) == ("done", media.file.name, 1)
    assert media.renditions.count() == 1


def test_a_story_cannot_be_published_until_the_worker_has_processed_its_video(database_tasks, vietnamese):
    media = make_video_media(3, processed=False)
    story = StoryPageFactory(body=[uploaded_video(media)])
    assert "Video đang được xử lý (0 %); hãy chờ đến khi xử lý xong." in story.rule_violations()

    assert run_worker().returncode == 0

    story = type(story).objects.get(pk=story.pk)
    assert story.rule_violations() == []
    assert media.renditions.exists()


def test_rq_on_redis_is_the_other_worker(starting_state, admin_client):
    """Production's other choice (T63_TASKS=rq): the transcode queued in Redis, done by rqworker."""
    redis_url = "redis://127.0.0.1:6379/14"  # a database of its own, emptied first
    redis.Redis.from_url(redis_url).flushdb()
    tasks, queues = task_backends("rq", redis_url)
    with override_settings(TASKS=tasks, RQ_QUEUES=queues):
        upload(admin_client, sample_upload(3))
        media = get_media_model().objects.get(title="Hue-S giới thiệu")
        assert VideoProcessing.objects.get(media=media).state == ProcessingState.QUEUED

        worker = run_worker("default", "video", rq=True)

    assert worker.returncode == 0, worker.stderr
    assert VideoProcessing.objects.get(media=media).state == ProcessingState.DONE
    assert media.renditions.exists()
