"""Webhooks delivered by the real background worker (a `manage.py db_worker` process, as `make
run` and production start it), to a receiver that checks every signature; a retry waits in the
queue until its time (django-tasks-db honours ``run_after``)."""

import subprocess
from datetime import timedelta

import django_rq
import pytest
import redis
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from rq.registry import ScheduledJobRegistry

from story_pages.models import DeliveryStatus, WebhookDelivery
from t63site.settings.services import task_backends
from tests.story_pages.distribution.webhooks.conftest import make_endpoint, published, republish
from tests.workers import DATABASE_TASKS, DB_WORKER, RQ_WORKER, run_manage

RECEIVER_ON_LOOPBACK = {"T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES": "1"}  # the receiver is on 127.0.0.1
TASK = "story_pages.distribution.webhooks.delivery.deliver"


def run_worker() -> subprocess.CompletedProcess:
    """A worker on the "default" queue that does what is due, then stops."""
    command = [*DB_WORKER, "--queue-name", "default"]
    return run_manage(command, T63_TASKS="database", **RECEIVER_ON_LOOPBACK)


@pytest.fixture
def database_tasks(starting_state):
    with override_settings(TASKS=DATABASE_TASKS):
        yield


def test_the_worker_delivers_signed_changes_and_retries_when_their_time_comes(database_tasks, receiver):
    endpoint = make_endpoint(receiver)
    receiver.answers = [503]
    first = published(title="Thái Nguyên: hồ sơ sức khỏe điện tử")
    queued = DBTaskResult.objects.filter(task_path=TASK)
    assert queued.filter(status="READY").count() == 1  # queued once the publish committed
    assert receiver.received == []  # nothing is sent from the editor's request

    worker = run_worker()

    assert worker.returncode == 0, worker.stderr
    [refused] = receiver.received
    assert refused.verified and refused.event == "published"
    failing = WebhookDelivery.objects.get()
    assert (failing.status, failing.attempts) == (DeliveryStatus.PENDING, 1)
    retry = queued.get(status="READY")  # the retry, left alone by the worker: not due yet
    in_a_minute = timezone.now() + timedelta(seconds=60)
    assert abs(retry.run_after - in_a_minute) < timedelta(seconds=10)
    assert abs(failing.next_attempt_at - retry.run_after) < timedelta(seconds=1)

    # Meanwhile, two more changes; then the minute passes.
    second = published(title="Đà Nẵng: thẻ căn cước trên điện thoại")
    republish(first, "Thái Nguyên: hồ sơ sức khỏe điện tử cho mọi người dân")
    assert queued.filter(status="READY").count() == 1  # waiting behind the retry, no task of their own
    WebhookDelivery.objects.filter(pk=failing.pk).update(next_attempt_at=timezone.now())
    queued.filter(status="READY").update(run_after=timezone.now())

    worker = run_worker()

    assert worker.returncode == 0, worker.stderr
    received = receiver.received
    assert all(r.verified for r in received)
    assert [(r.event, r.json["change"]["id"]) for r in received] == [
        ("published", first.pk),
        ("published", first.pk),
        ("published", second.pk),
        ("updated", first.pk),
    ]
    assert received[1].headers["X-T63-Delivery"] == received[0].headers["X-T63-Delivery"]
    # Sent when its turn came: the story as it was then, already corrected.
    corrected = [{"value": "Thái Nguyên: hồ sơ sức khỏe điện tử cho mọi người dân"}]
    assert received[1].json["story"]["headlines"] == received[3].json["story"]["headlines"] == corrected
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {DeliveryStatus.DELIVERED}
    assert endpoint.attempt_log.count() == 4
    assert not queued.filter(status="READY").exists()


def test_rq_delivers_too_and_keeps_a_retry_in_its_scheduler(starting_state, receiver):
    """Production's other worker (T63_TASKS=rq): the task in Redis, done by `rqworker`; a retry is
    a job scheduled for its time (run by a worker started `--with-scheduler`)."""
    redis_url = "redis://127.0.0.1:6379/13"  # a database of its own, emptied first
    connection = redis.Redis.from_url(redis_url)
    connection.flushdb()
    tasks, queues = task_backends("rq", redis_url)
    endpoint = make_endpoint(receiver)
    receiver.answers = [503]
    with override_settings(TASKS=tasks, RQ_QUEUES=queues):
        story = published(title="Lào Cai: chợ phiên trên sàn số")
        rq = {"T63_TASKS": "rq", "REDIS_URL": redis_url, **RECEIVER_ON_LOOPBACK}
        worker = run_manage([*RQ_WORKER, "default"], **rq)
        assert worker.returncode == 0, worker.stderr
        [refused] = receiver.received
        assert refused.verified and refused.json["change"]["id"] == story.pk
        failing = WebhookDelivery.objects.get(endpoint=endpoint)
        scheduled = ScheduledJobRegistry("default", connection=django_rq.get_connection("default"))
        [job_id] = scheduled.get_job_ids()
        when = scheduled.get_scheduled_time(job_id)
        assert abs(when - failing.next_attempt_at) < timedelta(seconds=1)
