"""Who runs the site, for the header and footer of every reader page, and every page's meta
description (story_pages.official.identity: read once per content version)."""

from django import template
from django.utils.text import Truncator
from django.utils.translation import get_language

from story_pages.official.identity import identity

register = template.Library()

DESCRIBING_FIELDS = ("search_description", "intro", "summary")  # the editor's own words first
MAX_DESCRIPTION = 300  # search engines show about 160; a longer one is cut, not refused


@register.simple_tag(takes_context=True)
def site_identity(context):
    return identity(context.get("request"), get_language())


@register.simple_tag(takes_context=True)
def site_owner(context):
    return site_identity(context).owner


@register.simple_tag(takes_context=True)
def meta_description(context, page=None) -> str:
    """Every reader page's one description: the page's search description, else its introduction
    or summary, else the site's description from the owner setting (pages without a page: search)."""
    for name in DESCRIBING_FIELDS:
        text = " ".join(str(getattr(page, name, "") or "").split())
        if text:
            return Truncator(text).chars(MAX_DESCRIPTION)
    return site_owner(context).description
