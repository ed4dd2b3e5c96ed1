"""RSS 2.0 and Atom feeds of the latest published stories, for newsroom systems to harvest.

One feed per language for all stories, for a province (a current unit includes the provinces
merged into it) and for a theme, each narrowed by the reader listings' filters in its query
string (story_filters; unknown values ignored). Each item carries the whole story, so a newsroom
can take it without opening the page: its body as HTML with absolute URLs (RSS
``content:encoded``, Atom ``<content type="html">``; the API's ``body_html``), its summary as
the description, its credit line and licence, and Media RSS for its video and hero image: an
uploaded video is a media:group of its web renditions (the 720p one the default, and the
enclosure) and the broadcasters' master, with a media:subTitle per caption file.

A correction is a new item date under the same guid. The feeds hold the stories last published
most recently, and an RSS item's ``pubDate`` is when the story was last published, with
``atom:updated`` the same: RSS has no other date a reader is sure to read, and aggregators
(Superdesk's RSS ingest among them: it skips an entry whose date is not later than its last
poll) take the story again only when its date moves. The guid never changes, so the corrected
story replaces the one taken before instead of arriving twice. Atom says both: ``published``
(first published) and ``updated`` (last published).
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, rfc3339_date
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from story_pages import story_filters
from story_pages.blocks import VideoStructValue
from story_pages.distribution import video_files
from story_pages.distribution.api.representation import StoryBatch
from story_pages.distribution.api.story_rows import StoryRow
from story_pages.distribution.identifiers import story_guid
from story_pages.models import ProvincePage, StoryPage, Theme, VideoRendition

FEED_LENGTH = 30
MRSS_NAMESPACE = "http://search.yahoo.com/mrss/"
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
THUMBNAIL_SPEC = "fill-1200x630"  # the size newsrooms and social cards expect


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


@dataclass
class VideoFile:
    url: str
    mime_type: str
    size: int | None
    width: int | None = None
    height: int | None = None


@dataclass
class FirstVideo:
    """A story's first video block, with its web renditions (smallest first) and the languages of
    its caption files (video_files.caption_languages)."""

    block_id: str | None
    value: VideoStructValue
    renditions: list[VideoRendition] = field(default_factory=list)
    caption_languages: list[str] = field(default_factory=list)


@dataclass
class FeedItem:
    """A story with what its item needs, gathered for the whole feed in a few queries."""

    story: StoryPage
    province: ProvincePage
    first_video: FirstVideo | None
    request: HttpRequest
    body_html: str = ""

    @property
    def video(self) -> VideoStructValue | None:
        return self.first_video.value if self.first_video else None

    @cached_property
    def master(self) -> VideoFile | None:
        """The uploaded file: the broadcasters' master."""
        if self.video is None or self.video.source != "upload":
            return None
        media = self.video["media"]
        try:
            size = media.file.size
        except OSError:  # a lost file should not take the whole feed down
            size = None
        url = self.request.build_absolute_uri(media.file.url)
        return VideoFile(url, video_files.master_type(media), size, media.width, media.height)

    @cached_property
    def web_files(self) -> list[VideoFile]:
        """The web renditions, the one readers' players take first (720p) first."""
        renditions = self.first_video.renditions if self.master else []
        default = video_files.web_rendition(renditions)
        ordered = ([default] if default else []) + [r for r in renditions if r is not default]
        absolute = self.request.build_absolute_uri
        return [VideoFile(absolute(r.file.url), video_files.MP4, r.size, r.width, r.height) for r in ordered]

    @property
    def video_file(self) -> VideoFile | None:
        """The file a feed reader plays: a web rendition (720p if there is one), else the master."""
        return (self.web_files or [self.master])[0] if self.master else None

    def media_rss(self) -> dict:
        """The attributes and text of the item's Media RSS elements."""
        story = self.story
        media = {
            "credit": story.credit_line,
            "licence": (story.licence, {"type": "text/html", "href": story.licence_url}),
            "contents": self._video_contents() if self.video is not None else [],
            "subtitles": self._subtitles(),
        }
        if story.hero_image:
            rendition = story.hero_image.get_rendition(THUMBNAIL_SPEC)
            media["thumbnail"] = {
                "url": self.request.build_absolute_uri(rendition.url),
                "width": str(rendition.width),
                "height": str(rendition.height),
            }
        return media

    def _video_contents(self) -> list[dict]:
        """media:content of each file of the video, the one to play first: the 720p rendition,
        the other renditions, then the broadcasters' master (an embed: its page)."""
        duration = {"duration": str(round(self.video.duration))} if self.video.duration is not None else {}
        if self.master is None:
            return [{"url": self.video["embed_url"], "medium": "video", **duration}]
        contents = []
        for file in [*self.web_files, self.master]:
            content = {"url": file.url, "type": file.mime_type, "medium": "video"}
            if file.size is not None:
                content["fileSize"] = str(file.size)
            if file.width and file.height:
                content |= {"width": str(file.width), "height": str(file.height)}
            contents.append({**content, **duration, "isDefault": "false"})
        contents[0]["isDefault"] = "true"
        return contents

    def _subtitles(self) -> list[dict]:
        if self.first_video is None:
            return []
        files = video_files.caption_files(
            self.request, self.story, self.first_video.block_id, self.first_video.caption_languages
        )
        return [{"type": video_files.WEBVTT, "lang": file["language"], "href": file["url"]} for file in files]


