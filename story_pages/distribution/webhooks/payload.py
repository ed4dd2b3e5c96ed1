"""What a webhook POSTs: ``{"event": kind, "change": <the change feed's item>, "story": <ninjs>}``.

``change`` is the item /api/v2/changes/ lists for the change (change_feed.change_item), so its
``cursor`` resumes the feed right after it. ``story`` is the story's ninjs 3 as
/api/v2/stories/<id>/ninjs/ serves it *when the delivery is made* (a later version if it was
corrected meanwhile), for a published or updated story that is public at that moment; a
withdrawal carries ``story: null``. A published or updated story that is no longer public when
its turn comes (unpublished, made private, deleted meanwhile) is not sent at all: its withdrawal
follows in the same order. So a draft's or a private story's content never leaves.
"""

from django.conf import settings
from django.urls import reverse

from story_pages.distribution.api.change_feed import STORIES_ENDPOINT, change_item
from story_pages.distribution.api.ninjs import ninjs3
from story_pages.distribution.api.renderers import FastJSONRenderer
from story_pages.distribution.api.representation import StoryBatch
from story_pages.distribution.api.story_rows import StoryRow
from story_pages.distribution.site_request import SiteRequest, default_site_root
from story_pages.models import StoryChange, StoryPage, WebhookDelivery

# The namespace the site's API router has (t63site/api.py): the change items' URLs are its own.
DEFAULT_API_NAMESPACE = "wagtailapi"


def site_request() -> SiteRequest:
    return SiteRequest(default_site_root() or settings.WAGTAILAPI_BASE_URL)


def bodies(deliveries: list[WebhookDelivery], request) -> dict[int, bytes | None]:
    """Delivery id -> the JSON to POST, or None for a story no longer public. The stories are
    read and represented together, as the API does a page of them."""
    wanted = {d.change.story_id for d in deliveries if d.change.kind != StoryChange.Kind.WITHDRAWN}
    rows = StoryRow.of(StoryPage.objects.published().filter(pk__in=wanted)) if wanted else []
    batch = StoryBatch(rows, request)
    stories = {row.pk: ninjs3(batch.represent(row), row) for row in rows}
    listing = request.build_absolute_uri(reverse(f"{_api_namespace()}:{STORIES_ENDPOINT}:listing"))
    found = {}
    for delivery in deliveries:
        change = delivery.change
        story = None
        if change.kind != StoryChange.Kind.WITHDRAWN:
            story = stories.get(change.story_id)
            if story is None:
                found[delivery.pk] = None
                continue
        payload = {"event": change.kind, "change": change_item(change, listing), "story": story}
        found[delivery.pk] = FastJSONRenderer().render(payload)
    return found


def _api_namespace() -> str:
    return getattr(settings, "T63_API_NAMESPACE", DEFAULT_API_NAMESPACE)
