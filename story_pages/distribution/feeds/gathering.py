"""What the items of a whole feed need, gathered in a fixed number of queries: the stories'
provinces, bodies and first videos."""

import re

from wagtail.models import Page

from story_pages.distribution import video_files
from story_pages.distribution.api.representation import StoryBatch
from story_pages.distribution.api.story_rows import StoryRow
from story_pages.distribution.feeds.items import FirstVideo
from story_pages.models import ProvincePage, StoryPage


def provinces_of(stories) -> dict[int, ProvincePage]:
    """Each story's province, in one query (its parent's path is its own, one step shorter)."""
    parent_paths = {story.path[: -Page.steplen] for story in stories}
    by_path = {province.path: province for province in ProvincePage.objects.filter(path__in=parent_paths)}
    return {story.pk: by_path[story.path[: -Page.steplen]] for story in stories}


# A URL from the site's root in the body: the API's body has none, but a reader must not depend on it.
_ROOT_RELATIVE = re.compile(r'(\s(?:href|src|poster)=")/(?!/)')


def bodies(stories, request) -> dict[int, str]:
    """Each story's body as the API gives it (``body_html``: clean HTML, absolute URLs), made for
    the whole feed in the API's fixed number of queries."""
    rows = StoryRow.of(StoryPage.objects.filter(pk__in=[story.pk for story in stories]))
    batch = StoryBatch(rows, request)
    site_root = request.build_absolute_uri("/")

    def absolute(html: str) -> str:
        return _ROOT_RELATIVE.sub(lambda match: match.group(1) + site_root, html)

    return {row.pk: absolute(batch.represent(row)["body_html"]) for row in rows}


def first_videos(stories, language: str) -> dict[int, FirstVideo]:
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
