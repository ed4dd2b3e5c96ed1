"""What an outlet gets for a story that was published and is not any more (unpublished, deleted,
made private, moved out of the public tree): ``410 Gone`` with a ninjs item that cancels it, so a
newsroom system that ingested the story withdraws its copy. No content: only what identifies the
item, its language and when it was withdrawn (story_pages.distribution.changes)."""

from story_pages.distribution.api.ninjs import NINJS_1_STANDARD, NINJS_3_STANDARD, utc_seconds
from story_pages.distribution.changes import change_guid
from story_pages.models import StoryChange


def canceled_ninjs3(change: StoryChange) -> dict:
    return {
        "standard": NINJS_3_STANDARD,
        "uri": change_guid(change),
        "versionCreated": utc_seconds(change.at),
        "pubStatus": "canceled",
        "language": change.locale,
    }


def canceled_ninjs1(change: StoryChange) -> dict:
    return {
        "$standard": NINJS_1_STANDARD,
        "uri": change_guid(change),
        "versioncreated": utc_seconds(change.at),
        "pubstatus": "canceled",
        "language": change.locale,
    }
