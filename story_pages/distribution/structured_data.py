"""schema.org JSON-LD for a story: a NewsArticle, carrying a VideoObject when the story has a video."""

import json

from django.utils.safestring import SafeString, mark_safe

from story_pages.distribution.sharing import SharedStory, iso_datetime, site_name
from story_pages.rules.durations import iso_duration

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
            "video": video_object(shared),
        }
    )


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


def video_object(shared: SharedStory) -> dict | None:
    video = shared.video
    if video is None:
        return None
    story = shared.story
    thumbnail = shared.image.url if shared.image else video.poster_url
    return _without_empty(
        {
            "@type": "VideoObject",
            "name": story.title,
            "description": story.summary,
            "thumbnailUrl": [thumbnail] if thumbnail else None,
            "uploadDate": iso_datetime(story.first_published_at),
            "duration": iso_duration(video.duration) if video.duration else None,
            "inLanguage": shared.language,
            "contentUrl": video.content_url,
            "encodingFormat": video.mime_type,
            "embedUrl": video.embed_url,
        }
    )


def _without_empty(data: dict) -> dict:
    """Leaves out what the story does not have; False and 0 are facts, kept."""
    return {key: value for key, value in data.items() if value is not None and value not in ("", [])}
