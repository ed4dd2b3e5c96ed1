from django.db import models


class StoryChange(models.Model):
    """One change to the set of public stories, as the change feed lists it
    (story_pages.distribution.changes records them; /api/v2/changes/ lists them).

    A record for machines, shown to no one (hence labels not translated, as ContentVersionRecord's).
    The id is the feed's sequence: changes are recorded one transaction at a time, so ids grow in
    the order the changes committed and a harvester that has read up to an id never misses an
    earlier one. A story's last change tells whether the feed has it public: published or updated,
    until a withdrawal.
    """

    class Kind(models.TextChoices):
        PUBLISHED = "published", "published"  # enters the public set: first, or again
        UPDATED = "updated", "updated"  # a public story's new version or new place
        WITHDRAWN = "withdrawn", "withdrawn"  # leaves the public set

    class Cause(models.TextChoices):
        PUBLISH = "publish", "published"
        UNPUBLISH = "unpublish", "unpublished"
        DELETE = "delete", "deleted"
        VIEW_RESTRICTION = "view_restriction", "view restriction made or lifted"
        MOVE = "move", "moved"

    id = models.BigAutoField(primary_key=True)
    # Not a foreign key: a deleted story's withdrawal outlives its page.
    story_id = models.BigIntegerField()
    translation_key = models.UUIDField()
    locale = models.CharField(max_length=100)  # the language code
    kind = models.CharField(max_length=20, choices=Kind.choices)
    cause = models.CharField(max_length=20, choices=Cause.choices)
    at = models.DateTimeField()

    class Meta:
        verbose_name = "story change"
        verbose_name_plural = "story changes"
        indexes = [models.Index(fields=["story_id", "id"], name="story_change_story_idx")]

    def __str__(self):
        return f"{self.kind} {self.story_id} ({self.locale})"

    @property
    def is_public(self) -> bool:
        """Whether the story is public as of this change."""
        return self.kind != self.Kind.WITHDRAWN
