"""schema.org JSON-LD for a story: a NewsArticle, carrying a VideoObject when the story has a video
(its web rendition, its transcript and its captions in the page's language); for a list of
stories, a CollectionPage."""

import json

from django.utils.safestring import SafeString, mark_safe

from story_pages.distribution import video_files
from story_pages.distribution.sharing import SharedStory, iso_datetime, site_name
from story_pages.learning.case_outputs import json_ld_project
from story_pages.rules.durations import iso_duration
from story_pages.video.caption_files import caption_file_url

# JSON never needs these characters outside strings, and inside strings their \u escapes read the
# same to a JSON parser; escaped, no text (a title holding "</script>") can close the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld_script(data) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def news_article(shared: SharedStory, request) -> dict:
    story = shared.story
    _site_id, root_url, _path = story.get_url_parts(request)
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "description": story.summary,
            "image": [shared.image.url] if shared.image else None,
            "datePublished": iso_datetime(story.first_published_at),
            "dateModified": iso_datetime(story.last_published_at or story.first_published_at),
            "inLanguage": shared.language,
            "author": _author(story),
            "publisher": _without_empty(
                {"@type": "Organization", "name": site_name(), "url": f"{root_url}/"}
            ),
            "mainEntityOfPage": {"@type": "WebPage", "@id": shared.url},
            "url": shared.url,
            "isAccessibleForFree": True,
            "license": story.licence_url,
            "articleSection": shared.section,
            "wordCount": story.body_words,
            "video": video_object(shared, request),
            "about": json_ld_project(story, shared.language),
        }
    )


def collection_page(name: str, url: str, stories, request, language: str) -> dict:
    """A listing of stories as a CollectionPage whose ItemList holds the stories of this page
    of the list, in their order (positions count on from the earlier pages)."""
    first = stories.start_index() if hasattr(stories, "start_index") else 1
    items = [
        {"@type": "ListItem", "position": position, "url": story.get_full_url(request), "name": story.title}
        for position, story in enumerate(stories, start=first)
    ]
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": name,
        "url": url,
        "inLanguage": language,
        "isPartOf": {"@type": "WebSite", "name": site_name()},
        "mainEntity": {"@type": "ItemList", "numberOfItems": len(items), "itemListElement": items},
    }


def _author(story) -> dict:
    """The province's department that wrote the story, as its credit line names it."""
    province = story.province
    return _without_empty(
        {
            "@type": "Organization",
            "name": story.credit_line or site_name(),
            "areaServed": {"@type": "AdministrativeArea", "name": province.official_name},
        }
    )


def video_object(shared: SharedStory, request) -> dict | None:
    video = shared.video
    if video is None:
        return None
    story = shared.story
    thumbnail = shared.image.url if shared.image else video.poster_url
    block = _first_video_block(story)
    return _without_empty(
        {
            "@type": "VideoObject",
            "name": story.title,
            "description": story.summary,
            "thumbnailUrl": [thumbnail] if thumbnail else None,
            "uploadDate": iso_datetime(story.first_published_at),
            "duration": iso_duration(video.duration) if video.duration else None,
            "inLanguage": shared.language,
            # What a browser plays (a web rendition): the master stays in the API and ninjs.
            "contentUrl": video.content_url,
            "encodingFormat": video.mime_type,
            "embedUrl": video.embed_url,
            "transcript": video_files.transcript(block.value) if block else None,
            "caption": _caption(story, block, shared.language, request),
        }
    )


def _first_video_block(story):
    """The block StoryVideo describes: the first video with a file or a link."""
    return next((block for block in story.body if block.block_type == "video" and block.value.source), None)


def _caption(story, block, language: str, request) -> dict | None:
    """The captions in the page's language, as the WebVTT file served for the published story."""
    if block is None or not block.value.cues or not story.live:
        return None
    return {
        "@type": "MediaObject",
        "contentUrl": request.build_absolute_uri(caption_file_url(story, language, block.id)),
        "encodingFormat": video_files.WEBVTT,
        "inLanguage": language,
    }


def _without_empty(data: dict) -> dict:
    """Leaves out what the story does not have; False and 0 are facts, kept."""
    return {key: value for key, value in data.items() if value is not None and value not in ("", [])}
