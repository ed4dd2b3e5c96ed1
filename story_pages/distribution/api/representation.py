"""A story as outlets' systems receive it, built for a whole page of stories in a fixed number
of queries: everything the bodies point at (provinces, images, videos, linked pages,
translations) is fetched once per batch, never once per story."""

import unicodedata
from html import escape

from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtailmedia.models import get_media_model

from story_pages.blocks import VideoStructValue, embed_provider
from story_pages.distribution import video_files
from story_pages.distribution.api import plain_reads
from story_pages.distribution.api.page_urls import PageUrls
from story_pages.distribution.api.richtext import clean_html, linked_page_ids
from story_pages.distribution.api.story_rows import StoryRow, province_representation
from story_pages.distribution.identifiers import story_guid
from story_pages.learning.case_outputs import case_representation
from story_pages.learning.solution_listing import solutions_of_stories
from story_pages.models import StoryPage, Theme, VideoRendition, story_cards
from story_pages.video.captions import Cue

# Ready-made renditions of every image: the share card size and a column width.
RENDITION_FILTERS = {"share": "fill-1200x630", "medium": "width-800"}
# Parsed once: a Filter caches its operations, which Wagtail otherwise works out per call.
_FILTERS = [Filter(spec=spec) for spec in RENDITION_FILTERS.values()]
Image = get_image_model()
Media = get_media_model()
# What the representation reads of an image: what Wagtail needs to find or make a rendition.
IMAGE_FIELDS = set(story_cards.IMAGE_FIELDS)
RENDITION_FIELDS = {"id", "image", "filter_spec", "focal_point_key", "file", "width", "height"}
MEDIA_FIELDS = {"id", "file", "duration", "width", "height"}
VIDEO_BLOCK = StoryPage.body.field.stream_block.child_blocks["video"]


def unit_reference(province) -> dict:
    """The current unit a province belongs to today, by its code and today's official name."""
    unit = province.merged_into or province
    return {"code": unit.code, "name": unit.display_current_name}


