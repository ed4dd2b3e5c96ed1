"""/api/v2/changes/: every change to the public stories, oldest first (story_pages.distribution.changes
records them), for a harvester to keep its copy in step.

``?since=<cursor>&limit=N``: the changes after the cursor (from the beginning without one), at
most ``limit`` (default 100, at most 500). The answer's ``meta.next`` is the cursor to ask with
next time, ``meta.more`` whether more changes are waiting already; each change carries its own
cursor too, to resume after it. A cursor is opaque (base64 of the feed's sequence number): only
one the feed gave is accepted. A published or updated story comes with the URLs of its API
detail and its ninjs; a withdrawal with none (its ninjs answers 410 with ``pubStatus:
canceled``). Apply the changes in order: a later change of the same story supersedes an earlier.
"""

import base64
import binascii
import re

from django.http import Http404
from django.urls import path, reverse
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from story_pages.distribution.api.machine import MachineAPIMixin
from story_pages.distribution.api.ninjs import utc_seconds
from story_pages.distribution.api.views import MAX_ID, OwnParametersOnly
from story_pages.distribution.changes import change_guid
from story_pages.models import StoryChange

# The name the site registers StoriesAPIViewSet under (its URLs are the API's contract).
STORIES_ENDPOINT = "stories"
DEFAULT_LIMIT = 100
MAX_LIMIT = 500
_CURSOR = re.compile(r"v1:(0|[1-9][0-9]{0,18})")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]{1,64}")
BAD_CURSOR = "since: not a cursor of this feed (use a `next` it gave, or leave since out to start)"


def encode_cursor(sequence: int) -> str:
    return base64.urlsafe_b64encode(f"v1:{sequence}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The sequence number a cursor of encode_cursor() holds; BadRequestError for anything else."""
    if not _BASE64URL.fullmatch(cursor):
        raise BadRequestError(BAD_CURSOR)
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadRequestError(BAD_CURSOR) from None
    match = _CURSOR.fullmatch(text)
    # Only the canonical spelling: a cursor is an identifier, compared and stored as text.
    if not match or int(match.group(1)) > MAX_ID or encode_cursor(int(match.group(1))) != cursor:
        raise BadRequestError(BAD_CURSOR)
    return int(match.group(1))


def _limit(value: str | None) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if not re.fullmatch(r"[0-9]{1,4}", value) or not 1 <= int(value) <= MAX_LIMIT:
        raise BadRequestError(f"limit: a whole number from 1 to {MAX_LIMIT}")
    return int(value)


def change_item(change: StoryChange, stories: str) -> dict:
    """One change as the feed lists it (and a webhook sends it): ``stories`` is the absolute URL
    of the stories endpoint's listing."""
    public = change.is_public
    return {
        "cursor": encode_cursor(change.pk),
        "kind": change.kind,
        "cause": change.cause,
        "id": change.story_id,
        "guid": change_guid(change),
        "translation_key": str(change.translation_key),
        "locale": change.locale,
        "at": utc_seconds(change.at),
        "detail_url": f"{stories}{change.story_id}/" if public else None,
        "ninjs_url": f"{stories}{change.story_id}/ninjs/" if public else None,
    }


class ChangesAPIViewSet(OwnParametersOnly, MachineAPIMixin, BaseAPIViewSet):
    model = StoryChange
    name = "changes"
    known_query_parameters = frozenset({"since", "limit"})

    def listing_view(self, request):
        self.check_query_parameters()
        after = decode_cursor(request.GET["since"]) if "since" in request.GET else 0
        limit = _limit(request.GET.get("limit"))
        found = list(StoryChange.objects.filter(pk__gt=after).order_by("pk")[: limit + 1])
        page = found[:limit]
        # The stories endpoint's address, as the router mounts it: /api/v2/stories/<id>/(ninjs/).
        listing = f"{request.wagtailapi_router.url_namespace}:{STORIES_ENDPOINT}:listing"
        stories = request.build_absolute_uri(reverse(listing))
        return Response(
            {
                "meta": {"next": encode_cursor(page[-1].pk if page else after), "more": len(found) > limit},
                "items": [change_item(change, stories) for change in page],
            }
        )

    def detail_view(self, request, pk):
        raise Http404("changes are listed, not found one by one")

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]
