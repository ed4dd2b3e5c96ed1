from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from story_pages import site_wide
from story_pages.models import ConferencePage, ProvinceIndexPage, StoryPage
from story_pages.publishing import PublishedByPublishers
from story_pages.reading import listings
from story_pages.reading.all_stories import AllStoriesMixin
from story_pages.reading.story_route import DirectStoryRoute
from story_pages.reading.themes import ThemeListingMixin
from story_pages.visibility import PrivateLikeItsSource

LATEST_STORIES = 12


class HomePage(
    PublishedByPublishers, PrivateLikeItsSource, DirectStoryRoute, ThemeListingMixin, AllStoriesMixin, Page
):
    """The front page of each language; the theme pages (/chu-de/…, /en/themes/…) and all stories
    (/cau-chuyen/, /en/stories/) are its routes."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "story_pages.ProvinceIndexPage",
        "story_pages.SolutionIndexPage",
        "story_pages.ConferenceIndexPage",
        "story_pages.LearningPathIndexPage",
        "story_pages.InformationPage",
    ]
    max_count_per_parent = 1

    override_translatable_fields = [TranslatableField("title"), TranslatableField("intro")]

    class Meta:
        verbose_name = _("home page")

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request, context_overrides=self.front_page_context(request))

    def front_page_context(self, request) -> dict:
        """Featured stories (the newest of each theme), the latest others, the themes and the map."""
        featured, latest = StoryPage.objects.in_language(self.locale_id).front_page(latest=LATEST_STORIES)
        return {
            "featured_stories": featured,
            "latest_stories": latest,
            "themes": self.theme_links(request),
            "all_stories_url": self.all_stories_url(request),
            "province_index": site_wide.remembered(
                ("province index", self.locale_id),
                lambda: ProvinceIndexPage.objects.live().filter(locale_id=self.locale_id).first(),
            ),
            "province_map": listings.province_map(self.locale_id, request),
            "upcoming_conferences": ConferencePage.upcoming(self.locale_id),
        }
