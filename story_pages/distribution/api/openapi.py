"""The OpenAPI 3.1 description of the outlets' endpoints (Wagtail's API v2 publishes none): the
stories in JSON, ninjs and NewsML-G2, the provinces, the media files, the change feed and the
conditional requests every answer honours. Its shapes are in openapi_schemas.py.

Kept true by tests/story_pages/distribution/test_openapi.py, which fuzzes the live API against it.
"""

from django.conf import settings
from django.http import JsonResponse

from story_pages.distribution.api.change_feed import DEFAULT_LIMIT as DEFAULT_CHANGES
from story_pages.distribution.api.change_feed import MAX_LIMIT as MAX_CHANGES
from story_pages.distribution.api.newsml import MEDIA_TYPE as NEWSML_MEDIA_TYPE
from story_pages.distribution.api.openapi_schemas import SCHEMAS
from story_pages.learning.case_facts import Stage
from story_pages.learning.solutions_openapi import SOLUTION_SCHEMAS, solution_paths
from story_pages.models import StoryFormat, Theme
from story_pages.provinces.register import load_records

UNREADABLE = "A URL holding a NUL byte, or a query string that is not UTF-8, is refused."
VIETNAM_TIME = (
    "A date (YYYY-MM-DD) is a whole day in Vietnam time (UTC+07:00); a date-time may carry its offset "
    "(2026-07-01T08:00:00Z, 2026-07-01T15:00:00+07:00) and is read in Vietnam time without one."
)
PROVINCE_CODES = [record.code for record in load_records()]
UNIT_CODES = [record.code for record in load_records() if record.status == "current"]
LANGUAGES = [code for code, _ in settings.LANGUAGES]


def _ref(kind: str, name: str) -> dict:
    return {"$ref": f"#/components/{kind}/{name}"}


def _query(name, description, schema):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


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


def _ok(description, content):
    """A 200 with the validators a conditional request sends back."""
    return {
        "description": description,
        "headers": {"ETag": _ref("headers", "ETag"), "Last-Modified": _ref("headers", "LastModified")},
        "content": content,
    }


def _get(operation_id, summary, parameters, ok, problems):
    """A GET with the conditional request headers, its 200, its 304 and its errors."""
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [
                *parameters,
                _ref("parameters", "IfNoneMatch"),
                _ref("parameters", "IfModifiedSince"),
            ],
            "responses": {
                "200": ok,
                "304": _ref("responses", "NotModified"),
                **{status: _json(_ref("schemas", "Error"), text) for status, text in problems.items()},
            },
        }
    }


