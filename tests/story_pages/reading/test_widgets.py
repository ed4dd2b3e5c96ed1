"""The search form's quick select renders what Django's own Select renders."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from wagtail.models import Locale

from story_pages.reading.quick_select import QuickSelect
from story_pages.reading.search_form import StorySearchForm


def shape(html: str) -> list:
    """Every element of a select with its attributes and text, in document order."""
    select = BeautifulSoup(html, "html.parser").select_one("select")
    return [(select.name, select.attrs)] + [
        (element.name, element.attrs, element.get_text() if element.name == "option" else None)
        for element in select.find_all(["optgroup", "option"])
    ]


@pytest.mark.parametrize(
    ("value", "selected"), [(None, [""]), ("", [""]), ("48", ["48"]), ("49", ["49"]), ("no-such-place", [])]
)
def test_the_place_filter_renders_as_djangos_select(db, value, selected):
    def rendered(widget=None):
        form = StorySearchForm({"place": value} if value is not None else None, locale=Locale.get_default())
        form.is_valid()  # an unknown place is an error beside the field
        if widget:
            form.fields["place"].widget = widget(choices=form.fields["place"].choices)
        return str(form["place"])

    ours, django_select = rendered(), rendered(forms.Select)
    assert "QuickSelect" not in ours and shape(ours) == shape(django_select)
    assert len(shape(ours)) > 90  # the units, their merged provinces and the groups
    options = BeautifulSoup(ours, "html.parser").select("option[selected]")
    assert [option["value"] for option in options] == selected


def test_labels_and_values_are_escaped():
    html = QuickSelect(choices=[('"><script>', "<b>Đà Nẵng</b>")]).render("place", None)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;b&gt;Đà Nẵng&lt;/b&gt;" in html
