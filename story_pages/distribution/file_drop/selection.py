"""Which stories a drop writes and which it cancels, read from the pages and the change feed
(story_pages.distribution.changes, read only)."""

from datetime import datetime

from django.db.models import Q

from story_pages.distribution.api.story_rows import StoryRow
from story_pages.distribution.changes import last_changes
from story_pages.models import StoryChange, StoryPage

BATCH = 50  # stories represented together (StoryBatch reads what they point at once per batch)
Kind = StoryChange.Kind


def story_batches(since: datetime | None):
    """The published stories (of every language) published since ``since``, as rows, a batch at
    a time; with those public again since then without a new publish (a view restriction lifted,
    a move out of a private section), whose files were cancellations."""
    stories = StoryPage.objects.published()
    if since is not None:
        public_again = StoryChange.objects.filter(at__gte=since, kind__in=[Kind.PUBLISHED, Kind.UPDATED])
        stories = stories.filter(Q(last_published_at__gte=since) | Q(pk__in=public_again.values("story_id")))
    ids = list(stories.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        yield StoryRow.of(
            StoryPage.objects.published().filter(pk__in=ids[start : start + BATCH]).order_by("pk")
        )


def withdrawals(since: datetime | None) -> list[StoryChange]:
    """The withdrawal of each story withdrawn since ``since`` (ever, without one) and not public
    again since, oldest first. A story whose language version is public under another page (a
    translation deleted and made again) is not withdrawn: its file is the new page's."""
    withdrawn = StoryChange.objects.filter(kind=Kind.WITHDRAWN)
    if since is not None:
        withdrawn = withdrawn.filter(at__gte=since)
    changes = list(last_changes(withdrawn.values("story_id")).filter(kind=Kind.WITHDRAWN).order_by("id"))
    public = set(
        StoryPage.objects.published()
        .filter(translation_key__in={change.translation_key for change in changes})
        .values_list("translation_key", "locale__language_code")
    )
    return [change for change in changes if (change.translation_key, change.locale) not in public]
