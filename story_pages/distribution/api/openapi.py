"""The OpenAPI 3.1 description of the outlets' endpoints (Wagtail's API v2 publishes none).

Kept true by tests/story_pages/test_openapi.py, which fuzzes the live API against it.
"""

from django.conf import settings
from django.http import JsonResponse

from story_pages.models import StoryFormat, Theme
from story_pages.provinces.register import load_records

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
        "hero_image": IMAGE,
        "video": VIDEO,
        "lessons": {"type": "array", "items": {"type": "object", "required": ["title"]}},
        "key_results": {"type": "array", "items": {"type": "object", "required": ["figure", "label"]}},
        "credit_line": {"type": "string"},
        "licence": LICENCE,
        "url": {"type": "string", "format": "uri"},
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
ERROR = {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}}


def _query(name, description, schema, **extra):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **extra,
    }


def _listing(schema):
    return {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["total_count"],
                "properties": {"total_count": {"type": "integer"}},
            },
            "items": {"type": "array", "items": schema},
        },
    }


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _problem(description):
    return _json(ERROR, description)


UNREADABLE = "A URL holding a NUL byte, or a query string that is not UTF-8, is refused."
STORY_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
# Ids beyond the database's integers are simply not found.
PROVINCE_CODES = [record.code for record in load_records()]
UNIT_CODES = [record.code for record in load_records() if record.status == "current"]
DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "T63 stories API",
        "version": "2.0",
        "description": (
            "Digital-transformation stories of Vietnam's provinces, for newsrooms. Read-only, no key needed, "
            "any origin may GET. Content is CC BY 4.0 unless a story says otherwise; credit it as "
            "'Nguồn: Cổng T63 – <credit_line>'."
        ),
    },
    "paths": {
        "/api/v2/stories/": {
            "get": {
                "operationId": "listStories",
                "summary": "Published stories, newest first",
                "parameters": [
                    _query("province", "GSO code of any of the 63 provinces", {"enum": PROVINCE_CODES}),
                    _query(
                        "unit",
                        "Code of a current unit: includes the provinces merged into it",
                        {"enum": UNIT_CODES},
                    ),
                    _query("theme", "Theme", {"enum": Theme.values}),
                    _query("format", "Text, video or both", {"enum": StoryFormat.values}),
                    _query("locale", "Language", {"enum": [code for code, _ in settings.LANGUAGES]}),
                    _query(
                        "published_after",
                        "Date (YYYY-MM-DD) or date-time",
                        {"type": "string", "format": "date"},
                    ),
                    _query(
                        "published_before",
                        "Date (YYYY-MM-DD) or date-time",
                        {"type": "string", "format": "date"},
                    ),
                    _query("search", "Words to find", {"type": "string", "maxLength": 200}),
                    _query(
                        "order", "Publication order", {"enum": ["-first_published_at", "first_published_at"]}
                    ),
                    _query("limit", "At most 100", {"type": "integer", "minimum": 0, "maximum": 100}),
                    _query("offset", "Items to skip", {"type": "integer", "minimum": 0, "maximum": 10**9}),
                ],
                "responses": {
                    "200": _json(_listing(STORY), "A page of stories"),
                    "400": _problem(
                        f"A parameter is unknown or has a bad value; the message names it. {UNREADABLE}"
                    ),
                },
            }
        },
        "/api/v2/stories/{id}/": {
            "get": {
                "operationId": "getStory",
                "parameters": [STORY_ID],
                "responses": {
                    "200": _json(STORY, "One story"),
                    "400": _problem(UNREADABLE),
                    "404": _problem("No published story"),
                },
            }
        },
        "/api/v2/stories/{id}/ninjs/": {
            "get": {
                "operationId": "getStoryNinjs",
                "summary": "The story in IPTC ninjs 3.1, or 1.6 with version=1",
                "parameters": [STORY_ID, _query("version", "ninjs major version", {"enum": ["3", "1"]})],
                "responses": {
                    "200": _json({"type": "object", "required": ["uri"]}, "A ninjs document"),
                    "400": _problem(f"Unknown version or parameter. {UNREADABLE}"),
                    "404": _problem("No published story"),
                },
            }
        },
        "/api/v2/provinces/": {
            "get": {
                "operationId": "listProvinces",
                "summary": "The 63 provinces, their status since 1 July 2025 and their published stories",
                "parameters": [_query("status", "current or merged", {"enum": ["current", "merged"]})],
                "responses": {
                    "200": _json(_listing(PROVINCE), "All provinces"),
                    "400": _problem(f"Bad status or unknown parameter. {UNREADABLE}"),
                },
            }
        },
    },
}


def openapi_document(request):
    return JsonResponse(DOCUMENT, json_dumps_params={"ensure_ascii": False})
