"""The stories endpoint's query parameters, validated: a bad value is a 400 that names it."""

from datetime import UTC, datetime, time

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.api.v2.utils import BadRequestError

from search import engine as search_engine
from story_pages.learning.case_facts import Stage
from story_pages.models import ProvincePage, ProvinceStatus, StoryFormat, Theme

FILTER_PARAMETERS = frozenset(
    {
        "province",
        "unit",
        "theme",
        "format",
        "stage",
        "locale",
        "published_after",
        "published_before",
        "search",
        "order",
    }
)
ORDERINGS = {"-first_published_at", "first_published_at"}
EARLIEST, LATEST = datetime(1900, 1, 1), datetime(3000, 1, 1)
MAX_SEARCH_LENGTH = 200  # as the readers' search form


class StoryFilters:
    """The stories endpoint's filters, read from a QueryDict once; a bad value raises
    BadRequestError naming its parameter.

    ``on_pages`` holds the conditions on the page table (language, place, dates). Without
    conditions on the story table a listing is counted from plain pages, a join fewer (the
    search matches plain pages as well).
    """

    def __init__(self, params):
        self.on_pages = Q()
        self.on_stories = Q()
        if "locale" in params:
            self.on_pages &= Q(locale__language_code=_language(params))
        for name in ("province", "unit"):
            if name in params:
                self.on_pages &= _under_province(params, name)
        if "published_after" in params:
            self.on_pages &= Q(first_published_at__gte=_moment(params, "published_after", time.min))
        if "published_before" in params:
            self.on_pages &= Q(first_published_at__lte=_moment(params, "published_before", time.max))
        if "theme" in params:
            self.on_stories &= Q(theme=_choice(params, "theme", Theme.values))
        if "format" in params:
            self.on_stories &= Q(story_format=_choice(params, "format", StoryFormat.values))
        if "stage" in params:
            self.on_stories &= Q(case_stage=_choice(params, "stage", Stage.values))
        order = params.get("order", "-first_published_at")
        if order not in ORDERINGS:
            raise BadRequestError(f"order: must be one of {', '.join(sorted(ORDERINGS))}")
        # The id breaks ties so that pages of results never overlap.
        self.ordering = (order, "-pk" if order.startswith("-") else "pk")
        if len(params.get("search", "")) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"search: at most {MAX_SEARCH_LENGTH} characters")
        self.search = params.get("search", "").strip()

    @property
    def countable_as_pages(self) -> bool:
        """Whether plain pages take these filters as well as stories do."""
        return not self.on_stories

    def apply(self, queryset):
        """``queryset`` (stories; or plain pages when countable_as_pages) filtered and ordered."""
        queryset = queryset.filter(self.on_pages, self.on_stories).order_by(*self.ordering)
        if self.search:
            # The readers' search, in publication order: outlets page through results by date.
            return search_engine.search(queryset, self.search, by_relevance=False)
        return queryset


def _under_province(params, name) -> Q:
    """Stories are children of their province; a unit also has the provinces merged into it.

    Matching on the province code covers every language's copy of the province at once; one
    query finds the province and, for a unit, what was merged into it.
    """
    code = params[name]
    wanted = Q(code=code) | Q(merged_into__code=code) if name == "unit" else Q(code=code)
    rows = list(
        ProvincePage.objects.filter(wanted).values_list("path", "code", "status", "merged_into__code")
    )
    # Every language's copy of a province has the same code, status and unit.
    status, unit = next(((status, unit) for _, found, status, unit in rows if found == code), (None, None))
    if status is None:
        raise BadRequestError(f"{name}: unknown province code {code!r}; use a two-digit GSO code of the 63")
    if name == "unit" and status != ProvinceStatus.CURRENT:
        raise BadRequestError(f"unit: {code!r} is no current unit since 1 July 2025; it is part of {unit!r}")
    condition = Q()
    for path, *_ in rows:
        condition |= Q(path__startswith=path, depth=len(path) // 4 + 1)
    return condition


def _language(params):
    code = params["locale"]
    if code not in dict(settings.LANGUAGES):
        raise BadRequestError(
            f"locale: unknown language {code!r}; use one of {', '.join(dict(settings.LANGUAGES))}"
        )
    return code


def _choice(params, name, allowed):
    value = params[name]
    if value not in allowed:
        raise BadRequestError(f"{name}: unknown value {value!r}; use one of {', '.join(allowed)}")
    return value


def _moment(params, name, default_time):
    """An ISO 8601 date or date-time; a bare date covers that whole day (Vietnam time)."""
    text = params[name]
    try:
        day = parse_date(text)  # checked first: parse_datetime reads a bare date as midnight
        moment = datetime.combine(day, default_time) if day else parse_datetime(text)
    except ValueError:
        moment = None
    if moment is None:
        raise BadRequestError(f"{name}: {text!r} is not a date; use YYYY-MM-DD or an ISO 8601 date-time")
    # Far-off dates mean "no bound"; clamping keeps time-zone arithmetic within datetime's range.
    wall_clock = moment.replace(tzinfo=None)
    if not EARLIEST <= wall_clock <= LATEST:
        return timezone.make_aware(min(max(wall_clock, EARLIEST), LATEST))
    aware = moment if timezone.is_aware(moment) else timezone.make_aware(moment)
    # In UTC: Python accepts offsets up to ±23:59, PostgreSQL only ±15:59 (a 500 otherwise).
    return aware.astimezone(UTC)
