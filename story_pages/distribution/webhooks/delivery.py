"""The worker's webhook task: an endpoint's waiting deliveries POSTed in the order of the changes.

One task per endpoint, not per change: ``deliver(endpoint_id)`` sends everything due to that
endpoint, oldest change first, over one kept-alive connection (a hundred changes are a hundred
requests on one connection, not a hundred tasks each opening its own), while endpoints are
served by tasks of their own, in parallel when several workers run. Order is kept: a delivery
that fails holds back the later ones until it is delivered or given up, so a receiver never gets
a story's withdrawal before its publication, and a receiver that is down costs one timed-out
request per retry, not one per change.

A failed delivery is tried again after 1 minute, then 2, 4, 8, ... (exponential backoff), the
last time when a day has passed since its change; if that fails too it is given up, and the
endpoint is disabled and its owner told (notices.py): it failed for a whole day. 2xx is
delivered; anything else (a redirect too: none is followed), a timeout or a refused address is a
failure. Re-enabling the endpoint in the admin resumes its waiting deliveries with a new day.

One task at a time holds an endpoint (a lease, ``draining_until``, that a crashed worker's task
gives up by expiring), and at most one task is queued to run next (``drain_at``): each change
committed does not queue a task of its own while one is waiting. A retry is a task queued with
``run_after`` (django-tasks-db runs it then; RQ needs its scheduler: ``rqworker --with-scheduler``;
the immediate backend cannot wait, so there the next change's task retries). A task works for a
minute at most, then queues its continuation, so that other work on the queue is not held up.
"""

import http.client
import logging
import time
from datetime import timedelta
from itertools import takewhile

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TASK_MAX_PRIORITY

