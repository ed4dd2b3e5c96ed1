from django.db import models


class ContentVersionRecord(models.Model):
    """The content version (story_pages.content_version) as the database knows it: written in the
    same transaction as the change it records, so no change can commit without it."""

    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return str(self.version)


class CacheTagVersion(models.Model):
    """The version of one cache tag (story_pages.cache_tags): the content version of the last
    change to what the tag names, written in that change's transaction like the record above."""

    tag = models.CharField(max_length=100, unique=True)
    version = models.BigIntegerField(db_index=True)

    class Meta:
        verbose_name = "cache tag version"

    def __str__(self):
        return f"{self.tag}: {self.version}"
