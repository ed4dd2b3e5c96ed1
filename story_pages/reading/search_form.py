"""The reader search form: the words, and filters by theme, place, format and year."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from story_pages.models import ProvincePage, ProvinceStatus, StoryFormat, StoryPage, Theme
from story_pages.reading.quick_select import QuickSelect
from story_pages.story_filters import published_years


def _place_choices(locale):
    """Current units, each followed by the provinces merged into it (alone, they narrow further)."""
    # Plain rows: 63 page objects cost more than the rest of an uncached search.
    rows = ProvincePage.objects.filter(locale=locale).order_by("title")
    rows = rows.values_list(
        "pk", "code", "title", "status", "current_name", "official_name", "merged_into_id"
    )
    merged: dict[int, list[tuple[str, str]]] = {}
    for _pk, code, title, _status, _current, _official, merged_into_id in rows:
        if merged_into_id:
            merged.setdefault(merged_into_id, []).append((code, title))
    groups = []
    for pk, code, _title, status, current_name, official_name, _merged in rows:
        if status == ProvinceStatus.CURRENT:
            name = ProvincePage.name_today(current_name, official_name)
            options = [(code, _("All of %(unit)s") % {"unit": name})] + merged.get(pk, [])
            groups.append((name, options))
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
