"""The change feed's record (/api/v2/changes/): every change to the set of public stories, kept
in StoryChange by the signals that bump the content version (wired in story_pages/apps.py).

A change is found, not assumed. Each signal names the pages it may have changed: the story
published or unpublished, a deleted page, a moved page with everything under it, the section a
view restriction guards. Those pages' state now (``StoryPage.objects.published()``, the API's own
definition: live, outside private sections, not an alias) is compared with what the feed has
announced (each story's last change):
- public now, not announced: *published*, whether for the first time or again after a withdrawal
  (a harvester creates or restores it);
- public and announced, and published again or moved to another URL: *updated*;
- announced, not public now: *withdrawn* (unpublished, deleted, made private by a restriction on
  it or an ancestor, moved into a private section, a translation unpublished).
So a restriction on a province withdraws exactly its public stories, a private story's publish
records nothing, and an alias (an untranslated placeholder) never appears.

Changes are recorded in the transaction of the change when the caller has one (Wagtail's move and
delete, a view's or a test's atomic block), else in their own at once after it (and then the
content version is bumped again, so that no answer cached in between outlives them); and one
transaction at a time (an advisory lock on PostgreSQL; SQLite has a single writer anyway), so
the feed's ids grow in commit order: a harvester that read up to an id cannot miss an earlier one.
"""

import uuid
from contextlib import contextmanager
from types import SimpleNamespace

from django.db import transaction
from django.db.models import Max, QuerySet
from django.dispatch import Signal
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from story_pages import cache_tags, content_version, visibility
from story_pages.distribution.identifiers import story_guid
from story_pages.models import StoryChange, StoryPage

Kind, Cause = StoryChange.Kind, StoryChange.Cause
# pg_advisory_xact_lock's key for "one writer of the change feed at a time" (b"t63chg").
LOCK_KEY = int.from_bytes(b"t63chg", "big")
# Sent with the changes just recorded (``changes``, a list of StoryChange), inside the transaction
# that records them: what follows them (webhooks) is rolled back with them.
changes_recorded = Signal()


# Signal receivers ------------------------------------------------------------------------------


def story_published(sender, instance, **kwargs):
    """page_published: the story is new to the feed, or updated. An alias's update (Wagtail sends
    one for each alias of a published page) is never public."""
    if _is_story(sender) and not kwargs.get("alias"):
        record([instance.pk], Cause.PUBLISH, renewed={instance.pk})


def story_unpublished(sender, instance, **kwargs):
    if _is_story(sender):
        record([instance.pk], Cause.UNPUBLISH)


def page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    """post_page_move: the page and everything under it may have left or entered a private
    section; those that stay public have a new URL (unless the move only reordered siblings)."""
    subtree = Page.objects.filter(path__startswith=instance.path).values("pk")
    record(subtree, Cause.MOVE, every_public_renewed=url_path_before != url_path_after)


def page_deleted(sender, instance, **kwargs):
    """post_delete of each Page row: a deleted section sends it once per page."""
    record([instance.pk], Cause.DELETE)


def restriction_changed(sender, instance, origin=None, **kwargs):
    """post_save and post_delete of a PageViewRestriction: its section became private or public.
    A restriction deleted with its page (the deletion's origin is the page) changes nothing: each
    page's deletion is recorded on its own."""
    if origin is not None:
        model = origin.model if isinstance(origin, QuerySet) else type(origin)
        if not issubclass(model, PageViewRestriction):
            return
    section = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if section is not None:
        record(Page.objects.filter(path__startswith=section).values("pk"), Cause.VIEW_RESTRICTION)


# Recording ---------------------------------------------------------------------------------------


def record(candidates, cause: str, *, renewed=frozenset(), every_public_renewed=False) -> list[StoryChange]:
    """Records the changes to the public state of the pages ``candidates`` (ids, or a queryset of
    them) since the feed last announced them. ``renewed``: ids of pages that have a new version
    (updated if they stay public); ``every_public_renewed``: every one of them has."""
    with transaction.atomic(savepoint=False):
        _one_writer_at_a_time()
        with _private_sections_read_afresh():
            public = {
                pk: (key, language)
                for pk, key, language in StoryPage.objects.published()
                .filter(pk__in=candidates)
                .values_list("pk", "translation_key", "locale__language_code")
            }
        announced = {change.story_id: change for change in last_changes(candidates) if change.is_public}
        now = timezone.now()
        changes = []
        for pk in sorted(public.keys() | announced.keys()):
            if pk not in public:
                kind, (key, language) = Kind.WITHDRAWN, (announced[pk].translation_key, announced[pk].locale)
            elif pk not in announced:
                kind, (key, language) = Kind.PUBLISHED, public[pk]
            elif every_public_renewed or pk in renewed:
                kind, (key, language) = Kind.UPDATED, public[pk]
            else:
                continue
            changes.append(
                StoryChange(story_id=pk, translation_key=key, locale=language, kind=kind, cause=cause, at=now)
            )
        changes = StoryChange.objects.bulk_create(changes)
        if changes:
            changes_recorded.send(sender=StoryChange, changes=changes)
    if changes and not transaction.get_connection().in_atomic_block:
        # Committed on their own, after the change's bump of the content version (the change
        # committed first): a request in between may have cached the feed without them under the
        # new version. A version newer than their commit makes every cached answer stale. (In a
        # transaction the bump's version reaches the cache once everything has committed.) Only
        # the listings show the feed: the API's and the feeds' answers depend on them.
        content_version.bump_tags({cache_tags.LISTINGS})
    return changes


def last_changes(story_ids) -> QuerySet:
    """The last change of each of these stories (ids, or a queryset of them) that has one."""
    last = (
        StoryChange.objects.filter(story_id__in=story_ids)
        .order_by()
        .values("story_id")
        .annotate(last=Max("id"))
        .values("last")
    )
    return StoryChange.objects.filter(id__in=last)


def last_change(story_id: int) -> StoryChange | None:
    """The story's last change, None if the feed never listed it (never published, an alias)."""
    return StoryChange.objects.filter(story_id=story_id).order_by("-id").first()


def change_guid(change: StoryChange) -> str:
    """The story's guid (identifiers.story_guid), as the API and the feeds give it."""
    key = change.translation_key
    story = SimpleNamespace(
        translation_key=key if isinstance(key, uuid.UUID) else uuid.UUID(str(key)),
        locale=SimpleNamespace(language_code=change.locale),
    )
    return story_guid(story)


def _is_story(sender) -> bool:
    return isinstance(sender, type) and issubclass(sender, StoryPage)


def _one_writer_at_a_time() -> None:
    """Holds the change feed's lock until the transaction ends. Taken before the state is read,
    so each transaction compares with what the one before it committed."""
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


@contextmanager
def _private_sections_read_afresh():
    """visibility reads the private sections once per request (its memo); the change being
    recorded may have made or lifted one since, in this very request (the admin's privacy view
    reads the page's restrictions before saving the new one). Outside a request every read asks."""
    token = visibility._this_request.set(None)
    try:
        yield
    finally:
        visibility._this_request.reset(token)
