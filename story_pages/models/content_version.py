from django.db import models


class ContentVersionRecord(models.Model):
    """The content version (story_pages.content_version) as the database knows it: written in the
    same transaction as the change it records, so no change can commit without it."""

    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return str(self.version)
