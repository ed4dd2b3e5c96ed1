"""Template tags of the learning network's pages: a conference's JSON-LD, dates in Vietnam time."""

from django import template
from django.urls import reverse

from story_pages.distribution import sharing
from story_pages.learning.event_data import event_script

register = template.Library()


@register.simple_tag(takes_context=True)
def conference_json_ld(context, page):
    return event_script(page, context.get("request"), page.locale.language_code)


@register.simple_tag(takes_context=True)
def page_share(context, page):
    """Share links for any page (a learning path): its canonical URL and title, no QR code."""
    url = page.get_full_url(context.get("request"))
    return {"url": url, "links": sharing.share_links(url, page.title)}


@register.simple_tag
def conference_feed_url(language_code: str) -> str:
    return reverse("conferences_ics", args=(language_code,))
