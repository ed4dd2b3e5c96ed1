"""The reader search form: the words, and filters by theme, place, format and year."""

from django import forms
from django.utils.translation import gettext_lazy as _

from story_pages.models import ProvincePage, StoryFormat, StoryPage, Theme


def _place_choices(locale):
    """Current units, each followed by the provinces merged into it (alone, they narrow further)."""
    provinces = ProvincePage.objects.filter(locale=locale).order_by("title")
    merged: dict[int, list[ProvincePage]] = {}
    for province in provinces:
        if province.merged_into_id:
            merged.setdefault(province.merged_into_id, []).append(province)
    groups = []
    for unit in provinces:
        if unit.is_current:
            options = [(unit.code, _("All of %(unit)s") % {"unit": unit.display_current_name})]
            options += [(province.code, province.title) for province in merged.get(unit.pk, [])]
            groups.append((unit.display_current_name, options))
    return [("", _("All provinces"))] + groups


class StorySearchForm(forms.Form):
    q = forms.CharField(label=_("Words to find"), required=False, max_length=200)
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, choices=[("", _("All themes"))] + Theme.choices
    )
    place = forms.ChoiceField(label=_("Province or unit"), required=False)
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("All formats"))] + StoryFormat.choices
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields["place"].choices = _place_choices(locale)
        years = StoryPage.objects.published().filter(locale=locale).dates("first_published_at", "year")
        self.fields["year"].choices = [("", _("All years"))] + [(d.year, d.year) for d in reversed(years)]

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
