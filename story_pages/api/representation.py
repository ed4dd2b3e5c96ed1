"""A story as outlets' systems receive it, built for a whole page of stories in a fixed number
of queries: everything the bodies point at (provinces, images, videos, linked pages,
translations) is fetched once per batch, never once per story."""

import mimetypes
from html import escape

from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtailmedia.models import get_media_model

from ..blocks import embed_provider
from ..identifiers import story_guid
from ..models import ProvincePage, Theme
from .richtext import clean_html, linked_page_ids

# Ready-made renditions of every image: the share card size and a column width.
RENDITION_FILTERS = {"share": "fill-1200x630", "medium": "width-800"}


def unit_reference(province) -> dict:
    """The current unit a province belongs to today, by its code and today's official name."""
    unit = province.merged_into or province
    return {"code": unit.code, "name": unit.display_current_name}


class StoryBatch:
    def __init__(self, stories, request):
        self.stories = list(stories)
        self.request = request
        raw_blocks = [block for story in self.stories for block in story.body.raw_data]
        self.provinces = self._provinces()
        self.images = self._images(raw_blocks)
        self.media = self._media(raw_blocks)
        self.page_urls = self._linked_page_urls(raw_blocks)
        self.translations = self._translations()

    # Loading, once per batch -------------------------------------------------------------

    def _provinces(self):
        parent_paths = {story.path[: -story.steplen] for story in self.stories}
        provinces = ProvincePage.objects.filter(path__in=parent_paths).select_related("merged_into")
        return {province.path: province for province in provinces}

    def _images(self, raw_blocks):
        ids = {block["value"].get("image") for block in raw_blocks if block["type"] == "image"}
        ids |= {story.hero_image_id for story in self.stories}
        ids.discard(None)
        images = get_image_model().objects.filter(id__in=ids).prefetch_renditions(*RENDITION_FILTERS.values())
        return {image.pk: image for image in images}

    def _media(self, raw_blocks):
        ids = {block["value"].get("media") for block in raw_blocks if block["type"] == "video"}
        ids.discard(None)
        return get_media_model().objects.in_bulk(ids)

    def _linked_page_urls(self, raw_blocks):
        """locale id -> {page id -> absolute URL of that page's version in the locale}."""
        ids = set()
        for block in raw_blocks:
            if block["type"] == "paragraph":
                ids |= linked_page_ids(block["value"])
        if not ids:
            return {}
        linked = Page.objects.filter(id__in=ids).only("id", "translation_key")
        keys = {page.translation_key: page.pk for page in linked}
        versions = Page.objects.filter(translation_key__in=keys, live=True).only(
            "id", "translation_key", "locale_id", "url_path"
        )
        urls: dict[int, dict[int, str]] = {}
        for page in versions:
            urls.setdefault(page.locale_id, {})[keys[page.translation_key]] = page.get_full_url(self.request)
        return urls

    def _translations(self):
        keys = {story.translation_key for story in self.stories}
        pages = Page.objects.filter(
            translation_key__in=keys, live=True, alias_of__isnull=True
        ).select_related("locale")
        by_key = {}
        for page in pages.only("id", "translation_key", "url_path", "locale__language_code"):
            by_key.setdefault(page.translation_key, []).append(page)
        return by_key

    # Representation -------------------------------------------------------------------------

    def represent_all(self) -> list[dict]:
        return [self.represent(story) for story in self.stories]

    def represent(self, story) -> dict:
        with translation.override(story.locale.language_code):
            return self._represent(story)

    def _represent(self, story) -> dict:
        province = self.provinces[story.path[: -story.steplen]]
        blocks = [self._block(story, raw) for raw in story.body.raw_data]
        return {
            "id": story.pk,
            "guid": story_guid(story),
            "title": story.title,
            "summary": story.summary,
            "theme": {"code": story.theme, "label": str(Theme(story.theme).label)},
            "format": story.story_format or None,
            "locale": story.locale.language_code,
            "province": self._province(province),
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
            "url": story.get_full_url(self.request),
            "translations": [
                {"locale": page.locale.language_code, "id": page.pk, "url": page.get_full_url(self.request)}
                for page in self.translations.get(story.translation_key, [])
                if page.pk != story.pk
            ],
            "first_published_at": story.first_published_at,
            "last_published_at": story.last_published_at,
        }

    def _province(self, province) -> dict:
        return {
            "code": province.code,
            "name": province.title,
            "official_name": province.official_name,
            "status": province.status,
            "current_unit": unit_reference(province),
        }

    def _absolute(self, url: str) -> str:
        return self.request.build_absolute_uri(url)

    def _image(self, image_id, alt_text="") -> dict | None:
        image = self.images.get(image_id)
        if image is None:
            return None
        renditions = {
            "original": {"url": self._absolute(image.file.url), "width": image.width, "height": image.height}
        }
        for name, spec in RENDITION_FILTERS.items():
            rendition = image.get_rendition(spec)
            renditions[name] = {
                "url": self._absolute(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
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
            html = clean_html(value, self.page_urls.get(story.locale_id, {}))
            return html, {**structured, "value": html}
        if kind == "heading":
            return f"<h2>{escape(value)}</h2>", {**structured, "value": value}
        if kind == "image":
            image = self._image(value.get("image"), value.get("alt_text", ""))
            data = {"image": image, "caption": value.get("caption", ""), "credit": value.get("credit", "")}
            return _image_html(data), {**structured, "value": data}
        if kind == "video":
            data = self._video(value, story)
            return _video_html(data), {**structured, "value": data}
        data = {key: item for key, item in value.items()}
        return _HTML_OF[kind](data), {**structured, "value": data}

    def _video(self, value, story) -> dict:
        media = self.media.get(value.get("media"))
        poster = self._image(story.hero_image_id)
        common = {
            "caption": value.get("caption", ""),
            "poster": poster["renditions"]["share"]["url"] if poster else None,
        }
        if media is not None:
            mime_type = mimetypes.guess_type(media.file.name)[0] or "video/mp4"
            return {
                "source": "upload",
                "url": self._absolute(media.file.url),
                "mime_type": mime_type,
                "duration": media.duration,
                "width": media.width,
                "height": media.height,
                **common,
            }
        url = value.get("embed_url") or None
        return {
            "source": "embed",
            "url": url,
            "provider": url and embed_provider(url),
            "duration": value.get("embed_duration"),
            **common,
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


def _video_html(data) -> str:
    caption = f"<figcaption>{escape(data['caption'])}</figcaption>" if data["caption"] else ""
    if data["source"] == "upload":
        poster = f' poster="{escape(data["poster"])}"' if data["poster"] else ""
        source = f'<source src="{escape(data["url"])}" type="{escape(data["mime_type"])}">'
        return f"<figure><video controls{poster}>{source}</video>{caption}</figure>"
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