STORY_FILTERS = [
    _query("province", "GSO code of any of the 63 provinces", {"enum": PROVINCE_CODES}),
    _query("unit", "Code of a current unit: includes the provinces merged into it", {"enum": UNIT_CODES}),
    _query("theme", "Theme", {"enum": Theme.values}),
    _query("format", "Text, video or both", {"enum": StoryFormat.values}),
    _query("stage", "Stage of the solution the story tells of (its case facts)", {"enum": Stage.values}),
    _query("locale", "Language", {"enum": LANGUAGES}),
    _query(
        "published_after",
        f"Stories first published at or after this moment (inclusive; a date from its 00:00). {VIETNAM_TIME}",
        _ref("schemas", "Moment"),
    ),
    _query(
        "published_before",
        f"Stories first published at or before this moment (inclusive; a date through its 23:59:59). "
        f"{VIETNAM_TIME}",
        _ref("schemas", "Moment"),
    ),
    _query(
        "search",
        "Words to find, in the text and in what the video says",
        {"type": "string", "maxLength": 200},
    ),
    _query("order", "Publication order", {"enum": ["-first_published_at", "first_published_at"]}),
    _ref("parameters", "Limit"),
    _ref("parameters", "Offset"),
]
PATHS = {
    "/api/v2/stories/": _get(
        "listStories",
        "Published stories, newest first",
        STORY_FILTERS,
        _ok("A page of stories", {"application/json": {"schema": _listing(_ref("schemas", "Story"))}}),
        {"400": f"A parameter is unknown or has a bad value; the message names it. {UNREADABLE}"},
    ),
    "/api/v2/stories/{id}/": _get(
        "getStory",
        "One published story, as in the listing",
        [_ref("parameters", "StoryId")],
        _ok("One story", {"application/json": {"schema": _ref("schemas", "Story")}}),
        {"400": UNREADABLE, "404": "No published story"},
    ),
    "/api/v2/stories/{id}/ninjs/": _get(
        "getStoryNinjs",
        "The story in IPTC ninjs 3.1, or 1.6 with version=1",
        [_ref("parameters", "StoryId"), _query("version", "ninjs major version", {"enum": ["3", "1"]})],
        _ok("A ninjs item", {"application/json": {"schema": _ref("schemas", "Ninjs")}}),
        {"400": f"Unknown version or parameter. {UNREADABLE}", "404": "No story was ever published there"},
    ),
    "/api/v2/stories/{id}/newsml/": _get(
        "getStoryNewsML",
        "The story as an IPTC NewsML-G2 2.35 newsMessage: its newsItem (XHTML body, subjects, place, rights) "
        "and those of its pictures and video, in a package",
        [_ref("parameters", "StoryId")],
        _ok("A NewsML-G2 newsMessage", {NEWSML_MEDIA_TYPE.split(";")[0]: {"schema": {"type": "string"}}}),
        {"400": f"Unknown parameter. {UNREADABLE}", "404": "No published story"},
    ),
    "/api/v2/provinces/": _get(
        "listProvinces",
        "The 63 provinces, their status since 1 July 2025 and their published stories",
        [_query("status", "current or merged", {"enum": ["current", "merged"]})],
        _ok("All provinces", {"application/json": {"schema": _listing(_ref("schemas", "Province"))}}),
        {"400": f"Bad status or unknown parameter. {UNREADABLE}"},
    ),
    "/api/v2/changes/": _get(
        "listChanges",
        "Every change to the public stories, oldest first, to keep a copy in step",
        [
            _query(
                "since",
                "A cursor this feed gave (meta.next, or a change's cursor): the changes after it. "
                "Without it, from the beginning.",
                {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"},
            ),
            _query(
                "limit",
                f"At most this many changes (default {DEFAULT_CHANGES})",
                {"type": "integer", "minimum": 1, "maximum": MAX_CHANGES},
            ),
        ],
        _ok("A page of changes", {"application/json": {"schema": _ref("schemas", "ChangesPage")}}),
        {"400": f"A cursor the feed did not give, a bad limit or an unknown parameter. {UNREADABLE}"},
    ),
    "/api/v2/media/": _get(
        "listMedia",
        "Videos that published stories use, with their web renditions and master",
        [_ref("parameters", "Limit"), _ref("parameters", "Offset")],
        _ok(
            "A page of media items", {"application/json": {"schema": _listing(_ref("schemas", "MediaItem"))}}
        ),
        {"400": f"A bad value. {UNREADABLE}"},
    ),
    "/api/v2/media/{id}/": _get(
        "getMedia",
        "One video that a published story uses",
        [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}],
        _ok("One media item", {"application/json": {"schema": _ref("schemas", "MediaItem")}}),
        {"400": UNREADABLE, "404": "No video of a published story"},
    ),
}
# The ninjs of a story that was public and is not any more.
PATHS["/api/v2/stories/{id}/ninjs/"]["get"]["responses"]["410"] = _json(
    _ref("schemas", "CanceledNinjs"),
    "Withdrawn: unpublished, deleted, made private or moved out. Delete your copy.",
)
PATHS.update(solution_paths(LANGUAGES, UNIT_CODES))
COMPONENTS = {
    "schemas": {
        **SCHEMAS,
        **SOLUTION_SCHEMAS,
        "Moment": {
            "description": VIETNAM_TIME,
            "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}],
        },
    },
    "parameters": {
        # Ids beyond the database's integers are simply not found.
        "StoryId": {
            "name": "id",
            "in": "path",
            "required": True,
            "schema": {"type": "integer", "minimum": 1},
        },
        "Limit": _query("limit", "At most 100", {"type": "integer", "minimum": 0, "maximum": 100}),
        "Offset": _query("offset", "Items to skip", {"type": "integer", "minimum": 0, "maximum": 10**9}),
        "IfNoneMatch": {
            "name": "If-None-Match",
            "in": "header",
            "required": False,
            "description": "The ETag of your copy: 304 Not Modified, with no body, while it is current.",
            "schema": {"type": "string"},
        },
        "IfModifiedSince": {
            "name": "If-Modified-Since",
            "in": "header",
            "required": False,
            "description": (
                "The Last-Modified of your copy (an HTTP date, GMT): 304 Not Modified while nothing public "
                "changed after it. Ignored when If-None-Match is sent."
            ),
            "schema": {"type": "string"},
        },
    },
    "headers": {
        "ETag": {
            "description": "Changes whenever any public content changes; send it back as If-None-Match.",
            "schema": {"type": "string"},
        },
        "LastModified": {
            "description": "When public content last changed, to the second; send it as If-Modified-Since.",
            "schema": {"type": "string"},
        },
    },
    "responses": {
        "NotModified": {
            "description": "Your copy is current (answers say in Cache-Control how long to reuse them).",
            "headers": {"ETag": _ref("headers", "ETag")},
        }
    },
}


def openapi_document(request):
    document = {
        "openapi": "3.1.0",
        "info": {
            "title": "T63 stories API",
            "version": "2.0",
            "description": (
                "Digital-transformation stories of Vietnam's provinces, for newsrooms. Read-only, no key "
                "needed, any origin may GET. Content is CC BY 4.0 unless a story says otherwise; credit "
                "it as 'Nguồn: Cổng T63 – <credit_line>'. Times in answers are in UTC."
            ),
        },
        "servers": [{"url": request.build_absolute_uri("/").rstrip("/"), "description": "This site"}],
        "paths": PATHS,
        "components": COMPONENTS,
    }
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})
