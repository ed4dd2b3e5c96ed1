"""Each format's file, of a story or of a withdrawn story, as the API serves them."""

from story_pages.distribution.api.newsml import MEDIA_TYPE, story_message
from story_pages.distribution.api.renderers import FastJSONRenderer
from story_pages.distribution.api.views import NINJS_VERSIONS
from story_pages.distribution.api.withdrawn import canceled_ninjs1, canceled_ninjs3
from story_pages.distribution.file_drop.cancellation import canceled_message
from story_pages.models import StoryChange

CONTENT_TYPES = {"newsml": MEDIA_TYPE, "ninjs": "application/json", "ninjs1": "application/json"}
_CANCELED_NINJS = {"ninjs": canceled_ninjs3, "ninjs1": canceled_ninjs1}


def story_document(format_name: str, item: dict, story, request) -> bytes:
    """``item``: the story's API representation (StoryBatch.represent)."""
    if format_name == "newsml":
        return story_message(item, story, request)
    return FastJSONRenderer().render(NINJS_VERSIONS[format_name.removeprefix("ninjs") or "3"](item, story))


def canceled_document(format_name: str, change: StoryChange, version: int, request) -> bytes:
    if format_name == "newsml":
        return canceled_message(change, version, request)
    return FastJSONRenderer().render(_CANCELED_NINJS[format_name](change))
