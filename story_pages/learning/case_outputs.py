"""A story's case facts as the API, ninjs and schema.org carry them.

Everything here reads the ``case_*`` attributes only, so a StoryPage and the API's StoryRow both
serve.
"""

import functools

from django.utils import translation

from story_pages.learning.case_facts import Stage, partner_list

# The case facts as a schema (OpenAPI 3.1) for the API's description.
CASE_SCHEMA = {
    "type": "object",
    "description": "The case facts: what the solution solved, when, its stage, cost, partners, contact.",
    "required": ["problem", "started", "ended", "stage", "cost", "partners", "contact"],
    "properties": {
        "problem": {"type": ["string", "null"]},
        "started": {"type": ["string", "null"], "format": "date"},
        "ended": {"type": ["string", "null"], "format": "date"},
        "stage": {
            "type": ["object", "null"],
            "required": ["code", "label"],
            "properties": {"code": {"enum": Stage.values}, "label": {"type": "string"}},
        },
        "cost": {"type": ["string", "null"]},
        "partners": {"type": "array", "items": {"type": "string"}},
        "contact": {
            "type": "object",
            "required": ["email", "phone"],
            "properties": {
                "email": {"type": ["string", "null"], "format": "email"},
                "phone": {"type": ["string", "null"]},
            },
        },
    },
}


@functools.cache
def stage_label(code: str, language: str) -> str:
    with translation.override(language):
        return str(Stage(code).label)


def case_representation(story) -> dict:
    """The `case` object of the API: every key always there, null (or []) when not given."""
    language = story.locale.language_code
    stage = story.case_stage
    return {
        "problem": story.case_problem or None,
        "started": story.case_started.isoformat() if story.case_started else None,
        "ended": story.case_ended.isoformat() if story.case_ended else None,
        "stage": {"code": stage, "label": stage_label(stage, language)} if stage else None,
        "cost": story.case_cost or None,
        "partners": partner_list(story.case_partners),
        "contact": {"email": story.case_contact_email or None, "phone": story.case_contact_phone or None},
    }


def _period(case) -> str | None:
    """The period as an ISO 8601 interval; an open end while the solution runs (2021-03-01/..)."""
    if not case["started"]:
        return None
    return f"{case['started']}/{case['ended'] or '..'}"


def _contact_info(case) -> list[dict]:
    contact = case["contact"]
    found = [("email", contact["email"]), ("phone", contact["phone"])]
    return [{"type": kind, "role": "office", "value": value} for kind, value in found if value]


def ninjs3_case(item: dict) -> dict:
    """What ninjs 3 adds for the case facts: descriptions by role, the stage as a subject, the
    partners and the implementing team (with its office contact) as organisations."""
    case = item["case"]
    texts = [("problem", case["problem"]), ("period", _period(case)), ("cost", case["cost"])]
    descriptions = [
        {"role": role, "contentType": "text/plain", "value": value} for role, value in texts if value
    ]
    subjects = []
    if case["stage"]:
        subjects.append({"name": case["stage"]["label"], "rel": "stage", "literal": case["stage"]["code"]})
    organisations = [{"name": name, "rel": "partner"} for name in case["partners"]]
    if contact := _contact_info(case):
        organisations.append({"name": item["credit_line"], "rel": "implementer", "contactInfo": contact})
    return {"descriptions": descriptions, "subjects": subjects, "organisations": organisations}


def ninjs1_case(item: dict) -> dict:
    """The same in ninjs 1.x: description_<purpose> strings, subject and organisation arrays."""
    case = item["case"]
    fields = {}
    texts = [("problem", case["problem"]), ("period", _period(case)), ("cost", case["cost"])]
    fields.update({f"description_{role}": value for role, value in texts if value})
    contact = "; ".join(info["value"] for info in _contact_info(case))
    if contact:
        fields["description_contact"] = contact
    subjects = []
    if case["stage"]:
        subjects.append({"name": case["stage"]["label"], "rel": "stage", "code": case["stage"]["code"]})
    organisations = [{"name": name, "rel": "partner"} for name in case["partners"]]
    return {"fields": fields, "subject": subjects, "organisation": organisations}


def json_ld_project(story, language: str) -> dict | None:
    """The solution the story tells of, as a schema.org Project (an Organization): what it solved,
    when it ran, its partners and the team's contact point; the stage and cost as properties."""
    if not story.has_case_facts:
        return None
    case = case_representation(story)
    properties = []
    if case["stage"]:
        stage = case["stage"]
        properties.append(
            {
                "@type": "PropertyValue",
                "propertyID": "stage",
                "name": str(stage_label_name(language)),
                "value": stage["label"],
                "valueReference": stage["code"],
            }
        )
    if case["cost"]:
        properties.append(
            {
                "@type": "PropertyValue",
                "propertyID": "cost",
                "name": str(cost_name(language)),
                "value": case["cost"],
            }
        )
    contact = case["contact"]
    contact_point = None
    if contact["email"] or contact["phone"]:
        contact_point = _without_empty(
            {
                "@type": "ContactPoint",
                "contactType": "office",
                "email": contact["email"],
                "telephone": contact["phone"],
            }
        )
    return _without_empty(
        {
            "@type": "Project",
            "name": story.title,
            "description": case["problem"],
            "foundingDate": case["started"],
            "dissolutionDate": case["ended"],
            "member": [{"@type": "Organization", "name": name} for name in case["partners"]],
            "contactPoint": contact_point,
            "additionalProperty": properties,
        }
    )


def stage_label_name(language: str) -> str:
    with translation.override(language):
        return str(translation.gettext("Stage"))


def cost_name(language: str) -> str:
    with translation.override(language):
        return str(translation.gettext("Cost or budget"))


def _without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value is not None and value not in ("", [])}
