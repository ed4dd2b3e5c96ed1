"""One story as a feed item: its video files and its Media RSS (video, captions, thumbnail,
credit and licence)."""

from dataclasses import dataclass, field
from functools import cached_property

from django.http import HttpRequest

from story_pages.blocks import VideoStructValue
from story_pages.distribution import video_files
from story_pages.models import ProvincePage, StoryPage, VideoRendition

THUMBNAIL_SPEC = "fill-1200x630"  # the size newsrooms and social cards expect


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
