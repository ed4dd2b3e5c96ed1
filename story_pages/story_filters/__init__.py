"""The filters a reader can put on a list of stories, and the feed of that list can take too:
theme, unit (one of the 34, with the provinces merged into it), province (one of the 63, alone),
format, year of first publication, stage of the case facts, and the order.

Shared by the reader listings (all stories, a theme, a province) and the feeds, which must not
import each other: the same query string narrows a page and its feed alike. A value that is not
one of the choices is reported (``unknown``) and not applied, so a mistyped or outdated link shows
a message and the wider list rather than an error.

The page models use it too (a province page's listing): it asks Django's app registry for them
rather than importing story_pages.models, which would make an import cycle.
"""

import functools
import operator
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from story_pages.learning.case_facts import Stage
from story_pages.provinces import names

# The order of the parameters in every URL T63 writes: a link and the no-JavaScript form's
# submission (redirected to this form) are one URL, so one cached page.
KEYS = ("theme", "unit", "province", "format", "year", "stage", "sort")
# A feed's order is its own (the last published first): ?sort= is the pages' alone.
FEED_KEYS = tuple(key for key in KEYS if key != "sort")
SORT_NEWEST, SORT_USEFUL = "newest", "useful"
SORTS = (SORT_NEWEST, SORT_USEFUL)
CURRENT = "current"  # ProvinceStatus.CURRENT: a unit of the 34
# A feed's order is its own (the last published first): ?sort= is the pages' alone.
FEED_KEYS = tuple(key for key in KEYS if key != "sort")


@dataclass(frozen=True)
class Place:
    """A province page read as a plain row: 63 page objects cost more than the listing."""

    pk: int
    code: str
    path: str
    title: str
    name_today: str
    current: bool
    merged_into_id: int | None
    short_name: str = ""
    official_name: str = ""
    short_name_today: str = ""

    @property
    def unit_label(self) -> str:
        """As a unit of today, in the reader's language: "Tỉnh Bắc Ninh", "Bắc Ninh Province"."""
        return names.place_name(self.short_name_today or self.short_name, self.name_today)

    @property
    def former_label(self) -> str:
        """As a province of the T63 era: "Tỉnh Bắc Giang (đến 30/6/2025)"."""
        return names.former_name(self.short_name, self.official_name)


def model_choices(model: str, name: str) -> list[tuple[str, str]]:
    """The choices of a page model's field (the themes, the formats, the provinces' status)."""
    return list(apps.get_model("story_pages", model)._meta.get_field(name).choices)


def places(locale_id) -> list[Place]:
    """The 63 provinces of one language, in one query, in Vietnamese alphabetical order."""
    ProvincePage = apps.get_model("story_pages", "ProvincePage")
    rows = ProvincePage.objects.filter(locale_id=locale_id).values_list(
        "pk",
        "code",
        "path",
        "title",
        "current_name",
        "official_name",
        "status",
        "merged_into_id",
        "short_name",
        "current_short_name",
    )
    listed = [
        Place(
            pk,
            code,
            path,
            title,
            ProvincePage.name_today(current, official),
            status == CURRENT,
            merged,
            short_name,
            official,
            current_short,
        )
        for pk, code, path, title, current, official, status, merged, short_name, current_short in rows
    ]
    return names.sorted_by_name(listed, lambda place: place.short_name)


