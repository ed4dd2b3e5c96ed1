"""The province map the reader pages show: every province of a language with its stories (the
story listings themselves are StoryPage.objects' methods: in_language, cards, related_to, ...).

The map counts every published story of its language: it is computed once per content version in
each process (story_pages.site_wide), not at each request for the home page.
"""

from story_pages import site_wide
from story_pages.models import ProvincePage, StoryPage
from story_pages.provinces import names
from story_pages.reading import cartogram


def province_map(locale_id, request=None) -> cartogram.Cartogram:
    """The 34 units of today in this language's tree, each at the place of the province that
    gave it its code (its seat), with the stories of every province it was made of."""
    host = request.get_host() if request is not None else ""  # the units' links are on its site
    return site_wide.remembered(("province map", locale_id, host), lambda: _province_map(locale_id, request))


def _province_map(locale_id, request) -> cartogram.Cartogram:
    counts = StoryPage.objects.in_language(locale_id).counts_by_province()
    provinces = list(ProvincePage.objects.live().filter(locale_id=locale_id).order_by("code"))
    by_unit: dict[int, int] = {}
    for province in provinces:
        unit_pk = province.merged_into_id or province.pk
        by_unit[unit_pk] = by_unit.get(unit_pk, 0) + counts.get(province.path, 0)
    return cartogram.build(
        [
            cartogram.Place(
                key=unit.code,
                name=unit.display_short_name,
                longitude=unit.longitude,
                latitude=unit.latitude,
                count=by_unit.get(unit.pk, 0),
                url=unit.get_url(request),
                labelled=names.is_city(unit.display_current_name),
            )
            for unit in provinces
            if unit.is_current
        ]
    )
