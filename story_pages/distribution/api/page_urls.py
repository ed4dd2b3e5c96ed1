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
from wagtail.models import Site

SAFE = RFC3986_SUBDELIMS + "/~:@"  # what Django's reverse() leaves unquoted


class PageUrls:
    def __init__(self, request=None):
        self.request = request
        self.roots = Site.get_site_root_paths()  # cached by Wagtail, cleared when sites change
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
