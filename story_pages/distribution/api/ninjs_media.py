"""What a story's ninjs shows besides its text: its pictures, its videos, and so its type (a
story that is a video is a video item; any other is text, its pictures and videos associated).

Pictures as newsroom systems keep them: each in the sizes Superdesk names ("thumbnail",
"viewImage", "baseImage", and the "original" file), with its caption, alt text and credit.

Superdesk 2.5 keeps a picture's renditions only when one is named "baseImage" (and then takes
the "original"'s address for it); later versions keep every rendition that has an address. The
sizes follow Superdesk's default crop sizes, made by Wagtail as renditions that never upscale.
"""

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from wagtail.images import get_image_model
from wagtail.images.models import Filter

from story_pages.distribution.api import plain_reads
from story_pages.distribution.api.representation import IMAGE_FIELDS, RENDITION_FIELDS

# Superdesk's default sizes: a list's thumbnail, the editor's view, the large picture.
SUPERDESK_RENDITIONS = {
    "thumbnail": "max-220x120",
    "viewImage": "max-640x640",
    "baseImage": "max-1400x1400",
}
_FILTERS = {name: Filter(spec=spec) for name, spec in SUPERDESK_RENDITIONS.items()}
Image = get_image_model()
HERO = "mainpic"  # the name of the story's own picture (ninjs 1.x: "featuremedia")

_IMAGE_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
    "avif": "image/avif",
    "svg": "image/svg+xml",
}


def image_type(url: str) -> str:
    return _IMAGE_TYPES.get(url.rsplit(".", 1)[-1].lower(), "image/jpeg")


@dataclass(frozen=True)
class Picture:
    """One picture of a story: the hero image, or an image block of the body."""

    name: str  # the association's name: "mainpic" (1.x: "featuremedia"), "picture1", ...
    uri: str
    image: dict  # the API's representation of the image (id, title, alt, renditions)
    caption: str
    credit: str  # as the story credits it ("Ảnh: Sở TT&TT"); the story's credit line if none

    @property
    def is_hero(self) -> bool:
        return self.name == HERO


def pictures(item: dict) -> list[Picture]:
    """The hero image, then the body's image blocks in body order."""
    found = []
    if item["hero_image"]:
        image = item["hero_image"]
        found.append(Picture(HERO, f"{item['guid']}:image:{image['id']}", image, "", item["credit_line"]))
    blocks = [block for block in item["body"] if block["type"] == "image" and block["value"]["image"]]
    for number, block in enumerate(blocks, start=1):
        value = block["value"]
        image = value["image"]
        found.append(
            Picture(
                f"picture{number}",
                f"{item['guid']}:image:{image['id']}:{block['id'] or number}",
                image,
                value["caption"],
                value["credit"] or item["credit_line"],
            )
        )
    return found


class PictureRenditions:
    """The renditions of a story's pictures, ninjs 3 style ({"name", "href", "contentType",
    "width", "height"}), the original first: made or found for all of them in two queries,
    however many pictures the story has (none when it has none)."""

    def __init__(self, pictures: list[Picture]):
        images = {picture.image["id"]: picture.image for picture in pictures}
        self._by_image: dict[int, list[dict]] = {}
        instances = plain_reads.instances(Image, IMAGE_FIELDS, id=list(images))
        renditions = plain_reads.instances(
            Image.get_rendition_model(),
            RENDITION_FIELDS,
            image=list(images),
            filter_spec=[f.spec for f in _FILTERS.values()],
        )
        for image in instances:
            # As Wagtail's prefetch_renditions() hands them over: get_renditions() then asks
            # neither the database nor the cache, and makes only what is missing.
            image.prefetched_renditions = [r for r in renditions if r.image_id == image.pk]
            self._by_image[image.pk] = _renditions(image, images[image.pk])

    def of(self, image: dict | None) -> list[dict]:
        return self._by_image.get(image["id"], []) if image else []


