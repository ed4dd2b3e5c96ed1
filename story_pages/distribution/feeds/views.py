"""The feeds themselves: RSS 2.0 and Atom of a language, a province or a theme (see the package's
docstring for their dates and guids)."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from story_pages import story_filters
from story_pages.distribution.feeds.gathering import bodies, first_videos, provinces_of
from story_pages.distribution.feeds.generators import MediaAtomFeedGenerator, MediaRssFeedGenerator
from story_pages.distribution.feeds.items import THUMBNAIL_SPEC, FeedItem
from story_pages.distribution.feeds.scope import FeedScope
from story_pages.distribution.identifiers import story_guid
from story_pages.models import ProvincePage, Theme

FEED_LENGTH = 30


class StoryFeed(Feed):
    """RSS 2.0; the URL's keyword arguments choose the language and the province or theme."""

    feed_type = MediaRssFeedGenerator
    item_guid_is_permalink = False

    def get_object(self, request, lang, code=None, theme=None):
        locale = Locale.objects.get(language_code=lang)  # DoesNotExist: the Feed answers 404
        scope = FeedScope(request, locale)
        if code is not None:
            scope.province = ProvincePage.objects.live().get(code=code, locale=locale)
            scope.provinces = (
                list(scope.province.unit_provinces()) if scope.province.is_current else [scope.province]
            )
        if theme is not None:
            if theme not in Theme.values:
                raise Http404("No such theme.")
            scope.theme = Theme(theme)
        scope.filters = story_filters.StoryFilters.read(request.GET, locale.pk, story_filters.FEED_KEYS)
        return scope

    def get_feed(self, obj, request):
        # The generator turns every value into text here: do it in the feed's language.
        with translation.override(obj.language):
            return super().get_feed(obj, request)

    def title(self, obj):
        """The listing's title; a filtered feed says its filters ("T63 – Kinh tế số, 2024")."""
        labels = ", ".join(obj.filters.labels()) if obj.filters else ""
        if labels and not (obj.province or obj.theme):
            return gettext("T63 – %(filters)s") % {"filters": labels}
        if labels:
            return gettext("%(title)s: %(filters)s") % {"title": self._listing_title(obj), "filters": labels}
        return self._listing_title(obj)

    def _listing_title(self, obj):
        if obj.province:
            return gettext("T63 – stories from %(province)s") % {"province": obj.province.reader_heading}
        if obj.theme:
            return gettext("T63 – %(theme)s stories") % {"theme": obj.theme.label}
        return gettext("T63 – latest stories")

    def description(self, obj):
        if obj.province and len(obj.provinces) > 1:
            return gettext(
                "Digital transformation stories from %(province)s and the provinces merged into it "
                "on 1 July 2025, newest first."
            ) % {"province": obj.province.reader_heading}
        if obj.province:
            return gettext("Digital transformation stories from %(province)s, newest first.") % {
                "province": obj.province.reader_heading
            }
        if obj.theme:
            return gettext(
                "%(theme)s: digital transformation stories from Vietnam's provinces, newest first."
            ) % {"theme": obj.theme.label}
        return gettext("Digital transformation stories from Vietnam's provinces, newest first.")

    def subtitle(self, obj):
        return self.description(obj)  # Atom's name for it

    def link(self, obj):
        if obj.province:
            return obj.province.get_full_url(obj.request)
        site = Site.find_for_request(obj.request)
        home = site.root_page.get_translation_or_none(obj.locale) if site else None
        return home.get_full_url(obj.request) if home else "/"

    def items(self, obj):
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=THUMBNAIL_SPEC)
        stories = list(
            obj.stories()
            .select_related("hero_image", "locale")
            .prefetch_related(Prefetch("hero_image__renditions", queryset=renditions))
            .order_by("-last_published_at", "-pk")[:FEED_LENGTH]  # a correction comes back to the top
        )
        provinces, videos = provinces_of(stories), first_videos(stories, obj.language)
        texts = bodies(stories, obj.request)
        return [
            FeedItem(story, provinces[story.pk], videos.get(story.pk), obj.request, texts.get(story.pk, ""))
            for story in stories
        ]

    def item_title(self, item):
        return item.story.title

    def item_link(self, item):
        return item.story.get_full_url(item.request)

    def item_description(self, item):
        return escape(item.story.summary)  # plain text, inside elements that readers take as HTML

    def item_guid(self, item):
        # Stable across slug and province changes; the same story in another language is another item.
        return story_guid(item.story)

    def item_pubdate(self, item):
        # RSS's only date: the last publication, so that a correction is taken again (see above).
        return item.story.last_published_at

    def item_updateddate(self, item):
        return item.story.last_published_at

    def item_author_name(self, item):
        return item.story.credit_line

    def item_categories(self, item):
        return [Theme(item.story.theme).label, item.province.title]

    def item_copyright(self, item):
        return f"{item.story.licence} ({item.story.licence_url})"

    def item_enclosures(self, item):
        file = item.video_file
        if file is None or file.size is None:
            return []
        return [Enclosure(file.url, str(file.size), file.mime_type)]

    def item_extra_kwargs(self, item):
        return {"media": item.media_rss(), "body_html": item.body_html}


class AtomStoryFeed(StoryFeed):
    feed_type = MediaAtomFeedGenerator

    def item_pubdate(self, item):
        return item.story.first_published_at  # Atom's published; its updated is the last publication
