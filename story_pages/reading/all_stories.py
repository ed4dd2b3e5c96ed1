"""All stories, at /cau-chuyen/ and /en/stories/: every published story of a language, filtered
and sorted by story_filters.

Like the theme pages, a route of a page that mixes in AllStoriesMixin (on T63, each language's
home page), so it exists in every language the home page is translated into without a page type
of its own; the URL word is fixed per language, as the theme pages' are.
"""

from django.http import Http404
from django.utils.translation import gettext
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from story_pages import visibility
from story_pages.models import StoryPage
from story_pages.story_filters import panel as filter_panel

PATH_WORDS = {"vi": "cau-chuyen", "en": "stories"}
DEFAULT_PATH_WORD = "stories"
_WORDS_PATTERN = "|".join(sorted({*PATH_WORDS.values(), DEFAULT_PATH_WORD}))


def path_word(language: str) -> str:
    return PATH_WORDS.get(language, DEFAULT_PATH_WORD)


class AllStoriesMixin(RoutablePageMixin):
    all_stories_template = "story_pages/all_stories.html"

    def all_stories_url(self, request=None, language: str | None = None) -> str:
        language = language or self.locale.language_code
        return self.get_url(request) + self.reverse_subpage(
            "all_stories", kwargs={"word": path_word(language)}
        )

    @re_path(rf"^(?P<word>{_WORDS_PATTERN})/$", name="all_stories")
    def all_stories(self, request, word):
        if word != path_word(self.locale.language_code):
            raise Http404("Not this language's word for stories.")
        moved, context = filter_panel.listing(
            request, self.locale, StoryPage.objects.in_language(self.locale_id)
        )
        if moved:
            return moved
        panel = context["filter_panel"]
        rss, atom = filter_panel.feed_urls("", panel.feed_query, lang=self.locale.language_code)
        context |= {
            "feed_rss": rss,
            "feed_atom": atom,
            # The feed's own title (distribution.feeds), said the same way in the page's link.
            "feed_title": gettext("T63 – %(filters)s") % {"filters": ", ".join(panel.labels)}
            if panel.labels
            else gettext("T63 – latest stories"),
            "listing_name": filter_panel.filtered_name(gettext("All stories"), panel),
            "listing_url": self._full_url_of(request),
            "translated_urls": self._all_stories_urls(request),
        }
        return self.render(request, template=self.all_stories_template, context_overrides=context)

    def _full_url_of(self, request) -> str:
        """This request's URL on the site's own address (T63_SITE_URL), as page URLs are written."""
        _site_id, root_url, _path = self.get_url_parts(request) or (None, None, None)
        return (root_url or request.build_absolute_uri("/").rstrip("/")) + request.get_full_path()

    def _all_stories_urls(self, request) -> dict[str, str]:
        versions = visibility.real_versions([self.translation_key], type(self).objects.all())
        return {
            page.locale.language_code: page.all_stories_url(request)
            for page in versions.select_related("locale")
        }

    def get_sitemap_urls(self, request=None):
        base_url = self.get_full_url(request)
        word = path_word(self.locale.language_code)
        location = base_url + self.reverse_subpage("all_stories", kwargs={"word": word})
        return super().get_sitemap_urls(request) + [{"location": location}]
