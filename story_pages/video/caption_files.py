"""A published story's captions as a WebVTT file, one per language and video: what the readers'
player loads in its ``<track>`` and what outlets download."""

from django.http import Http404, HttpResponse
from django.urls import reverse

from story_pages.models import StoryPage
from story_pages.video.captions import to_webvtt


def caption_file_url(story, language: str, block_id: str) -> str:
    return reverse("story_captions", args=(story.translation_key, language, block_id))


def caption_file(request, translation_key, language: str, block_id: str):
    """The cues of one video block of the published story in ``language``.

    Looked up by the story's translation key, so a page can point at another language's captions
    without reading that page; an alias or unpublished translation has none (404).
    """
    story = (
        StoryPage.objects.published()
        .filter(translation_key=translation_key, locale__language_code=language)
        .only("body")
        .first()
    )
    video = next((child for child in story.body if child.id == block_id), None) if story else None
    if video is None or video.block_type != "video" or not video.value.cues:
        raise Http404("No such captions")
    response = HttpResponse(to_webvtt(video.value.cues), content_type="text/vtt; charset=utf-8")
    response["Content-Language"] = language
    return response
