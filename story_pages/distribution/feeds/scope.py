"""What one feed request asks for: a language, and a province, a theme or neither, with the
listings' filters."""

from dataclasses import dataclass, field

from django.http import HttpRequest
from wagtail.models import Locale

from story_pages import story_filters
from story_pages.models import ProvincePage, StoryPage, Theme


@dataclass
class FeedScope:
    """What one feed request asks for: a language, and a province, a theme or neither."""

    request: HttpRequest
    locale: Locale
    province: ProvincePage | None = None
    theme: Theme | None = None
    provinces: list[ProvincePage] = field(default_factory=list)  # with those merged into a current unit
    filters: story_filters.StoryFilters | None = None

    @property
    def language(self) -> str:
        return self.locale.language_code

    def stories(self):
        if self.province:
            stories = StoryPage.objects.published_in(self.provinces)
        else:
            stories = StoryPage.objects.published()
        stories = stories.filter(locale=self.locale)
        if self.theme:
            stories = stories.filter(theme=self.theme)
        return self.filters.narrowed(stories) if self.filters else stories
