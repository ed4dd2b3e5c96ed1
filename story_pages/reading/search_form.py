"""The reader search form: the words, and filters by theme, place, format and year."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from story_pages import story_filters
from story_pages.models import StoryFormat, Theme
from story_pages.provinces import names
from story_pages.reading.quick_select import QuickSelect

# A place's value is a code: a unit of today (with the provinces merged into it), or a province
# merged into one, alone. The province whose code its unit kept (Bắc Giang's 24 is the code of
# today's Bắc Ninh) is written "province-24" alone: the all-stories filters' ?province=24.
ALONE = "province-"


def _place_choices(places: list[story_filters.Place]):
    """Each unit of today, then, when it was made of several, each of those provinces alone: every
    option says which of the two it is. Units and provinces in Vietnamese alphabetical order."""
    groups = []
    units = [place for place in places if place.current]
    for unit in names.sorted_by_name(units, lambda place: place.short_name_today or place.short_name):
        former = [place for place in places if unit.pk in (place.pk, place.merged_into_id)]
        if len(former) == 1:
            groups.append((unit.unit_label, [(unit.code, unit.unit_label)]))
            continue
        everything = _("%(unit)s today: all its %(count)s former provinces") % {
            "unit": unit.unit_label,
            "count": len(former),
        }
        alone = [
            (
                ALONE + province.code if province.current else province.code,
                _("%(province)s alone (before 1 July 2025)")
                % {"province": names.place_name(province.short_name, province.official_name)},
            )
            for province in former  # already in alphabetical order
        ]
        groups.append((unit.unit_label, [(unit.code, everything), *alone]))
    return [("", _("All provinces"))] + groups


def _place_filters(value: str, places: list[story_filters.Place]) -> dict[str, str]:
    """The story_filters that a place's value stands for."""
    if value.startswith(ALONE):
        return {"province": value.removeprefix(ALONE)}
    current = next(place.current for place in places if place.code == value)
    return {"unit": value} if current else {"province": value}


class StorySearchForm(forms.Form):
    q = forms.CharField(label=_("Words to find"), required=False, max_length=200)
    theme = forms.ChoiceField(
        label=_("Theme"),
        required=False,
        choices=[("", _("All themes"))] + Theme.choices,
        widget=QuickSelect,
    )
    place = forms.ChoiceField(label=_("Province or unit"), required=False, widget=QuickSelect)
    format = forms.ChoiceField(
        label=pgettext_lazy("story format", "Format"),
        required=False,
        choices=[("", _("All formats"))] + StoryFormat.choices,
        widget=QuickSelect,
    )
    year = forms.TypedChoiceField(
        label=_("Year"), required=False, coerce=int, empty_value=None, widget=QuickSelect
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.places = story_filters.places(locale.pk)  # one query, for the choices and the filter
        self.fields["place"].choices = _place_choices(self.places)
        self.fields["year"].choices = [("", _("All years"))] + [
            (year, year) for year in story_filters.published_years(locale)
        ]

    def filtered(self, stories):
        """``stories`` narrowed by every valid filter; an invalid one is reported, not applied."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        if data.get("theme"):
            stories = stories.filter(theme=data["theme"])
        if data.get("format"):
            stories = stories.filter(story_format=data["format"])
        if data.get("year"):
            stories = stories.filter(first_published_at__year=data["year"])
        if data.get("place"):
            filters = story_filters.StoryFilters(self.places, _place_filters(data["place"], self.places))
            stories = filters.narrowed(stories)
        return stories
