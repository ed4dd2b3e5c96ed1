"""The solutions endpoints in the API's OpenAPI description (merged into it by
distribution/api/openapi.py): paths and shapes only, no imports of the API's code."""

from story_pages.learning.adoptions import AdoptionStatus
from story_pages.models import Theme

UNREADABLE = "A URL holding a NUL byte, or a query string that is not UTF-8, is refused."


def _ref(kind: str, name: str) -> dict:
    return {"$ref": f"#/components/{kind}/{name}"}


def _query(name, description, schema):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def _error(description):
    return {"description": description, "content": {"application/json": {"schema": _ref("schemas", "Error")}}}


def _get(operation_id, summary, parameters, schema, problems):
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
                "200": {
                    "description": summary,
                    "headers": {
                        "ETag": _ref("headers", "ETag"),
                        "Last-Modified": _ref("headers", "LastModified"),
                    },
                    "content": {"application/json": {"schema": schema}},
                },
                "304": _ref("responses", "NotModified"),
                **{status: _error(text) for status, text in problems.items()},
            },
        }
    }


def solution_paths(languages, unit_codes) -> dict:
    filters = [
        _query("locale", "Language", {"enum": languages}),
        _query("theme", "Theme", {"enum": Theme.values}),
        _query("status", "Solutions that some unit runs with this status", {"enum": AdoptionStatus.values}),
        _query("unit", "Solutions adopted by this current unit (its code)", {"enum": unit_codes}),
        _query(
            "min_provinces",
            "Solutions adopted by at least this many units besides their origin",
            {"type": "integer", "minimum": 0, "maximum": 999},
        ),
        _ref("parameters", "Limit"),
        _ref("parameters", "Offset"),
    ]
    listing = {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["total_count"],
                "properties": {"total_count": {"type": "integer"}},
            },
            "items": {"type": "array", "items": _ref("schemas", "Solution")},
        },
    }
    solution_id = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
    return {
        "/api/v2/solutions/": _get(
            "listSolutions",
            "Published solutions, the most adopted first, with their adopters by unit code",
            filters,
            listing,
            {"400": f"A parameter is unknown or has a bad value; the message names it. {UNREADABLE}"},
        ),
        "/api/v2/solutions/{id}/": _get(
            "getSolution",
            "One published solution, as in the listing",
            [solution_id],
            _ref("schemas", "Solution"),
            {"400": f"Unknown parameter. {UNREADABLE}", "404": "No published solution"},
        ),
    }


PAGE_REFERENCE = {
    "type": "object",
    "required": ["id", "title", "url"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": {"type": ["string", "null"]},
    },
}
UNIT = {
    "type": "object",
    "required": ["code", "name"],
    "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
}
SOLUTION = {
    "type": "object",
    "required": [
        "id",
        "title",
        "locale",
        "url",
        "summary",
        "built_by",
        "theme",
        "origin",
        "adopters",
        "stories",
    ],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "locale": {"type": "string"},
        "url": {"type": ["string", "null"]},
        "summary": {"type": "string"},
        "description": {"type": "string"},
        "built_by": {"type": "string", "description": "The organisation that built it"},
        "theme": {"type": "object", "required": ["code", "label"]},
        "website": {"type": ["string", "null"]},
        "origin": {
            "type": "object",
            "required": ["province", "unit"],
            "description": "The province it was built in (one of the 63) and the unit it is part of today",
            "properties": {"province": UNIT, "unit": UNIT},
        },
        "adopter_count": {"type": "integer"},
        "adopters": {
            "type": "array",
            "description": "Approved adoption records, one per current unit (merged provinces: their unit)",
            "items": {
                "type": "object",
                "required": ["unit", "status", "since", "story"],
                "properties": {
                    "unit": UNIT,
                    "status": {
                        "type": "object",
                        "required": ["code", "label"],
                        "properties": {"code": {"enum": AdoptionStatus.values}, "label": {"type": "string"}},
                    },
                    "since": {"type": "string", "format": "date"},
                    "story": {"anyOf": [PAGE_REFERENCE, {"type": "null"}]},
                },
            },
        },
        "stories": {
            "type": "array",
            "items": PAGE_REFERENCE,
            "description": "Published stories that tell of it",
        },
    },
}
SOLUTION_SCHEMAS = {"Solution": SOLUTION}
STORY_SOLUTIONS = {
    "type": "array",
    "items": PAGE_REFERENCE,
    "description": "The solutions the story tells of",
}
