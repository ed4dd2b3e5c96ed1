"""Which page lists a language's themes, for a story to link its theme's page.

The theme pages are routes of a page type that mixes in ``ListsThemes`` (story_pages.reading's
ThemeListingMixin; on T63 the home page of each language), so the models find that page without
importing the readers' code.
"""

from wagtail.models import Page, get_page_models


class ListsThemes:
    """Marker of a page type whose routes are the theme pages (``theme_url``)."""


def theme_listing_for(page):
    """The page listing the themes of this page's language: its nearest ancestor that does.

    Wagtail's routing leaves every page it passes through as the next one's parent, so while a
    page is served this walk costs no query; a route that skips levels (a story found by its
    URL) names the page it started from as ``routed_from``; elsewhere the database is asked once.
    """
    if isinstance(routed_from := getattr(page, "routed_from", None), ListsThemes):
        return routed_from
    ancestor = page
    while ancestor.depth > 1:
        ancestor = ancestor.get_parent()
        if isinstance(ancestor, ListsThemes):
            return ancestor
        if type(ancestor) is Page:  # not a parent that routing left: stop walking
            break
    return theme_listing_page(page.locale_id)


def theme_listing_page(locale_id):
    """The live page that lists the themes in this language, if the site has one."""
    for model in get_page_models():
        if issubclass(model, ListsThemes):
            page = (
                model.objects.live()
                .filter(locale_id=locale_id)
                .select_related("locale")
                .order_by("path")
                .first()
            )
            if page is not None:
                return page
    return None
