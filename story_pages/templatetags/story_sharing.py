"""Template tags for what a page says about itself when shared: meta tags, JSON-LD, share links."""

from django import template
from django.urls import reverse
from django.utils import translation

from story_pages.distribution import sharing
from story_pages.distribution.structured_data import collection_page, json_ld_script, news_article

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta_tags(context, page):
    """Open Graph basics for any Wagtail page."""
    return sharing.page_tags(page, context.get("request"))


@register.simple_tag(takes_context=True)
def story_meta(context, page):
    """Open Graph, Twitter card and JSON-LD of a story, in the language of its content."""
    request = context.get("request")
    story = sharing.content_page(page)
    language, alternates = sharing.languages(story)
    with translation.override(language):
        shared = sharing.shared_story(story, request, language, alternates)
        return {"tags": sharing.story_tags(shared), "json_ld": json_ld_script(news_article(shared, request))}


@register.simple_tag(takes_context=True)
def story_share(context, page):
    """Share links in the reader's language, all carrying the canonical URL."""
    story = sharing.content_page(page)
    url = story.get_full_url(context.get("request"))
    # The QR code is served for published stories only: none in the preview of a new story.
    qr_url = reverse("story_qr", args=(story.pk,)) if story.pk and story.live else None
    return {"url": url, "links": sharing.share_links(url, story.title), "qr_url": qr_url}


@register.simple_tag(takes_context=True)
def stories_json_ld(context, name, url, stories):
    """A list of stories (one page of cards) as a schema.org CollectionPage."""
    request = context.get("request")
    return json_ld_script(collection_page(name, url, stories, request, translation.get_language()))
