"""The stories endpoint's query parameters, validated: a bad value is a 400 that names it."""

from datetime import datetime, time

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale

from search import engine as search_engine

from ..models import ProvincePage, StoryFormat, Theme

FILTER_PARAMETERS = frozenset(
    {
        "province",
        "unit",
        "theme",
        "format",
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


def filter_stories(queryset, params):
    """Apply every filter in ``params`` (a QueryDict); raises BadRequestError on a bad value."""
    locale = _locale(params)
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    if "province" in params:
        queryset = queryset.filter(_under_provinces(_province(params, "province", locale), unit=False))
    if "unit" in params:
        queryset = queryset.filter(_under_provinces(_province(params, "unit", locale), unit=True))
    if "theme" in params:
        queryset = queryset.filter(theme=_choice(params, "theme", Theme.values))
    if "format" in params:
        queryset = queryset.filter(story_format=_choice(params, "format", StoryFormat.values))
    if "published_after" in params:
        queryset = queryset.filter(first_published_at__gte=_moment(params, "published_after", time.min))
    if "published_before" in params:
        queryset = queryset.filter(first_published_at__lte=_moment(params, "published_before", time.max))
    order = params.get("order", "-first_published_at")
    if order not in ORDERINGS:
        raise BadRequestError(f"order: must be one of {', '.join(sorted(ORDERINGS))}")
    # The id breaks ties so that pages of results never overlap.
    queryset = queryset.order_by(order, "-pk" if order.startswith("-") else "pk")
    if len(params.get("search", "")) > MAX_SEARCH_LENGTH:
        raise BadRequestError(f"search: at most {MAX_SEARCH_LENGTH} characters")
    if "search" in params and params["search"].strip():
        # The readers' search, in publication order: outlets page through results by date.
        return search_engine.search(queryset, params["search"], by_relevance=False)
    return queryset


def _locale(params):
    if "locale" not in params:
        return None
    code = params["locale"]
    if code not in dict(settings.LANGUAGES):
        raise BadRequestError(
            f"locale: unknown language {code!r}; use one of {', '.join(dict(settings.LANGUAGES))}"
        )
    return Locale.objects.get(language_code=code)


def _province(params, name, locale):
    code = params[name]
    provinces = ProvincePage.objects.filter(code=code, locale=locale or Locale.get_default())
    province = provinces.first()
    if province is None:
        raise BadRequestError(f"{name}: unknown province code {code!r}; use a two-digit GSO code of the 63")
    if name == "unit" and not province.is_current:
        unit = province.merged_into.code
        raise BadRequestError(f"unit: {code!r} is no current unit since 1 July 2025; it is part of {unit!r}")
    return province


def _under_provinces(province, unit):
    """Stories are children of their province; a unit also has the provinces merged into it.

    Matching on the province code covers every language's copy of the province at once.
    """
    codes = [province.code]
    if unit:
        codes += list(province.merged_provinces.values_list("code", flat=True))
    parent_paths = ProvincePage.objects.filter(code__in=codes).values_list("path", flat=True)
    condition = Q()
    for path in parent_paths:
        condition |= Q(path__startswith=path, depth=len(path) // 4 + 1)
    return condition


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
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)
