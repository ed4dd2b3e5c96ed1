"""The map of where a solution runs: the 34 units on the province map, origin and adopters marked."""

from django import template

from story_pages.learning.solution_listing import WhereItRuns
from story_pages.reading import cartogram

register = template.Library()

ORIGIN, ADOPTER = 2, 1  # sizes on the map: the origin a little larger than its adopters


@register.simple_tag(takes_context=True)
def solution_map(context, where: WhereItRuns) -> cartogram.Cartogram:
    request = context.get("request")
    adopters = where.adopter_codes
    places = []
    for unit in where.units:
        if unit.code == where.origin_unit.code:
            count = ORIGIN
        else:
            count = ADOPTER if unit.code in adopters else 0
        places.append(
            cartogram.Place(
                key=unit.code,
                name=unit.display_short_name,
                longitude=unit.longitude,
                latitude=unit.latitude,
                count=count,
                url=unit.get_url(request),
            )
        )
    return cartogram.build(places)
