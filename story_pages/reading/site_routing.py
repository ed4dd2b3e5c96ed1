"""Readers' pages routed from the home page of their language, found with the site-wide data.

Before it reaches a page, Wagtail finds at each request the site for the request's host, the
site's root page, its translation in the reader's language (the active locale, then the
translation) and that page's specific object: four or five queries. For T63's sites these are
site-wide data (story_pages.site_wide), read once per content version; a change to a site starts
a new version (story_pages.apps). Any other site (the bench's stock Wagtail site) is served
exactly as Wagtail serves it.
"""

from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Site

from story_pages import site_wide
from story_pages.reading.story_route import DirectStoryRoute


def serve(request, path):
    """Wagtail's view, with the route found from the remembered home page (Wagtail keeps a
    request's route and site on the request, and uses them when they are there)."""
    if (found := _site_and_home(request)) is not None and not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_site, home = found
        parts = [part for part in path.split("/") if part]
        try:
            request._wagtail_route_for_request = home.route(request, parts)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def _site_and_home(request) -> tuple[Site, DirectStoryRoute] | None:
    key = ("site and home page", request.get_host(), request.get_port(), get_language())
    return site_wide.remembered(key, lambda: _find_site_and_home(request))


def _find_site_and_home(request) -> tuple[Site, DirectStoryRoute] | None:
    """As Wagtail's Page.route_for_request finds them; None for a site whose root is not one of
    T63's home pages (which route stories directly)."""
    if (site := Site.find_for_request(request)) is None:
        return None
    home = site.root_page.localized.specific
    return (site, home) if isinstance(home, DirectStoryRoute) else None
