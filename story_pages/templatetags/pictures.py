"""Wagtail's {% picture %}, with each tag's filters made once, when the template is compiled.

Wagtail makes a tag's filters again at every render, and a new filter parses its spec and binds
its operations' arguments again: for a list of cards (6 renditions each) that cost more than the
query of their renditions. A filter is a plain description of a spec, so one made once serves
every render. Load this library after wagtailimages_tags: its tag replaces Wagtail's.
"""

from django import template
from django.utils.functional import cached_property
from wagtail.images.templatetags.wagtailimages_tags import PictureNode, image

register = template.Library()


class PictureWithFiltersMadeOnce(PictureNode):
    @cached_property
    def filters(self):
        return super().get_filters()

    def get_filters(self):
        return self.filters


@register.tag("picture")
def picture(parser, token):
    node = image(parser, token)  # Wagtail's parsing and errors, then the same node made once
    return PictureWithFiltersMadeOnce(
        node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
    )