from story_pages.distribution.webhooks import addresses, notices, payload
from story_pages.distribution.webhooks.signing import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    signature,
)
from story_pages.models import (
    AttemptOutcome,
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10
KEPT_RESPONSE_BYTES = 1024
READ_AT_MOST_BYTES = 64 * 1024  # more than this and the connection is closed, not read to its end
WORK_SECONDS = 60  # a task's share of the queue; then it queues its continuation
PAGE = 50  # deliveries read, and their stories represented, together
LEASE = timedelta(minutes=5)  # longer than a task works, plus a request's timeout
STALE = timedelta(minutes=5)  # a queued task this late is taken for lost, and queued again
USER_AGENT = "T63-Webhooks/1"


def first_retry_seconds() -> int:
    return getattr(settings, "T63_WEBHOOKS_FIRST_RETRY_SECONDS", 60)


def retry_for_seconds() -> int:
    return getattr(settings, "T63_WEBHOOKS_RETRY_FOR_SECONDS", 24 * 60 * 60)


def backoff(failed_attempts: int) -> timedelta:
    """How long to wait after the n-th failed attempt: 1 minute, then doubling."""
    return timedelta(seconds=first_retry_seconds() * 2 ** (failed_attempts - 1))


# Scheduling ---------------------------------------------------------------------------------------


def request_drain(endpoint_id: int, at=None, *, force: bool = False) -> bool:
    """Make sure a task will send the endpoint's due deliveries (at ``at``, default now). No new
    task when one is queued already (unless ``force``, or it looks lost); whether one was queued."""
    now = timezone.now()
    at = max(at or now, now)
    deferred = at > now
    backend = deliver.get_backend()
    if deferred and not backend.supports_defer:
        return False
    endpoints = WebhookEndpoint.objects.filter(pk=endpoint_id)
    if not force:
        endpoints = endpoints.filter(Q(drain_at__isnull=True) | Q(drain_at__lt=now - STALE))
    if not endpoints.update(drain_at=at):
        return False
    # Ahead of the rest of the queue where the backend orders by priority (the database's does; RQ
    # refuses priorities): a publish queues Wagtail's index and reference tasks too, several per
    # page, and a change waiting behind them reached outlets seconds late (`make bench-webhooks`).
    # A webhook task is short (WORK_SECONDS at most).
    chosen = deliver.using(priority=TASK_MAX_PRIORITY) if backend.supports_priority else deliver
    (chosen.using(run_after=at) if deferred else chosen).enqueue(endpoint_id)
    return True


def resume(endpoint: WebhookEndpoint) -> None:
    """After the endpoint is re-enabled (or its address changed): its waiting deliveries are due
    now, with a new day of retries; the task is queued once the change commits."""
    now = timezone.now()
    endpoint.deliveries.filter(status=DeliveryStatus.PENDING).update(
        next_attempt_at=now, give_up_at=now + timedelta(seconds=retry_for_seconds())
    )
    transaction.on_commit(lambda: request_drain(endpoint.pk, force=True), robust=True)


@task()
def deliver(endpoint_id: int) -> str:
    """Send the endpoint's due deliveries; what happened, for the task's result."""
    now = timezone.now()
    WebhookEndpoint.objects.filter(pk=endpoint_id, drain_at__lte=now).update(drain_at=None)
    work_until = time.monotonic() + WORK_SECONDS
    while True:
        lease = _claim(endpoint_id)
        if lease is None:
            return "busy"  # the task holding it looks again for due deliveries before it stops
        try:
            outcome = _Drain(endpoint_id, work_until).run()
        finally:
            WebhookEndpoint.objects.filter(pk=endpoint_id, draining_until=lease).update(draining_until=None)
        if outcome == "more":
            request_drain(endpoint_id, force=True)
            return "continued"
        # Changes committed while the lease was held may have found their task "busy".
        if outcome in ("inactive", "disabled") or not _head_due(endpoint_id):
            break
    if outcome not in ("inactive", "disabled") and (head := _head(endpoint_id)) is not None:
        request_drain(endpoint_id, head.next_attempt_at)
    return outcome


def _claim(endpoint_id: int):
    now = timezone.now()
    lease = now + LEASE
    free = Q(draining_until__isnull=True) | Q(draining_until__lt=now)
    claimed = WebhookEndpoint.objects.filter(free, pk=endpoint_id).update(draining_until=lease)
    return lease if claimed else None


def _waiting(endpoint_id: int):
    return WebhookDelivery.objects.filter(endpoint_id=endpoint_id, status=DeliveryStatus.PENDING).order_by(
        "change_id"
    )


def _head(endpoint_id: int) -> WebhookDelivery | None:
    return _waiting(endpoint_id).only("next_attempt_at").first()


def _head_due(endpoint_id: int) -> bool:
    head = _head(endpoint_id)
    return head is not None and head.next_attempt_at <= timezone.now()


def _due(page: list[WebhookDelivery]) -> list[WebhookDelivery]:
    """The deliveries of ``page`` (waiting, oldest change first) to send now: those due, up to the
    first that is not; a retry alone (the ones behind it wait for it anyway)."""
    now = timezone.now()
    due = list(takewhile(lambda delivery: delivery.next_attempt_at <= now, page))
    return due[:1] if due and due[0].attempts else due


# Sending ----------------------------------------------------------------------------------------


class _Drain:
    def __init__(self, endpoint_id: int, work_until: float):
        self.endpoint_id = endpoint_id
        self.work_until = work_until
        self.connection: http.client.HTTPConnection | None = None

    def run(self) -> str:
        self.endpoint = WebhookEndpoint.objects.filter(pk=self.endpoint_id, active=True).first()
        if self.endpoint is None:
            return "inactive"
        request = payload.site_request()
        try:
            while time.monotonic() < self.work_until:
                page = list(_waiting(self.endpoint_id).select_related("change")[:PAGE])
                if not page:
                    return "done"
                due = _due(page)
                if not due:
                    return "waiting"
                bodies = payload.bodies(due, request)
                for delivery in due:
                    if time.monotonic() >= self.work_until:
                        return "more"
                    outcome = self._attempt(delivery, bodies[delivery.pk])
                    if outcome == AttemptOutcome.GAVE_UP:
                        return "disabled"
                    if outcome == AttemptOutcome.RETRY:
                        return "waiting"
            return "more"
        finally:
            self._close()

    def _attempt(self, delivery: WebhookDelivery, body: bytes | None) -> str:
        number = delivery.attempts + 1
        if body is None:
            self._record(delivery, number, AttemptOutcome.SKIPPED, DeliveryStatus.SKIPPED)
            return AttemptOutcome.SKIPPED
        started = time.monotonic()
        status, response, error = None, "", ""
        try:
            status, response = self._post(delivery, body)
            if not 200 <= status < 300:
                error = f"HTTP {status}" + (" (redirects are not followed)" if 300 <= status < 400 else "")
        except addresses.RefusedURL as refused:
            error = f"refused: {refused}"
        except TimeoutError:
            error = f"no answer within {TIMEOUT_SECONDS} s"
        except (OSError, http.client.HTTPException) as failure:
            error = f"{type(failure).__name__}: {failure}" if str(failure) else type(failure).__name__
        duration_ms = round((time.monotonic() - started) * 1000)
        if not error:
            outcome, status_after = AttemptOutcome.DELIVERED, DeliveryStatus.DELIVERED
        elif timezone.now() >= delivery.give_up_at:
            outcome, status_after = AttemptOutcome.GAVE_UP, DeliveryStatus.FAILED
        else:
            outcome, status_after = AttemptOutcome.RETRY, DeliveryStatus.PENDING
        self._record(delivery, number, outcome, status_after, status, error, duration_ms, response)
        if outcome == AttemptOutcome.GAVE_UP:
            self._close()
            notices.disable_for_failures(self.endpoint, error)
        return outcome

    def _post(self, delivery: WebhookDelivery, body: bytes) -> tuple[int, str]:
        if self.connection is None:
            self.target = addresses.check(self.endpoint.url)
            self.connection = addresses.connection(self.target, TIMEOUT_SECONDS)
        timestamp = int(time.time())
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": USER_AGENT,
            SIGNATURE_HEADER: signature(self.endpoint.secret, body, timestamp),
            DELIVERY_HEADER: str(delivery.uuid),
            EVENT_HEADER: delivery.change.kind,
        }
        try:
            self.connection.request("POST", self.target.path, body=body, headers=headers)
            answer = self.connection.getresponse()
            read = answer.read(READ_AT_MOST_BYTES)
            if answer.will_close or not answer.isclosed():  # closing, or more than we read
                self._close()
        except BaseException:
            self._close()
            raise
        return answer.status, read[:KEPT_RESPONSE_BYTES].decode("utf-8", "replace")

    def _record(
        self, delivery, number, outcome, status_after, status_code=None, error="", ms=None, response=""
    ):
        now = timezone.now()
        delivery.attempts, delivery.status = number, status_after
        if status_after == DeliveryStatus.PENDING:
            delivery.next_attempt_at = min(now + backoff(number), delivery.give_up_at)
        else:
            delivery.finished_at = now
        with transaction.atomic():
            delivery.save(update_fields=["attempts", "status", "next_attempt_at", "finished_at"])
            WebhookAttempt.objects.create(
                endpoint_id=delivery.endpoint_id,
                delivery=delivery,
                number=number,
                at=now,
                outcome=outcome,
                status_code=status_code,
                error=error[:300],
                duration_ms=ms,
                response=response,
            )
        if error:
            logger.warning("Webhook %s to endpoint %s: %s", delivery.uuid, delivery.endpoint_id, error)

    def _close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
