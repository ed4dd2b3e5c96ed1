"""Purging the CDN when a story changes. Wagtail purges the story's own URL; the pages that list
it (its province, the province index, the front page) would keep the old title or keep showing an
unpublished story until they expire, so they are purged with it."""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache


def purge_listing_pages(sender, instance, **kwargs):
    """Receiver of page_published and page_unpublished for stories."""
    if settings.WAGTAILFRONTENDCACHE:
        purge_pages_from_cache(instance.get_ancestors().live().exclude(depth=1).specific())
