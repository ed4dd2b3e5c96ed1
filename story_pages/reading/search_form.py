"""The reader search form: the words, and filters by theme, place, format and year."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from story_pages.models import ProvincePage, ProvinceStatus, StoryFormat, StoryPage, Theme
from story_pages.provinces import names
from story_pages.reading.quick_select import QuickSelect
from story_pages.story_filters import published_years


def _place_choices(locale):
    """Each unit of today, then, when it was made of several, each of those provinces alone: every
    option says which of the two it is. Units and provinces in Vietnamese alphabetical order."""
    # Plain rows: 63 page objects cost more than the rest of an uncached search.
    rows = ProvincePage.objects.filter(locale=locale).values_list(
        "pk",
        "code",
        "short_name",
        "official_name",
        "status",
        "current_short_name",
        "current_name",
        "merged_into_id",
        named=True,
    )
    merged: dict[int, list] = {}
    for row in rows:
        if row.merged_into_id:
            merged.setdefault(row.merged_into_id, []).append(row)
    units = [row for row in rows if row.status == ProvinceStatus.CURRENT]
    groups = []
    for row in names.sorted_by_name(units, lambda row: row.current_short_name or row.short_name):
        unit = names.place_name(
            row.current_short_name or row.short_name, row.current_name or row.official_name
        )
        former = names.sorted_by_name(merged.get(row.pk, []), lambda province: province.short_name)
        if not former:
            groups.append((unit, [(row.code, unit)]))
            continue
        everything = _("%(unit)s today: all its %(count)s former provinces") % {
            "unit": unit,
            "count": len(former) + 1,
        }
        alone = [
            (
                province.code,
                _("%(province)s alone (before 1 July 2025)")
                % {"province": names.place_name(province.short_name, province.official_name)},
            )
            for province in former
        ]
        groups.append((unit, [(row.code, everything), *alone]))
    return [("", _("All provinces"))] + groups


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
        self.fields["place"].choices = _place_choices(locale)
        self.fields["year"].choices = [("", _("All years"))] + [
            (year, year) for year in published_years(locale)
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
            province = ProvincePage.objects.get(locale=self.locale, code=data["place"])
            places = province.unit_provinces() if province.is_current else [province]
            stories = stories.filter(pk__in=StoryPage.objects.published_in(places).values("pk"))
        return stories
