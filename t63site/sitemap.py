"""sitemap.xml over every language's tree (Wagtail's own covers only the default site root),
each page with its language versions as hreflang alternates."""

import functools
import operator

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from story_pages import visibility


class TranslatedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = functools.reduce(
            operator.or_, (Page.objects.descendant_of_q(root, inclusive=True) for root in roots)
        )
        return (
            visibility.published(Page.objects.filter(in_any_tree))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = self._language_versions(pages)
        urls = []
        for item in pages:
            alternates = versions.get(item.translation_key, [])
            own_location = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                # Alternates belong to the page's own URL, not to its sub-routes.
                is_own = url_info["location"] == own_location
                urls.append({**url_info, "alternates": alternates if is_own else []})
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _language_versions(self, pages) -> dict:
        """translation key -> [{lang_code, location}], the default language also as x-default."""
        keys = {page.translation_key for page in pages}
        default = Locale.get_default().language_code
        versions: dict = {}
        for version in visibility.real_versions(keys).select_related("locale"):
            location = version.get_full_url(self.request)
            language = version.locale.language_code
            entries = versions.setdefault(version.translation_key, [])
            entries.append({"lang_code": language, "location": location})
            if language == default:
                entries.append({"lang_code": "x-default", "location": location})
        # A page in one language alone has no alternates (hreflang describes a cluster).
        return {key: entries for key, entries in versions.items() if len(entries) > 2}
