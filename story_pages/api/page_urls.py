"""Absolute page URLs for a whole batch of pages from their ``url_path`` alone.

``Page.get_full_url`` finds the site root and reverses ``wagtail_serve`` inside
``translation.override`` for every page; over a page of API results that is most of the cost
of the URLs. The same rules are applied here once per site root and language.
"""

from urllib.parse import quote

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath

SAFE = RFC3986_SUBDELIMS + "/~:@"  # what Django's reverse() leaves unquoted


class PageUrls:
    def __init__(self, request=None):
        self.request = request
        self.roots = site_root_paths()
        self._prefixes: dict[str, str | None] = {}
        self._request_site_id = None

    def full_url(self, url_path: str) -> str | None:
        """What ``page.get_full_url(request)`` returns for the page at ``url_path``."""
        matches = [root for root in self.roots if url_path.startswith(root.root_path)]
        if not matches:
            return None
        root = self._preferred(matches)
        prefix = self._prefix(root.language_code)
        if prefix is None:
            return None
        path = prefix + quote(url_path[len(root.root_path) :], safe=SAFE)
        if not WAGTAIL_APPEND_SLASH and path != "/":
            path = path.rstrip("/")
        return root.root_url + path

    def _preferred(self, matches):
        """The first match, unless the page belongs to several sites: then the request's site."""
        if len({root.site_id for root in matches}) > 1 and self.request is not None:
            if self._request_site_id is None:
                site = Site.find_for_request(self.request)
                self._request_site_id = site.pk if site else 0
            for root in matches:
                if root.site_id == self._request_site_id:
                    return root
        return matches[0]

    def _prefix(self, language_code: str) -> str | None:
        """The URL of a site root in this language: "/" or "/en/" with i18n_patterns."""
        if language_code not in self._prefixes:
            try:
                if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
                    with translation.override(language_code):
                        self._prefixes[language_code] = reverse("wagtail_serve", args=("",))
                else:
                    self._prefixes[language_code] = reverse("wagtail_serve", args=("",))
            except NoReverseMatch:  # a headless site: pages have no URL
                self._prefixes[language_code] = None
        return self._prefixes[language_code]


def site_root_paths() -> list[SiteRootPath]:
    """``Site.get_site_root_paths()`` (most specific root first, each root in every language)
    from two plain queries: Wagtail's builds page objects, on every request when uncached."""
    sites = Site.objects.order_by("-root_page__url_path", "-is_default_site", "hostname").values_list(
        "id", "hostname", "port", "root_page__translation_key"
    )
    sites = [(site_id, Site(hostname=host, port=port).root_url, key) for site_id, host, port, key in sites]
    roots_by_key: dict = {}
    translations = Page.objects.filter(translation_key__in={key for *_, key in sites}).order_by("path")
    for key, url_path, language in translations.values_list(
        "translation_key", "url_path", "locale__language_code"
    ):
        roots_by_key.setdefault(key, []).append((url_path, language))
    return [
        SiteRootPath(site_id, url_path, root_url, language)
        for site_id, root_url, key in sites
        for url_path, language in roots_by_key.get(key, [])
    ]
