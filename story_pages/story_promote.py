"""The story's Promote tab, reduced to what a province editor needs: the address and the two texts
search engines show. "Show in menus" is left out: stories are never in the site's menus."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets import SlugInput

from story_pages.slugs import SLUG_FORMATTERS

STORY_PROMOTE_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel(
                "slug",
                # The browser makes the slug from the title with the server's own replacements.
                widget=SlugInput(formatters=SLUG_FORMATTERS),
                help_text=_(
                    "The story's address, made from the title without tone marks "
                    '("Đắk Lắk" → "dak-lak"). Leave it empty to make it from the title when saving. '
                    "Do not change it after publishing: links to the story would break."
                ),
            ),
            FieldPanel(
                "seo_title",
                help_text=_(
                    "The headline search engines show, if it should differ from the title, for example "
                    "with the province's name. Leave empty to use the title."
                ),
            ),
            FieldPanel(
                "search_description",
                help_text=_(
                    "One or two sentences search engines show under the headline. Leave empty to use "
                    "the summary."
                ),
            ),
        ],
        heading=_("Address and search engines"),
    ),
]
