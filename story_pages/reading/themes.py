"""Theme pages: the stories of one theme, at /chu-de/<theme>/ and /en/themes/<theme>/.

They are routes of a page that mixes in ThemeListingMixin (on T63, the home page of each
language), so every language's theme pages live under its own home page and language prefix.
The URL words are fixed per language rather than translated through the catalogue, so a
Vietnamese URL never depends on a compiled .mo file.
"""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from story_pages import story_filters, visibility
from story_pages.models import StoryPage, Theme
from story_pages.models.theme_listing import ListsThemes
from story_pages.story_filters import panel as filter_panel

PATH_WORDS = {"vi": "chu-de", "en": "themes"}
DEFAULT_PATH_WORD = "themes"
# The Vietnamese slugs are the themes' own values (as in the API and the feeds).
SLUGS = {
    "en": {
        Theme.DIGITAL_GOVERNMENT: "digital-government",
        Theme.DIGITAL_ECONOMY: "digital-economy",
        Theme.DIGITAL_SOCIETY: "digital-society",
    }
}
DESCRIPTIONS = {
    Theme.DIGITAL_GOVERNMENT: _("Public services online, shared data and faster, more open administration."),
    Theme.DIGITAL_ECONOMY: _(
        "Businesses, farmers and markets going digital: e-commerce, cashless payments, platforms."
    ),
    Theme.DIGITAL_SOCIETY: _(
        "Health, education and daily life: digital skills and services for every citizen."
    ),
}

# The theme is the page's own: every other filter narrows it further.
FILTER_KEYS = tuple(key for key in story_filters.KEYS if key != "theme")
_WORDS_PATTERN = "|".join(sorted({*PATH_WORDS.values(), DEFAULT_PATH_WORD}))


def path_word(language: str) -> str:
    return PATH_WORDS.get(language, DEFAULT_PATH_WORD)


def theme_slug(theme: str, language: str) -> str:
    return SLUGS.get(language, {}).get(theme, theme)


def theme_from_slug(slug: str, language: str) -> Theme | None:
    """The theme of a slug in this language, or of a theme's own value (the API's and feeds' name)."""
    return next((Theme(t) for t in Theme.values if slug in (t, theme_slug(t, language))), None)


@dataclass(frozen=True)
class ThemeLink:
    theme: Theme
    url: str

    @property
    def label(self) -> str:
        return self.theme.label

    @property
    def description(self) -> str:
        return DESCRIPTIONS.get(self.theme, "")


class ThemeListingMixin(ListsThemes, RoutablePageMixin):
    """Adds a listing page for each theme, showing the stories in this page's language."""

    theme_template = "story_pages/theme_page.html"

    def theme_subpath(self, theme: str, language: str | None = None) -> str:
        language = language or self.locale.language_code
        return self.reverse_subpage(
            "theme", kwargs={"word": path_word(language), "slug": theme_slug(theme, language)}
        )

    def theme_url(self, theme: str, request=None, language: str | None = None) -> str:
        return self.get_url(request) + self.theme_subpath(theme, language)

    def theme_links(self, request=None) -> list[ThemeLink]:
        base_url = self.get_url(request)
        return [ThemeLink(Theme(theme), base_url + self.theme_subpath(theme)) for theme in Theme.values]

    @re_path(rf"^(?P<word>{_WORDS_PATTERN})/(?P<slug>[-a-z]+)/$", name="theme")
    def theme_stories(self, request, word, slug):
        language = self.locale.language_code
        theme = theme_from_slug(slug, language)
        if theme is None or word != path_word(language):
            raise Http404("No such theme in this language.")
        if slug != theme_slug(theme, language):  # /en/themes/kinh-te-so/ -> /en/themes/digital-economy/
            return redirect(self.theme_url(theme, request), permanent=True)
        stories = StoryPage.objects.in_language(self.locale_id).filter(theme=theme)
        moved, context = filter_panel.listing(request, self.locale, stories, FILTER_KEYS)
        if moved:
            return moved
        rss, atom = filter_panel.feed_urls(
            "theme_", context["filter_panel"].feed_query, lang=language, theme=theme.value
        )
        return self.render(
            request,
            template=self.theme_template,
            context_overrides=context
            | {
                "theme": ThemeLink(theme, self.theme_url(theme, request)),
                "other_themes": [link for link in self.theme_links(request) if link.theme != theme],
                "translated_urls": self._theme_urls_by_language(theme, request),
                "feed_rss": rss,
                "feed_atom": atom,
            },
        )

    def _theme_urls_by_language(self, theme: str, request) -> dict[str, str]:
        """This theme's page in every language this listing page is translated into."""
        versions = visibility.real_versions([self.translation_key], type(self).objects.all())
        return {
            page.locale.language_code: page.theme_url(theme, request)
            for page in versions.select_related("locale")
        }

    def get_sitemap_urls(self, request=None):
        base_url = self.get_full_url(request)
        themes = [{"location": base_url + self.theme_subpath(theme)} for theme in Theme.values]
        return super().get_sitemap_urls(request) + themes
