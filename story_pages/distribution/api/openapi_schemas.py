"""The shapes the OpenAPI document (openapi.py) names in its components: one story schema for
the listing and the detail, the provinces, media items, changes, ninjs and errors."""

from django.conf import settings

from story_pages.distribution.api.change_feed import MAX_LIMIT as MAX_CHANGES
from story_pages.learning.case_outputs import CASE_SCHEMA
from story_pages.learning.solutions_openapi import STORY_SOLUTIONS
from story_pages.models import StoryFormat, Theme

NULLABLE_STRING = {"type": ["string", "null"]}
RENDITION = {
    "type": "object",
    "required": ["url", "width", "height"],
    "properties": {
        "url": {"type": "string", "format": "uri"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
    },
}
IMAGE = {
    "type": ["object", "null"],
    "required": ["id", "title", "alt", "renditions"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "alt": {"type": "string"},
        "renditions": {
            "type": "object",
            "required": ["original", "share", "medium"],
            "properties": {"original": RENDITION, "share": RENDITION, "medium": RENDITION},
        },
    },
}
LICENCE = {
    "type": "object",
    "required": ["id", "url"],
    "properties": {"id": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
}
VIDEO = {
    "type": ["object", "null"],
    "required": [
        "source",
        "url",
        "duration",
        "caption",
        "poster",
        "transcript",
        "captions",
        "renditions",
        "master",
    ],
    "properties": {
        "source": {"enum": ["upload", "embed"]},
        "url": {**NULLABLE_STRING, "description": "The uploaded file (the master), or the linked page."},
        "mime_type": {"type": "string"},
        "provider": NULLABLE_STRING,
        "duration": {
            "type": ["number", "null"],
            "description": "Seconds: measured for uploads, stated for embeds.",
        },
        "width": {"type": ["integer", "null"]},
        "height": {"type": ["integer", "null"]},
        "caption": {"type": "string"},
        "poster": NULLABLE_STRING,
        "transcript": {
            "type": "string",
            "description": (
                "What is said in the video, paragraphs apart by a blank line: the captions in the "
                "story's language for an upload, the editor's transcript for a linked video."
            ),
        },
        "captions": {
            "type": "array",
            "description": (
                "WebVTT caption files of an uploaded video: in the story's language and, for a "
                "translation, in the original's."
            ),
            "items": {
                "type": "object",
                "required": ["language", "url"],
                "properties": {
                    "language": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                },
            },
        },
        "renditions": {
            "type": "array",
            "description": "H.264/AAC MP4s of an uploaded video for the web (720p, 360p), smallest first.",
            "items": {
                "type": "object",
                "required": ["name", "url", "width", "height", "mime_type", "size"],
                "properties": {
                    "name": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                    "width": {"type": "integer"},
                    "height": {"type": "integer"},
                    "mime_type": {"const": "video/mp4"},
                    "size": {"type": "integer", "description": "Bytes."},
                },
            },
        },
        "master": {
            "type": ["object", "null"],
            "description": "The uploaded file, for broadcasters, with the story's licence and credit line.",
            "required": ["url", "mime_type", "width", "height", "duration", "licence", "credit_line"],
            "properties": {
                "url": {"type": "string", "format": "uri"},
                "mime_type": {"type": "string"},
                "width": {"type": ["integer", "null"]},
                "height": {"type": ["integer", "null"]},
                "duration": {"type": ["number", "null"]},
                "licence": LICENCE,
                "credit_line": {"type": "string"},
            },
        },
    },
}
UNIT = {
    "type": "object",
    "required": ["code", "name"],
    "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
}
STORY = {
    "type": "object",
    "required": [
        "id",
        "guid",
        "title",
        "summary",
        "theme",
        "format",
        "locale",
        "province",
        "word_count",
        "reading_minutes",
        "body_html",
        "body",
        "hero_image",
        "video",
        "lessons",
        "key_results",
        "credit_line",
        "licence",
        "url",
        "translations",
        "first_published_at",
        "last_published_at",
        "case",
    ],
    "properties": {
        "id": {"type": "integer"},
        "guid": {"type": "string", "pattern": "^urn:uuid:"},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "theme": {
            "type": "object",
            "required": ["code", "label"],
            "properties": {"code": {"enum": Theme.values}, "label": {"type": "string"}},
        },
        "format": {"enum": [*StoryFormat.values, None]},
        "locale": {"enum": [code for code, _ in settings.LANGUAGES]},
        "province": {
            "type": "object",
            "required": ["code", "name", "official_name", "status", "current_unit"],
            "properties": {
                "code": {"type": "string", "pattern": "^[0-9]{2}$"},
                "name": {"type": "string"},
                "official_name": {"type": "string"},
                "status": {"enum": ["current", "merged"]},
                "current_unit": UNIT,
            },
        },
        "word_count": {"type": "integer", "minimum": 0},
        "reading_minutes": {"type": "integer", "minimum": 1},
        "body_html": {"type": "string", "description": "Clean HTML with absolute URLs."},
        "body": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "value"],
                "properties": {
                    "type": {
                        "enum": ["paragraph", "heading", "image", "quote", "key_result", "lesson", "video"]
                    },
                    "id": NULLABLE_STRING,
                    "value": {},
                },
            },
        },
        "hero_image": {"$ref": "#/components/schemas/Image"},
        "video": {"$ref": "#/components/schemas/Video"},
        "lessons": {"type": "array", "items": {"type": "object", "required": ["title"]}},
        "key_results": {"type": "array", "items": {"type": "object", "required": ["figure", "label"]}},
        "credit_line": {"type": "string"},
        "licence": LICENCE,
        "url": {"type": "string", "format": "uri"},
        "solutions": STORY_SOLUTIONS,
        "translations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["locale", "id", "url"],
                "properties": {
                    "locale": {"type": "string"},
                    "id": {"type": "integer"},
                    "url": {"type": "string"},
                },
            },
        },
        "first_published_at": {"type": "string", "format": "date-time"},
        "last_published_at": {"type": "string", "format": "date-time"},
        "case": CASE_SCHEMA,
    },
}
PROVINCE = {
    "type": "object",
    "required": ["code", "name", "official_name", "kind", "status", "current_unit", "published_stories"],
    "properties": {
        "code": {"type": "string", "pattern": "^[0-9]{2}$"},
        "name": {"type": "string"},
        "official_name": {"type": "string"},
        "kind": {"enum": ["tinh", "thanh-pho"]},
        "status": {"enum": ["current", "merged"]},
        "current_unit": UNIT,
        "current_name": NULLABLE_STRING,
        "renamed_on": {"type": ["string", "null"], "format": "date"},
        "latitude": {"type": ["number", "null"]},
        "longitude": {"type": ["number", "null"]},
        "url": NULLABLE_STRING,
        "published_stories": {"type": "object", "additionalProperties": {"type": "integer"}},
    },
}
MEDIA_ITEM = {
    "type": "object",
    "required": ["id", "meta", "title", "media_type", "duration", "renditions", "master"],
    "properties": {
        "id": {"type": "integer"},
        "meta": {
            "type": "object",
            "required": ["type", "detail_url", "download_url"],
            "properties": {
                "type": {"const": "wagtailmedia.Media"},
                "detail_url": {"type": "string", "format": "uri"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "download_url": {"type": "string", "format": "uri"},
            },
        },
        "title": {"type": "string"},
        "width": {"type": ["integer", "null"]},
        "height": {"type": ["integer", "null"]},
        "media_type": {"enum": ["video", "audio"]},
        "duration": {"type": "number", "description": "Seconds, measured from the stream at upload."},
        "renditions": VIDEO["properties"]["renditions"],
        "master": {
            "type": "object",
            "description": "The uploaded file, for broadcasters (its licence and credit: the story's).",
            "required": ["url", "mime_type", "width", "height", "duration"],
            "properties": {
                key: VIDEO["properties"]["master"]["properties"][key]
                for key in ("url", "mime_type", "width", "height", "duration")
            },
        },
    },
}
CHANGE = {
    "type": "object",
    "required": ["cursor", "kind", "cause", "id", "guid", "translation_key", "locale", "at"],
    "properties": {
        "cursor": {"type": "string", "description": "Resume after this change: ?since=<cursor>."},
        "kind": {
            "enum": ["published", "updated", "withdrawn"],
            "description": (
                "published: the story enters the public set (first, or again); updated: a public story's "
                "new version or new address; withdrawn: it left the public set (unpublished, deleted, made "
                "private, moved out): delete your copy."
            ),
        },
        "cause": {"enum": ["publish", "unpublish", "delete", "view_restriction", "move"]},
        "id": {"type": "integer", "description": "The story's id in /api/v2/stories/{id}/."},
        "guid": {"type": "string", "pattern": "^urn:uuid:"},
        "translation_key": {
            "type": "string",
            "format": "uuid",
            "description": "Shared by a story's translations.",
        },
        "locale": {"enum": [code for code, _ in settings.LANGUAGES]},
        "at": {
            "type": "string",
            "format": "date-time",
            "description": "When it changed: UTC, whole seconds.",
        },
        "detail_url": {**NULLABLE_STRING, "description": "The story now; null for a withdrawal."},
        "ninjs_url": {**NULLABLE_STRING, "description": "Its ninjs; null for a withdrawal."},
    },
}
CHANGES_PAGE = {
    "type": "object",
    "required": ["meta", "items"],
    "properties": {
        "meta": {
            "type": "object",
            "required": ["next", "more"],
            "properties": {
                "next": {"type": "string", "description": "The cursor to ask with next time."},
                "more": {"type": "boolean", "description": "Whether more changes are waiting already."},
            },
        },
        "items": {"type": "array", "maxItems": MAX_CHANGES, "items": {"$ref": "#/components/schemas/Change"}},
    },
}
NINJS = {
    "type": "object",
    "required": ["uri"],
    "description": (
        "An item valid against IPTC's ninjs 3.1 schema (ninjs 1.6 with ?version=1): timestamps in UTC with "
        "whole seconds, type text or video, pictures and video as associations with renditions."
    ),
    "properties": {"uri": {"type": "string"}},
}
CANCELED_NINJS = {
    "type": "object",
    "required": ["uri", "language"],
    "description": "A withdrawn story: only what identifies it, pubStatus (1.x pubstatus) canceled.",
    "properties": {
        "uri": {"type": "string", "pattern": "^urn:uuid:"},
        "pubStatus": {"const": "canceled"},
        "pubstatus": {"const": "canceled"},
        "language": {"type": "string"},
    },
}
ERROR = {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}}
SCHEMAS = {
    "Error": ERROR,
    "Story": STORY,
    "Image": IMAGE,
    "Video": VIDEO,
    "Province": PROVINCE,
    "MediaItem": MEDIA_ITEM,
    "Change": CHANGE,
    "ChangesPage": CHANGES_PAGE,
    "Ninjs": NINJS,
    "CanceledNinjs": CANCELED_NINJS,
}
