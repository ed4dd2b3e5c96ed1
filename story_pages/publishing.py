"""Only those who may publish a page make it live, whichever path publishes it.

Wagtail checks the publish permission when a user is named, but paths that publish "on behalf of"
someone name nobody: wagtail-localize publishes a translation from an on-commit callback with
no user (its update view, "Publish immediately", checks only ``submit_translation``), so a
translator could make an English page live without review. Here the person is the one who asked
(``user``) or, when nobody is named, the author of the revision being published. A revision
published by the scheduler was checked when it was scheduled; a revision without an author
comes from the system (commands, data loads).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.actions.publish_page_revision import PublishPagePermissionError

REFUSED = _("Only a moderator may publish this page; it is kept as a draft for review.")


def may_publish(user, page) -> bool:
    return page.permissions_for_user(user).can_publish()


def acting_user(revision, user):
    """Who is publishing ``revision``: the user named, else its author unless it was scheduled."""
    if user is not None:
        return user
    if revision.approved_go_live_at is not None:  # scheduled by someone who could publish
        return None
    return revision.user


class PublishedByPublishers:
    """Page mixin: ``publish()`` refuses anyone without the page's publish permission, even when
    the caller asked to skip Wagtail's own check (Wagtail's views skip it after checking)."""

    def publish(self, revision, user=None, *args, **kwargs):
        person = acting_user(revision, user)
        if person is not None and not may_publish(person, self):
            raise PublishPagePermissionError(str(REFUSED))
        return super().publish(revision, user, *args, **kwargs)

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") == ["alias_of_id"] and self.alias_of_id is None and self.live:
            _unpublish_converted_alias(self, kwargs)
        return super().save(*args, **kwargs)


def _unpublish_converted_alias(page, save_kwargs):
    """Works around wagtail-localize (and Wagtail's "convert alias") turning a live alias into a
    page of its own in place, still live: its first draft would be public at once, with the
    original's text, reviewed by nobody in that language.

    ``Translation.save_target(publish=False)`` (the translator's "Save draft", and "Translate"
    with WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE off) keeps the converted page live, so
    every later draft of the translation would be public at once. The converted page starts as
    an unpublished draft instead; publishing the translation makes it live. Can go when
    wagtail-localize keeps converted aliases as drafts.
    """
    page.live = False
    page.first_published_at = page.last_published_at = None
    save_kwargs["update_fields"] = ["alias_of_id", "live", "first_published_at", "last_published_at"]
