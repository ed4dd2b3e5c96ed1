"""The readers' commonest request, a story page, routed in one query instead of two per level
(its province comes from the province directory, story_pages.provinces.directory). The same query
reads the story's versions in the other languages, which its language links show.

Wagtail walks the tree one level at a time (a child by slug, then its specific page). A story
sits three levels below the home page (province index / province / story), and Wagtail keeps
each page's url_path equal to its slugs joined, so the story found by its url_path is the page
the walk would reach. Anything else takes the usual walk.
"""

from django.db.models import Subquery
from wagtail.models import Locale, Page
from wagtail.url_routing import RouteResult

from story_pages import site_wide
from story_pages.models import StoryPage
from story_pages.provinces import directory

STORY_LEVELS = 3  # tinh-thanh / <province> / <story>


class DirectStoryRoute:
    """For the page at the top of a language's reader tree (the home page)."""

    def route(self, request, path_components):
        # Every page routed below the home page asks for its language: the home page's locale, kept
        # with the site-wide data instead of read at each request.
        if not self.__class__.locale.is_cached(self):
            self.locale = site_wide.remembered(
                ("locale", self.locale_id), lambda: Locale.objects.get(pk=self.locale_id)
            )
        if len(path_components) == STORY_LEVELS:
            if story := self._live_story_at(path_components):
                return RouteResult(story)
        return super().route(request, path_components)

    def _live_story_at(self, path_components) -> StoryPage | None:
        url_path = self.url_path + "/".join(path_components) + "/"
        at_url = Page.objects.filter(
            slug=path_components[-1], url_path=url_path, path__startswith=self.path, live=True
        )
        versions = list(
            StoryPage.objects.select_related("locale", "hero_image").filter(
                translation_key=Subquery(at_url.values("translation_key")[:1]), live=True
            )
        )
        story = next((page for page in versions if page.url_path == url_path), None)
        if story is None:
            return None
        story.live_versions = versions  # home.language_versions: which of them readers may see
        province_path = story.path[: -StoryPage.steplen]
        province = directory.province_at(province_path)
        # The parent the level-by-level walk would have left (treebeard's get_parent() reads
        # _cached_parent_obj): the story page asks for its province. The province index between
        # them is never read while a story is served; the page listing the themes, which the
        # story links, is this one.
        story._cached_parent_obj = province
        story.__dict__["province"] = province  # primes the cached_property
        story.routed_from = self
        return story