def _renditions(image, represented: dict) -> list[dict]:
    original = represented["renditions"]["original"]
    found = image.get_renditions(*_FILTERS.values())
    renditions = [_rendition("original", original["url"], original["width"], original["height"])]
    for name, wanted in _FILTERS.items():
        rendition = found[image.clean_filter_for_svg(wanted).spec]
        # Against the original's absolute address: what the request's host makes of a
        # storage's relative URL, and an absolute one (a CDN's) as it is.
        renditions.append(
            _rendition(name, urljoin(original["url"], rendition.url), rendition.width, rendition.height)
        )
    return renditions


def _rendition(name: str, href: str, width: int, height: int) -> dict:
    return {"name": name, "href": href, "contentType": image_type(href), "width": width, "height": height}


def poster_renditions(renditions: list[dict]) -> list[dict]:
    """A picture's sized renditions, as the poster frames of a video (Superdesk's video items
    carry "thumbnail", "viewImage" and "baseImage" pictures beside the video's own files)."""
    return [rendition for rendition in renditions if rendition["name"] in SUPERDESK_RENDITIONS]


def video_renditions(video, poster: list[dict]) -> list[dict]:
    """A video's files, in ninjs 3's names: the broadcasters' master as "original" (for an embed,
    the provider's page), the worker's MP4s by their names ("720p", "360p"), a WebVTT file of
    captions per language, "captions_vi" (no rendition has a language: it is in the name), and
    the poster in Superdesk's picture sizes ("thumbnail", "viewImage", "baseImage")."""
    duration = float(video["duration"] or 0)
    if video["source"] != "upload":
        # A player page on YouTube, Facebook or Vimeo.
        page = {"name": "original", "href": video["url"], "contentType": "text/html", "duration": duration}
        return [page, *poster]
    master = video["master"]
    renditions = [
        {
            "name": "original",
            "href": master["url"],
            "contentType": master["mime_type"],
            "width": master["width"] or 0,
            "height": master["height"] or 0,
            "duration": duration,
        }
    ]
    renditions += [
        {
            "name": rendition["name"],
            "href": rendition["url"],
            "contentType": rendition["mime_type"],
            "width": rendition["width"],
            "height": rendition["height"],
            "sizeInBytes": rendition["size"],
            "duration": duration,
        }
        for rendition in video["renditions"]
    ]
    renditions += [
        {
            "name": caption_rendition_name(captions["language"]),
            "href": captions["url"],
            "contentType": "text/vtt",
            "title": f"Captions ({captions['language']}), WebVTT",
        }
        for captions in video["captions"]
    ]
    return renditions + poster


def caption_rendition_name(language: str) -> str:
    """captions_vi, captions_en: a name ninjs 1.x accepts as a key (letters, digits, "_")."""
    return "captions_" + re.sub(r"[^A-Za-z0-9]", "_", language)


def videos(item) -> list[tuple[str, str, dict]]:
    """(ninjs 3 name, URI, representation) of each video block that has a file or a link, in body
    order: the first is "mainvideo", as ninjs 1.x names it for Superdesk."""
    blocks = [block for block in item["body"] if block["type"] == "video" and block["value"]["url"]]
    return [
        (
            "mainvideo" if number == 1 else f"video{number}",
            f"{item['guid']}:video" if number == 1 else f"{item['guid']}:video:{block['id']}",
            block["value"],
        )
        for number, block in enumerate(blocks, start=1)
    ]


class StoryMedia:
    """What a story's ninjs shows besides its text, worked out once for either version: its
    pictures and their renditions, its videos and theirs, and so its type."""

    def __init__(self, item: dict):
        self.pictures = pictures(item)
        renditions = PictureRenditions(self.pictures)
        self.picture_renditions = {picture.uri: renditions.of(picture.image) for picture in self.pictures}
        poster = poster_renditions(renditions.of(item["hero_image"]))
        self.videos = [
            (name, uri, video, video_renditions(video, poster)) for name, uri, video in videos(item)
        ]
        # A story that is a video is the video (its files are the item's own); any other is text.
        self.is_video = item["format"] == "video" and bool(self.videos)

    @property
    def type(self) -> str:
        return "video" if self.is_video else "text"

    def own_renditions(self) -> list[dict]:
        """The files of the item itself: those of a video story's video, none for text."""
        return self.videos[0][3] if self.is_video else []
