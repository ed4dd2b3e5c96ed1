"""Who runs the site, for the header and footer of every reader page: the owner's texts in the
page's language, and the About and Contact pages of that language (two queries a page)."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Site

from story_pages.official.information import InformationKind, InformationPage
from story_pages.official.owner import SiteOwner

register = template.Library()


def owner_setting(request) -> SiteOwner:
    """The request's site's record (cached on the request by Wagtail), else the default site's."""
    if request is not None and Site.find_for_request(request) is not None:
        return SiteOwner.for_request(request)
    return SiteOwner.for_site(Site.objects.get(is_default_site=True))


@register.simple_tag(takes_context=True)
def site_identity(context) -> dict:
    request = context.get("request")
    language = get_language() or "vi"
    owner = owner_setting(request).in_language(language)
    pages = {
        page.kind: page
        for page in InformationPage.objects.live()
        .public()
        .filter(locale__language_code=language.split("-")[0], alias_of__isnull=True)
        .order_by("path")
    }
    return {
        "owner": owner,
        "about": pages.get(InformationKind.ABOUT),
        "contact": pages.get(InformationKind.CONTACT),
    }


@register.simple_tag(takes_context=True)
def site_owner(context):
    return owner_setting(context.get("request")).in_language(get_language() or "vi")


