"""The province map's circles and names (story_pages/province_map.html), written here: through the
template language, 34 links of a few attributes each cost more than the rest of the home page."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

register = template.Library()


@register.simple_tag
def map_dots(drawn) -> str:
    """Each unit's link: a target larger than its circle, the circle, and its count where it fits."""
    return mark_safe("\n".join(_dot(dot) for dot in drawn.dots))


@register.simple_tag
def map_labels(drawn) -> str:
    """The names written on the map, after every circle, so that no circle covers one."""
    return mark_safe("".join(_label(dot) for dot in drawn.dots if dot.show_label))


def _dot(dot) -> str:
    # Numbers need no escaping, and format_html's escaping of each one costs as much as the rest.
    place = dot.place
    if dot.is_empty:
        label = gettext("%(name)s: no stories yet") % {"name": place.name}
    else:
        label = ngettext("%(name)s: %(counter)s story", "%(name)s: %(counter)s stories", place.count) % {
            "name": place.name,
            "counter": place.count,
        }
    count = ""
    if dot.shows_count:
        count = (
            f'<text x="{dot.x}" y="{dot.y}" dy="0.35em" text-anchor="middle" aria-hidden="true">'
            f"{place.count}</text>"
        )
    empty = " is-empty" if dot.is_empty else ""
    return (
        f'<a class="map-dot{empty}" href="{escape(place.url)}" aria-label="{escape(label)}">'
        f'<circle class="map-hit" cx="{dot.x}" cy="{dot.y}" r="{dot.hit_r}"/>'
        f'<circle class="map-circle" cx="{dot.x}" cy="{dot.y}" r="{dot.r}"/>{count}</a>'
    )


def _label(dot) -> str:
    anchor = ' text-anchor="end"' if dot.label_left else ""
    return (
        f'<text class="map-label" x="{dot.label_x}" y="{dot.y}" dy="0.35em"{anchor} aria-hidden="true">'
        f"{escape(dot.place.name)}</text>"
    )
