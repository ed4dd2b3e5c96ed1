"""Wagtail's {% picture %}, with each tag's filters made once, when the template is compiled, and
each image's picture made once per process (story_pages.made_pictures).

Wagtail makes a tag's filters again at every render, and a new filter parses its spec and binds
its operations' arguments again: for a list of cards (6 renditions each) that cost more than the
query of their renditions. A filter is a plain description of a spec, so one made once serves
every render. Load this library after wagtailimages_tags: its tag replaces Wagtail's.
"""

from django import template
from django.utils.functional import cached_property
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import PictureNode, image

from story_pages import made_pictures

register = template.Library()


class PictureWithFiltersMadeOnce(PictureNode):
    @cached_property
    def filters(self):
        return super().get_filters()

    def get_filters(self):
        return self.filters

    def render(self, context):
        image = self.validate_image(context)
        if not image or self.output_var_name:
            return super().render(context)
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        what = ("picture", tuple(self.filter_specs), tuple((key, str(value)) for key, value in attrs.items()))
        if (html := made_pictures.made(image, what)) is not None:
            return html
        renditions = get_renditions_or_not_found(image, self.filters)
        html = Picture(renditions, attrs).__html__()
        if all(made_pictures.made_from_the_file(rendition) for rendition in renditions.values()):
            made_pictures.keep(image, what, html)
        return html


@register.tag("picture")
def picture(parser, token):
    node = image(parser, token)  # Wagtail's parsing and errors, then the same node made once
    return PictureWithFiltersMadeOnce(
        node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
    )
