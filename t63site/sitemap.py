"""sitemap.xml over every language's tree: Wagtail's own covers only the default site root."""

import functools
import operator

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = functools.reduce(
            operator.or_, (Page.objects.descendant_of_q(root, inclusive=True) for root in roots)
        )
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .filter(alias_of__isnull=True)  # untranslated copies are not English pages
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
