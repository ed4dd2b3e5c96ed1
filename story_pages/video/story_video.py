"""What link previews and search engines are told about a story's video: the first video block."""

import mimetypes
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from story_pages.blocks import embed_provider

_VIDEO_ID = re.compile(r"^[\w-]+$")


@dataclass(frozen=True)
class StoryVideo:
    source: str  # "upload" or "embed"
    duration: float | None
    content_url: str | None = None  # the uploaded file, absolute
    mime_type: str | None = None
    width: int | None = None
    height: int | None = None
    poster_url: str | None = None  # the frame measured from an upload
    embed_url: str | None = None  # the provider's player, for an embed
    page_url: str | None = None  # the video's own page at the provider


def first_video(story, request) -> StoryVideo | None:
    for block in story.body:
        if block.block_type != "video":
            continue
        value = block.value
        if value.source == "upload":
            return _uploaded(value, request)
        if value.source == "embed":
            url = value["embed_url"]
            return StoryVideo("embed", value.get("embed_duration"), embed_url=player_url(url), page_url=url)
    return None


def _uploaded(value, request) -> StoryVideo:
    """Played from the largest web rendition, which every browser and link preview plays; from
    the uploaded file (the broadcasters' master, perhaps HEVC) only until the worker made them."""
    media = value["media"]
    played = value.web_renditions[-1] if value.web_renditions else None
    return StoryVideo(
        "upload",
        media.duration,
        content_url=request.build_absolute_uri((played or media).file.url),
        mime_type="video/mp4" if played else mimetypes.guess_type(media.file.name)[0] or "video/mp4",
        width=(played or media).width or None,
        height=(played or media).height or None,
        poster_url=request.build_absolute_uri(media.thumbnail.url) if media.thumbnail else None,
    )


def player_url(url: str) -> str:
    """The embeddable player for a YouTube, Vimeo or Facebook video page; schema.org's embedUrl
    means the player, not the watch page. Unknown shapes fall back to the URL itself."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    segments = [segment for segment in parts.path.split("/") if segment]
    provider = embed_provider(url)
    if provider == "YouTube":
        video_id = _youtube_id(host, segments, parts.query)
        return f"https://www.youtube.com/embed/{video_id}" if video_id else url
    if provider == "Vimeo" and segments and segments[-1].isdigit():
        return f"https://player.vimeo.com/video/{segments[-1]}"
    if provider == "Facebook":
        return "https://www.facebook.com/plugins/video.php?href=" + quote(url, safe="")
    return url


def _youtube_id(host, segments, query) -> str | None:
    if host == "youtu.be":
        candidate = segments[0] if segments else ""
    elif len(segments) == 2 and segments[0] in ("shorts", "embed", "live"):
        candidate = segments[1]
    else:
        candidate = parse_qs(query).get("v", [""])[0]
    return candidate if _VIDEO_ID.match(candidate) else None
