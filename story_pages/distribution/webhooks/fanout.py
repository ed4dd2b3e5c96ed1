"""Which endpoints are sent which change: decided when the change is recorded, in its transaction
(story_pages.distribution.changes sends ``changes_recorded``), so a change rolled back sends
nothing and a change committed has its deliveries whatever happens to the process next. Once
the transaction commits, each endpoint that got deliveries has its worker task queued.

An active endpoint is sent a published or updated story when it asked for the event, the story's
language (no language: all) and its province (none: all; a unit of today also stands for the
provinces merged into it, as the API's ``unit`` filter). A withdrawal goes to every active
endpoint that asked for withdrawals and was sent the story before (whatever its filters say now:
it holds a copy), and to those whose filters match it now: on language, and on province while
the story still exists (a deleted story's province is unknowable, so every endpoint of its
language is told). An endpoint may thus hear of the withdrawal of a story it never had, and
ignores it; none that had it misses it.

Queries added to a publish: one when no endpoint is active; otherwise at most four (endpoints,
the stories' provinces, the endpoints sent a withdrawn story before, the deliveries), however
many endpoints and changes, and after the commit the queueing of one task per endpoint.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Case, CharField, OuterRef, Subquery, When
from django.db.models.functions import Length, Substr

from story_pages.distribution.webhooks import delivery
from story_pages.models import ProvincePage, StoryChange, StoryPage, WebhookDelivery, WebhookEndpoint

Kind = StoryChange.Kind


def changes_recorded(sender, changes: list[StoryChange], **kwargs) -> None:
    """Receiver of changes.changes_recorded."""
    endpoints = list(WebhookEndpoint.objects.filter(active=True).only("languages", "provinces", "events"))
    if not endpoints:
        return
    story_ids = {change.story_id for change in changes}
    provinces = _provinces(story_ids) if any(e.provinces for e in endpoints) else {}
    withdrawn = {change.story_id for change in changes if change.kind == Kind.WITHDRAWN}
    sent_before = _sent_before(endpoints, withdrawn) if withdrawn else set()
    retry_for = timedelta(seconds=delivery.retry_for_seconds())
    rows = [
        WebhookDelivery(
            endpoint=endpoint,
            change=change,
            next_attempt_at=change.at,
            give_up_at=change.at + retry_for,
        )
        for change in changes
        for endpoint in endpoints
        if _wants(endpoint, change, provinces.get(change.story_id), sent_before)
    ]
    if not rows:
        return
    WebhookDelivery.objects.bulk_create(rows)
    endpoint_ids = sorted({row.endpoint_id for row in rows})
    # Robust: a queue that cannot be reached (Redis down) must not turn the editor's committed
    # publish into an error page; the deliveries wait, and `deliver_webhooks` queues them again.
    for pk in endpoint_ids:
        transaction.on_commit(lambda pk=pk: delivery.request_drain(pk), robust=True)


def _wants(endpoint, change, province: tuple[str, str] | None, sent_before: set) -> bool:
    if change.kind not in endpoint.events:
        return False
    if change.kind == Kind.WITHDRAWN and (endpoint.pk, change.story_id) in sent_before:
        return True
    if endpoint.languages and change.locale not in endpoint.languages:
        return False
    if not endpoint.provinces or (province is None and change.kind == Kind.WITHDRAWN):
        return True
    return province is not None and not set(province).isdisjoint(endpoint.provinces)


def _provinces(story_ids) -> dict[int, tuple[str, str]]:
    """Story id -> (its province's code, the code of the unit that province is part of today),
    for the stories that still exist; one query."""
    parent = ProvincePage.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - StoryPage.steplen)
    )
    unit_code = Case(When(merged_into__isnull=True, then="code"), default="merged_into__code")
    rows = (
        StoryPage.objects.filter(pk__in=story_ids)
        .annotate(
            province_code=Subquery(parent.values("code")[:1]),
            unit_code=Subquery(parent.annotate(unit=unit_code).values("unit")[:1], output_field=CharField()),
        )
        .values_list("pk", "province_code", "unit_code")
    )
    return {pk: (code, unit) for pk, code, unit in rows if code}


def _sent_before(endpoints, story_ids) -> set[tuple[int, int]]:
    """(endpoint id, story id) of the endpoints sent a published or updated change of these
    stories before, delivered or not (a timed-out delivery may well have arrived)."""
    return set(
        WebhookDelivery.objects.filter(
            endpoint__in=endpoints,
            change__story_id__in=story_ids,
            change__kind__in=[Kind.PUBLISHED, Kind.UPDATED],
        )
        .values_list("endpoint_id", "change__story_id")
        .distinct()
    )
