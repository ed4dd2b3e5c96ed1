"""Stories read as plain rows for the API's listings, each with its province in the same row.

Building page objects costs more than the query, and under load each round trip to the
database costs more than the small queries themselves: the province (and the unit it belongs to
today) comes with its story as a JSON object from a subquery on the page's parent path, which
the tree's path index answers.
"""

import functools
from types import SimpleNamespace

from django.db.models import ExpressionWrapper, F, JSONField, OuterRef, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import JSONObject, Length, Substr

from story_pages.learning.case_facts import CASE_FIELDS
from story_pages.models import ProvincePage, StoryPage

PROVINCE_COLUMNS = (
    "code",
    "title",
    "official_name",
    "status",
    "current_name",
    "merged_into__code",
    "merged_into__official_name",
    "merged_into__current_name",
)


def province_representation(row) -> dict:
    """A story's province from its row; the unit named as unit_reference() names it."""
    unit = "merged_into__" if row["merged_into__code"] else ""
    return {
        "code": row["code"],
        "name": row["title"],
        "official_name": row["official_name"],
        "status": row["status"],
        "current_unit": {
            "code": row[f"{unit}code"],
            "name": ProvincePage.name_today(row[f"{unit}current_name"], row[f"{unit}official_name"]),
        },
    }


def _province_subquery() -> Subquery:
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - StoryPage.steplen)
    province = ProvincePage.objects.filter(path=parent_path).order_by()
    return Subquery(province.values(row=JSONObject(**{column: column for column in PROVINCE_COLUMNS}))[:1])


@functools.cache
def _province_of_each_story(alias: str) -> RawSQL:
    """The province subquery as SQL, compiled once per database: it never changes, and building
    and compiling it took a tenth of an uncached listing. It names the story's page as every
    StoryPage query does ("wagtailcore_page", the table of its parent link)."""
    outer = StoryPage.objects.all().query
    sql, params = outer.get_compiler(using=alias).compile(_province_subquery().resolve_expression(outer))
    return RawSQL(sql, params, output_field=JSONField())


BODY_BLOCK_TYPES = frozenset(StoryPage.body.field.stream_block.child_blocks)


class StoryRow:
    """A story's columns, as the representation reads them. Reads like a StoryPage, down to its
    derived properties; ``province_row`` holds its province's PROVINCE_COLUMNS and ``blocks``
    its body's blocks as stored ({"type", "value", "id"}), of the types the body has today."""

    COLUMNS = (
        "id",
        "path",
        "translation_key",
        "locale__language_code",
        "title",
        "summary",
        "theme",
        "story_format",
        "body_words",
        "hero_image_id",
        "hero_image_alt",
        "credit_line",
        "licence",
        "url_path",
        "first_published_at",
        "last_published_at",
        "latest_revision_id",  # ninjs's version
        *CASE_FIELDS,
    )
    steplen = StoryPage.steplen
    reading_minutes = StoryPage.reading_minutes
    licence_url = StoryPage.licence_url

    def __init__(self, row: dict):
        self.__dict__.update(row)
        self.pk = row["id"]
        # A type since removed from the body is skipped, as a StreamField skips it.
        self.blocks = [block for block in row["blocks"] or () if block["type"] in BODY_BLOCK_TYPES]
        self.locale = SimpleNamespace(language_code=row["locale__language_code"])

    @classmethod
    def of(cls, stories: QuerySet) -> list["StoryRow"]:
        stories = stories.annotate(
            province_row=_province_of_each_story(stories.db),
            # The stored JSON alone: a StreamValue costs more to build than the API reads of it.
            blocks=ExpressionWrapper(F("body"), output_field=JSONField()),
        )
        return [cls(row) for row in stories.values(*cls.COLUMNS, *stories.query.annotations)]
