"""A story's video as outlets take it: the web renditions, the broadcasters' master, the caption
files per language and the transcript. The API (and so ninjs), the feeds and JSON-LD say the same.

Caption files are offered in the story's own language and, on a translation, in the original's
(the site's default language), as the reader's player offers them; the original's only while its
published version still has that video with captions, so that every URL handed out answers.
"""

import mimetypes
from collections.abc import Iterable

from django.conf import settings
from django.db.models import ExpressionWrapper, F, JSONField

from story_pages.models import StoryPage, VideoRendition
from story_pages.video.caption_files import caption_file_url

MP4 = "video/mp4"
WEBVTT = "text/vtt"
WEB_RENDITION = "720p"  # what a page or a feed reader plays when it can play only one file
RENDITION_FIELDS = {"id", "media", "name", "file", "width", "height", "size"}


def original_language() -> str:
    return settings.LANGUAGE_CODE


def master_type(media) -> str:
    return mimetypes.guess_type(media.file.name)[0] or MP4


def transcript(value) -> str:
    """What is said in a video (a VideoStructValue), paragraphs apart by a blank line: the captions
    of an upload in the page's language, the editor's transcript of a linked video."""
    return "\n\n".join(value.transcript_paragraphs)


def captioned_uploads(raw_blocks: Iterable[dict]) -> set[str]:
    """The ids of the uploaded videos that have captions, among a body's blocks as stored."""
    return {
        block.get("id")
        for block in raw_blocks
        if block.get("type") == "video" and block["value"].get("media") and block["value"].get("cues")
    }


def originals_captioned_uploads(translation_keys: Iterable) -> dict:
    """translation key -> ids of the captioned uploaded videos of its published original, in one
    query (none when no key is given)."""
    keys = set(translation_keys)
    if not keys:
        return {}
    originals = (
        StoryPage.objects.published()
        .filter(translation_key__in=keys, locale__language_code=original_language())
        .annotate(stored_body=ExpressionWrapper(F("body"), output_field=JSONField()))
        .values_list("translation_key", "stored_body")
    )
    return {key: captioned_uploads(blocks or ()) for key, blocks in originals}


def caption_languages(language: str, block_id: str | None, has_own: bool, original_blocks) -> list[str]:
    """The languages a video's caption file is served in: the story's own, if its block has cues,
    and the original's, if ``original_blocks`` (its captioned uploads) holds the same block."""
    languages = [language] if has_own and block_id else []
    original = original_language()
    if block_id and language != original and block_id in (original_blocks or ()):
        languages.append(original)
    return languages


def caption_files(request, story, block_id: str, languages: list[str]) -> list[dict]:
    """[{"language", "url"}] of a video block's WebVTT files, the URLs absolute."""
    return [
        {"language": code, "url": request.build_absolute_uri(caption_file_url(story, code, block_id))}
        for code in languages
    ]


def renditions_of(media_ids: Iterable[int]) -> dict[int, list[VideoRendition]]:
    """media id -> its web renditions, smallest first, in one query (none without media)."""
    by_media: dict[int, list[VideoRendition]] = {}
    ids = set(media_ids) - {None}
    if ids:
        for rendition in VideoRendition.objects.filter(media__in=ids).order_by("height", "name"):
            by_media.setdefault(rendition.media_id, []).append(rendition)
    return by_media


def web_rendition(renditions: list[VideoRendition]) -> VideoRendition | None:
    """The 720p rendition if there is one."""
    return next((rendition for rendition in renditions if rendition.name == WEB_RENDITION), None)


def rendition_data(absolute, rendition: VideoRendition) -> dict:
    """A web rendition as the API lists it; ``absolute`` makes its URL absolute."""
    return {
        "name": rendition.name,
        "url": absolute(rendition.file.url),
        "width": rendition.width,
        "height": rendition.height,
        "mime_type": MP4,
        "size": rendition.size,
    }