def _provinces_of(stories) -> dict[int, ProvincePage]:
    """Each story's province, in one query (its parent's path is its own, one step shorter)."""
    parent_paths = {story.path[: -Page.steplen] for story in stories}
    by_path = {province.path: province for province in ProvincePage.objects.filter(path__in=parent_paths)}
    return {story.pk: by_path[story.path[: -Page.steplen]] for story in stories}


# A URL from the site's root in the body: the API's body has none, but a reader must not depend on it.
_ROOT_RELATIVE = re.compile(r'(\s(?:href|src|poster)=")/(?!/)')


def _bodies(stories, request) -> dict[int, str]:
    """Each story's body as the API gives it (``body_html``: clean HTML, absolute URLs), made for
    the whole feed in the API's fixed number of queries."""
    rows = StoryRow.of(StoryPage.objects.filter(pk__in=[story.pk for story in stories]))
    batch = StoryBatch(rows, request)
    site_root = request.build_absolute_uri("/")

    def absolute(html: str) -> str:
        return _ROOT_RELATIVE.sub(lambda match: match.group(1) + site_root, html)

    return {row.pk: absolute(batch.represent(row)["body_html"]) for row in rows}


def _first_videos(stories, language: str) -> dict[int, FirstVideo]:
    """Each story's first video, in a fixed number of queries: the uploaded files of all of them,
    their renditions, and (in a translation's feed) the originals' captioned videos."""
    raw_videos = {}
    for story in stories:
        for block in story.body.raw_data:
            value = block["value"]
            if block["type"] == "video" and (value.get("media") or value.get("embed_url")):
                raw_videos[story.pk] = block
                break
    video_block = StoryPage._meta.get_field("body").stream_block.child_blocks["video"]
    values = video_block.bulk_to_python([block["value"] for block in raw_videos.values()])
    videos = {
        pk: FirstVideo(block.get("id"), value)
        for (pk, block), value in zip(raw_videos.items(), values, strict=True)
        if value.source
    }
    uploads = {pk: video for pk, video in videos.items() if video.value.source == "upload"}
    renditions = video_files.renditions_of(video.value["media"].pk for video in uploads.values())
    keys = {story.pk: story.translation_key for story in stories}
    originals = video_files.originals_captioned_uploads(
        keys[pk]
        for pk, video in uploads.items()
        if language != video_files.original_language() and video.value.cues
    )
    for pk, video in uploads.items():
        video.renditions = renditions.get(video.value["media"].pk, [])
        video.caption_languages = video_files.caption_languages(
            language, video.block_id, bool(video.value.cues), originals.get(keys[pk])
        )
    return videos


class MediaRssMixin:
    """Writes each item's Media RSS elements after the ones the base generator writes."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        media = item["media"]
        contents = media["contents"]
        if len(contents) > 1 or media["subtitles"]:  # the same video, as different files
            handler.startElement("media:group", {})
            for content in contents:
                handler.addQuickElement("media:content", None, content)
            for subtitle in media["subtitles"]:
                handler.addQuickElement("media:subTitle", None, subtitle)
            handler.endElement("media:group")
        elif contents:
            handler.addQuickElement("media:content", None, contents[0])
        if "thumbnail" in media:
            handler.addQuickElement("media:thumbnail", None, media["thumbnail"])
        handler.addQuickElement("media:credit", media["credit"], {"role": "author"})
        licence_name, licence_attrs = media["licence"]
        handler.addQuickElement("media:license", licence_name, licence_attrs)


class MediaRssFeedGenerator(MediaRssMixin, Rss201rev2Feed):
    """RSS 2.0 with the full text (content:encoded) and the last publication (atom:updated: the
    RSS generator writes no item's updateddate)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MRSS_NAMESPACE, "xmlns:content": CONTENT_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["body_html"])


class MediaAtomFeedGenerator(MediaRssMixin, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MRSS_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["body_html"], {"type": "html"})


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
        provinces, videos = _provinces_of(stories), _first_videos(stories, obj.language)
        bodies = _bodies(stories, obj.request)
        return [
            FeedItem(story, provinces[story.pk], videos.get(story.pk), obj.request, bodies.get(story.pk, ""))
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
