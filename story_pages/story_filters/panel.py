"""What a listing shows of story_filters: one group of plain links per filter, the same choices as
a GET form that needs no JavaScript, the message for an unknown value, and the feed of the list."""

from dataclasses import dataclass

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from story_pages import story_filters
from story_pages.learning.case_facts import Stage
from story_pages.provinces.names import sorted_by_name
from story_pages.story_filters import model_choices, published_years

LABELS = {
    "theme": _("Theme"),
    "unit": _("Unit (since 1 July 2025)"),
    "province": _("Former province"),
    "format": pgettext_lazy("story format", "Format"),
    "year": _("Year"),
    "stage": _("Stage"),
    "sort": _("Order of the stories"),
}
ALL = {
    "theme": _("All themes"),
    "unit": _("All units"),
    "province": _("All provinces"),
    "format": _("All formats"),
    "year": _("All years"),
    "stage": _("All stages"),
    "sort": _("Newest first"),  # the default order, written as no parameter at all
}
# Long lists of links fold away (a <details>, no script needed) so the stories stay near the top.
FOLDED = {"unit", "province"}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    url: str
    current: bool


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    choices: list[Choice]
    folded: bool

    @property
    def current_label(self) -> str:
        return next((choice.label for choice in self.choices if choice.current), "")


@dataclass(frozen=True)
class Panel:
    groups: list[Group]
    unknown_message: str
    feed_query: str
    # Every valid filter and the order, as codes that read the same in every language: the
    # language switcher takes them along to the other language's list.
    query: str
    labels: list[str]  # what the filters choose, in words


def listing(request, locale, stories, keys=story_filters.KEYS):
    """(redirect, context): the links' URL if the request is the GET form's (empty fields, another
    order), else the page of filtered cards and the filter panel for the template."""
    filters = story_filters.StoryFilters.read(request.GET, locale.pk, keys)
    if (query := story_filters.canonical_query(request, filters)) is not None:
        return redirect(request.path + query), {}
    return None, {
        "stories": filters.applied(stories).cards_page(request),
        "filter_panel": panel(request, filters, locale, keys),
    }


def panel(request, filters: story_filters.StoryFilters, locale, keys=story_filters.KEYS) -> Panel:
    path = request.path
    options = _options(filters, locale)
    groups = []
    for key in keys:
        pairs = [("", ALL[key]), *options[key]]
        selected = filters[key] or ""
        choices = [
            Choice(value, str(label), path + filters.query_string(**{key: value or None}), value == selected)
            for value, label in pairs
        ]
        groups.append(Group(key, str(LABELS[key]), choices, key in FOLDED))
    # A feed lists the newest: the order is the page's alone.
    feed_query = filters.query_string(sort=None)
    return Panel(groups, unknown_message(filters), feed_query, filters.query_string(), filters.labels())


def unknown_message(filters: story_filters.StoryFilters) -> str:
    if not filters.unknown:
        return ""
    names = ", ".join(str(LABELS[key]).lower() for key in filters.unknown)
    return gettext("These filters were not understood and are not applied: %(filters)s.") % {"filters": names}


def _options(filters, locale) -> dict[str, list[tuple[str, str]]]:
    return {
        "theme": model_choices("StoryPage", "theme"),
        "unit": [
            (place.code, place.unit_label)
            for place in sorted_by_name(
                [place for place in filters.places if place.current],
                lambda place: place.short_name_today or place.short_name,
            )
        ],
        # Already in alphabetical order of the provinces' names.
        "province": [(place.code, place.former_label) for place in filters.places],
        "format": model_choices("StoryPage", "story_format"),
        "year": [(str(year), str(year)) for year in published_years(locale)],
        "stage": list(Stage.choices),
        "sort": [(story_filters.SORT_USEFUL, _("Most useful first"))],
    }


def feed_urls(kind_prefix: str, query: str, **kwargs) -> tuple[str, str]:
    """(RSS, Atom) of a listing's feed ("", "province_", "theme_") with the listing's filters."""
    rss = reverse(f"feeds:{kind_prefix}rss", kwargs=kwargs) + query
    atom = reverse(f"feeds:{kind_prefix}atom", kwargs=kwargs) + query
    return rss, atom


def filtered_name(name: str, filter_panel: Panel) -> str:
    """A list's name with what its filters choose: "All stories: Kinh tế số, 2024"."""
    if not filter_panel.labels:
        return name
    return gettext("%(title)s: %(filters)s") % {"title": name, "filters": ", ".join(filter_panel.labels)}