@dataclass
class StoryFilters:
    """The valid filters of one query string, and the names of those whose value was unknown."""

    places: list[Place]
    values: dict[str, str] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, params, locale_id, keys=KEYS, place_list=None) -> "StoryFilters":
        """The filters among ``keys`` in ``params`` (a QueryDict); empty values mean "all"."""
        filters = cls(place_list if place_list is not None else places(locale_id))
        choices = filters.choices()
        for key in keys:
            value = params.get(key, "")
            if value == "":
                continue
            if key == "sort" and value == SORT_NEWEST:
                continue  # the default order: the links write no parameter for it
            if value in choices[key]:
                filters.values[key] = value
            else:
                filters.unknown.append(key)
        return filters

    def choices(self) -> dict[str, set[str]]:
        by_code = {place.code for place in self.places}
        return {
            "theme": {value for value, _label in model_choices("StoryPage", "theme")},
            "unit": {place.code for place in self.places if place.current},
            "province": by_code,
            "format": {value for value, _label in model_choices("StoryPage", "story_format")},
            "year": _YearChoices(),
            "stage": set(Stage.values),
            "sort": set(SORTS),
        }

    def __getitem__(self, key):
        return self.values.get(key)

    @property
    def useful_first(self) -> bool:
        return self["sort"] == SORT_USEFUL

    def place(self, key: str) -> Place | None:
        code = self[key]
        return next((place for place in self.places if place.code == code), None) if code else None

    def unit_places(self) -> list[Place]:
        unit = self.place("unit")
        return [place for place in self.places if unit and unit.pk in (place.pk, place.merged_into_id)]

    def narrowed(self, stories):
        """``stories`` narrowed by every filter, in no particular order."""
        if self["theme"]:
            stories = stories.filter(theme=self["theme"])
        if self["format"]:
            stories = stories.filter(story_format=self["format"])
        if self["year"]:
            stories = stories.filter(first_published_at__year=int(self["year"]))
        if self["stage"]:
            stories = stories.filter(case_stage=self["stage"])
        if self["unit"]:
            stories = stories.filter(_under(self.unit_places()))
        if self["province"]:
            stories = stories.filter(_under([self.place("province")]))
        return stories

    def applied(self, stories):
        """Narrowed and sorted: newest first, or most useful first (readers' "useful" answers
        summed over every day), ties newest first."""
        stories = self.narrowed(stories)
        if self.useful_first:
            useful = Coalesce(Sum("usefulness_days__useful"), 0)
            stories = stories.annotate(useful_total=useful)
            return stories.order_by("-useful_total", "-first_published_at", "-pk")
        return stories.order_by("-first_published_at", "-pk")

    def labels(self) -> list[str]:
        """What the applied filters choose, in the active language and in KEYS order (the order
        left out): how a feed's title or a list's name says which stories it holds."""
        named = {
            "theme": dict(model_choices("StoryPage", "theme")),
            "unit": {place.code: place.name_today for place in self.places},
            "province": {place.code: place.title for place in self.places},
            "format": dict(model_choices("StoryPage", "story_format")),
            "stage": dict(Stage.choices),
        }
        return [str(named[key][self[key]]) if key in named else self[key] for key in FEED_KEYS if self[key]]

    def query_string(self, **changes) -> str:
        """``?theme=…&…`` of these filters with ``changes`` (None removes one), in KEYS order;
        "" without any. A change of filter starts again at page 1, so no page is kept."""
        values = {**self.values, **changes}
        pairs = [(key, values[key]) for key in KEYS if values.get(key) not in (None, "")]
        return f"?{urlencode(pairs)}" if pairs else ""


def canonical_query(request, filters: StoryFilters) -> str | None:
    """The query string the links would have written for this request, if it differs (the GET
    form sends every field, empty ones too); None if the request already has it or names an
    unknown value (that one is answered with a message, not moved)."""
    if filters.unknown:
        return None
    wanted = filters.query_string()
    page = request.GET.get("page", "")
    if page:
        wanted += ("&" if wanted else "?") + urlencode({"page": page})
    current = request.GET.urlencode()
    return wanted if (f"?{current}" if current else "") != wanted else None


class _YearChoices:
    """Any plausible four-digit year: a year without stories is a valid, empty filter."""

    def __contains__(self, value) -> bool:
        return isinstance(value, str) and value.isdigit() and len(value) == 4 and 1900 < int(value) < 2200


def _under(places_: list[Place]) -> Q:
    # Stories are the children of province pages: a path prefix selects a province's stories.
    return functools.reduce(operator.or_, (Q(path__startswith=place.path) for place in places_))


def published_years(locale) -> list[int]:
    """From the newest story's year back to the oldest's: two reads of the date index, where
    listing the distinct years would read every story."""
    StoryPage = apps.get_model("story_pages", "StoryPage")
    dates = StoryPage.objects.published().filter(locale=locale, first_published_at__isnull=False)
    dates = dates.order_by("first_published_at").values_list("first_published_at", flat=True)
    oldest, newest = dates.first(), dates.last()
    if oldest is None:
        return []
    return list(range(timezone.localtime(newest).year, timezone.localtime(oldest).year - 1, -1))