class StoryBatch:
    def __init__(self, stories: list[StoryRow], request):
        self.stories = stories
        self.request = request
        self.urls = PageUrls(request)
        raw_blocks = [block for story in self.stories for block in story.blocks]
        self.provinces = self._provinces()
        self.images = self._images(raw_blocks)
        self.media = self._media(raw_blocks)
        self.video_renditions = self._video_renditions()
        self.originals_captions = self._originals_captions()
        self.page_urls = self._linked_page_urls(raw_blocks)
        self.translations = self._translations()
        self.solutions = solutions_of_stories({story.translation_key for story in self.stories})
        self._theme_labels: dict[tuple[str, str], str] = {}

    # Loading, once per batch -------------------------------------------------------------

    def _provinces(self):
        """Parent path -> the province's representation, shared by its stories (each row
        brings its province along)."""
        return {
            story.path[: -story.steplen]: province_representation(story.province_row)
            for story in self.stories
        }

    def _images(self, raw_blocks):
        """Image id -> (image, its renditions' representation)."""
        ids = {block["value"].get("image") for block in raw_blocks if block["type"] == "image"}
        ids |= {story.hero_image_id for story in self.stories}
        ids.discard(None)
        images = plain_reads.instances(Image, IMAGE_FIELDS, id=ids)
        renditions = plain_reads.instances(
            Image.get_rendition_model(), RENDITION_FIELDS, image=ids, filter_spec=[f.spec for f in _FILTERS]
        )
        for image in images:
            # Handed over as Wagtail's prefetch_renditions() would: get_renditions() then asks
            # neither the database nor the rendition cache (a round trip per image, to Redis in
            # production), and makes a rendition only if it is missing.
            image.prefetched_renditions = [r for r in renditions if r.image_id == image.pk]
        return {image.pk: (image, self._renditions(image)) for image in images}

    def _media(self, raw_blocks):
        ids = {block["value"].get("media") for block in raw_blocks if block["type"] == "video"}
        ids.discard(None)
        return {media.pk: media for media in plain_reads.instances(Media, MEDIA_FIELDS, id=ids)}

    def _video_renditions(self):
        """media id -> its web renditions, smallest first."""
        by_media = {}
        for rendition in plain_reads.instances(
            VideoRendition, video_files.RENDITION_FIELDS, media=list(self.media)
        ):
            by_media.setdefault(rendition.media_id, []).append(rendition)
        return {media_id: sorted(found, key=lambda r: r.height) for media_id, found in by_media.items()}

    def _originals_captions(self):
        """translation key -> the captioned uploads of the original of each translation that has
        captioned uploads (video_files)."""
        original = video_files.original_language()
        return video_files.originals_captioned_uploads(
            story.translation_key
            for story in self.stories
            if story.locale.language_code != original and video_files.captioned_uploads(story.blocks)
        )

    def _linked_page_urls(self, raw_blocks):
        """language -> {page id -> absolute URL of that page's version in the language}."""
        ids = set()
        for block in raw_blocks:
            if block["type"] == "paragraph":
                ids |= linked_page_ids(block["value"])
        urls: dict[str, dict[int, str]] = {}
        for page_id, language, url_path in plain_reads.versions_of_pages(ids):
            urls.setdefault(language, {})[page_id] = self.urls.full_url(url_path)
        return urls

    def _translations(self):
        """translation key -> [(page id, language, URL)] of its live versions, in tree order."""
        by_key = {}
        for key, page_id, language, url_path in plain_reads.translations(
            {s.translation_key for s in self.stories}
        ):
            by_key.setdefault(key, []).append((page_id, language, self.urls.full_url(url_path)))
        return by_key

    # Representation -------------------------------------------------------------------------

    def represent_all(self) -> list[dict]:
        return [self.represent(story) for story in self.stories]

    def represent(self, story) -> dict:
        blocks = [self._block(story, raw) for raw in story.blocks]
        return {
            "id": story.pk,
            "guid": story_guid(story),
            "title": story.title,
            "summary": story.summary,
            "theme": {
                "code": story.theme,
                "label": self._theme_label(story.theme, story.locale.language_code),
            },
            "format": story.story_format or None,
            "locale": story.locale.language_code,
            "province": self.provinces[story.path[: -story.steplen]],
            "word_count": story.body_words,
            "reading_minutes": story.reading_minutes,
            "body_html": "\n".join(html for html, _ in blocks),
            "body": [structured for _, structured in blocks],
            "hero_image": self._image(story.hero_image_id, story.hero_image_alt),
            "video": next((s["value"] for _, s in blocks if s["type"] == "video"), None),
            "lessons": [s["value"] for _, s in blocks if s["type"] == "lesson"],
            "key_results": [s["value"] for _, s in blocks if s["type"] == "key_result"],
            "credit_line": story.credit_line,
            "licence": {"id": story.licence, "url": story.licence_url},
            "url": self.urls.full_url(story.url_path),
            "translations": [
                {"locale": language, "id": page_id, "url": url}
                for page_id, language, url in self.translations.get(story.translation_key, [])
                if page_id != story.pk
            ],
            "solutions": [
                {"id": pk, "title": title, "url": self.urls.full_url(url_path)}
                for pk, title, url_path in self.solutions.get(story.translation_key, {}).get(
                    story.locale.language_code, []
                )
            ],
            "first_published_at": story.first_published_at,
            "last_published_at": story.last_published_at,
            "case": case_representation(story),
        }

    def _theme_label(self, code: str, language: str) -> str:
        """The theme's label in the story's own language, translated once per batch."""
        if (code, language) not in self._theme_labels:
            with translation.override(language):
                self._theme_labels[code, language] = str(Theme(code).label)
        return self._theme_labels[code, language]

    def _absolute(self, url: str) -> str:
        return self.request.build_absolute_uri(url)

    def _renditions(self, image) -> dict:
        renditions = {
            "original": {"url": self._absolute(image.file.url), "width": image.width, "height": image.height}
        }
        # Keyed by the spec Wagtail actually used (an SVG's differs), in the order asked for.
        found = image.get_renditions(*_FILTERS).values()
        for name, rendition in zip(RENDITION_FILTERS, found, strict=True):
            renditions[name] = {
                "url": self._absolute(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
        return renditions

    def _image(self, image_id, alt_text="") -> dict | None:
        if image_id not in self.images:
            return None
        image, renditions = self.images[image_id]
        return {
            "id": image.pk,
            "title": image.title,
            "alt": alt_text or image.description,
            "renditions": renditions,
        }

    def _block(self, story, raw) -> tuple[str, dict]:
        """(clean HTML, structured value) of one body block."""
        kind, value = raw["type"], raw["value"]
        structured = {"type": kind, "id": raw.get("id")}
        if kind == "paragraph":
            html = clean_html(value, self.page_urls.get(story.locale.language_code, {}))
            return html, {**structured, "value": html}
        if kind == "heading":
            return f"<h2>{escape(value)}</h2>", {**structured, "value": value}
        if kind == "image":
            image = self._image(value.get("image"), value.get("alt_text", ""))
            data = {"image": image, "caption": value.get("caption", ""), "credit": value.get("credit", "")}
            return _image_html(data), {**structured, "value": data}
        if kind == "video":
            data = self._video(value, story, raw.get("id"))
            return _video_html(data), {**structured, "value": data}
        data = {key: item for key, item in value.items()}
        return _HTML_OF[kind](data), {**structured, "value": data}

    def _video(self, value, story, block_id) -> dict:
        media = self.media.get(value.get("media"))
        poster = self._image(story.hero_image_id)
        video = VideoStructValue(
            VIDEO_BLOCK,
            [
                ("media", media),
                ("cues", [Cue.from_dict(cue) for cue in value.get("cues") or ()] if media else []),
                ("embed_url", value.get("embed_url") or ""),
                ("transcript", value.get("transcript") or ""),
            ],
        )
        common = {
            "caption": value.get("caption", ""),
            "poster": poster["renditions"]["share"]["url"] if poster else None,
            "transcript": video_files.transcript(video),
        }
        if media is not None:
            master = {
                "url": self._absolute(media.file.url),
                "mime_type": video_files.master_type(media),
                "width": media.width,
                "height": media.height,
                "duration": media.duration,
            }
            languages = video_files.caption_languages(
                story.locale.language_code,
                block_id,
                bool(video.cues),
                self.originals_captions.get(story.translation_key),
            )
            return {
                "source": "upload",
                **master,
                **common,
                "captions": video_files.caption_files(self.request, story, block_id, languages),
                "renditions": [
                    video_files.rendition_data(self._absolute, rendition)
                    for rendition in self.video_renditions.get(media.pk, [])
                ],
                "master": {
                    **master,
                    "licence": {"id": story.licence, "url": story.licence_url},
                    "credit_line": story.credit_line,
                },
            }
        url = value.get("embed_url") or None
        return {
            "source": "embed",
            "url": url,
            "provider": url and embed_provider(url),
            "duration": value.get("embed_duration"),
            **common,
            "captions": [],
            "renditions": [],
            "master": None,
        }


def _image_html(data) -> str:
    image = data["image"]
    if image is None:
        return ""
    medium = image["renditions"]["medium"]
    caption = escape(data["caption"]) + (
        f' <span class="credit">{escape(data["credit"])}</span>' if data["credit"] else ""
    )
    return (
        f'<figure><img src="{escape(medium["url"])}" alt="{escape(image["alt"])}" width="{medium["width"]}"'
        f' height="{medium["height"]}">'
        + (f"<figcaption>{caption}</figcaption>" if caption else "")
        + "</figure>"
    )


def _language_name(code: str) -> str:
    """The language's own name, as a viewer looks for it in a player's menu ("Tiếng Việt"),
    composed (NFC) as the site's texts are: Django writes it with combining marks."""
    try:
        return unicodedata.normalize("NFC", get_language_info(code)["name_local"])
    except KeyError:
        return code


def _video_html(data) -> str:
    caption = f"<figcaption>{escape(data['caption'])}</figcaption>" if data["caption"] else ""
    if data["source"] == "upload":
        poster = f' poster="{escape(data["poster"])}"' if data["poster"] else ""
        # The web renditions first, largest first (a browser plays the first it can), the master last.
        files = [*sorted(data["renditions"], key=lambda r: -r["height"]), data]
        sources = "".join(f'<source src="{escape(f["url"])}" type="{escape(f["mime_type"])}">' for f in files)
        tracks = "".join(
            f'<track kind="captions" srclang="{escape(c["language"])}" src="{escape(c["url"])}"'
            f' label="{escape(_language_name(c["language"]))}"' + (" default>" if number == 0 else ">")
            for number, c in enumerate(data["captions"])
        )
        return f"<figure><video controls{poster}>{sources}{tracks}</video>{caption}</figure>"
    if data["url"]:
        return f'<figure><p><a href="{escape(data["url"])}">{escape(data["url"])}</a></p>{caption}</figure>'
    return ""


_HTML_OF = {
    "quote": lambda d: (
        f"<figure><blockquote><p>{escape(d['text'])}</p></blockquote>"
        + (f"<figcaption>{escape(d['attribution'])}</figcaption>" if d.get("attribution") else "")
        + "</figure>"
    ),
    "key_result": lambda d: f"<p><strong>{escape(d['figure'])}</strong> {escape(d['label'])}</p>",
    "lesson": lambda d: (
        f"<aside><h3>{escape(d['title'])}</h3>"
        + (f"<p>{escape(d['text'])}</p>" if d.get("text") else "")
        + "</aside>"
    ),
}
