"""What every reader page's header and footer say of the site's owner, read once per content
version in each process (story_pages.site_wide): the owner's texts and the About and Contact links
are on every page, and querying them on each would cost every page three queries more. A change to
either starts a new content version (the owner's save, a page's publish), so the copy is never old.
"""

from dataclasses import dataclass

from django.db import DatabaseError
from wagtail.models import Site

from story_pages import content_version, site_wide, visibility
from story_pages.official.information import InformationKind, InformationPage
from story_pages.official.owner import Owner, SiteOwner


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Identity:
    owner: Owner
    about: Link | None
    contact: Link | None


def identity(request, language: str) -> Identity:
    language = (language or "vi").split("-")[0]
    # Kept on the request too: the header, the footer and the meta description all ask.
    on_request = getattr(request, "_t63_identity", {}) if request is not None else {}
    if language in on_request:
        return on_request[language]
    host = request.get_host() if request is not None else ""
    try:
        found = site_wide.remembered(("identity", host, language), lambda: _read(request, language))
    except DatabaseError:  # the 404 page while the database is away: the defaults, no links
        found = Identity(SiteOwner().in_language(language), None, None)
    if request is not None:
        request._t63_identity = {**on_request, language: found}
    return found


def _read(request, language: str) -> Identity:
    setting = _setting(request)
    # What readers may see, as everywhere (visibility.published): a private About page is no
    # link of the footer, whose title would tell what the restriction hides.
    pages = visibility.published(InformationPage.objects.filter(locale__language_code=language))
    links = {page.kind: Link(page.title, page.get_url(request)) for page in pages.order_by("path")}
    owner = setting.in_language(language)
    return Identity(owner, links.get(InformationKind.ABOUT), links.get(InformationKind.CONTACT))


def _setting(request) -> SiteOwner:
    """The site Wagtail routed the request to (known without a query on its pages), else the
    default site's record, read in one query."""
    site = getattr(request, "_wagtail_site", None)
    if site is not None:
        return SiteOwner.for_site(site)
    record = SiteOwner.objects.filter(site__is_default_site=True).first()
    if record is None:  # before load_provinces made it
        site = Site.objects.filter(is_default_site=True).first()
        record = SiteOwner.for_site(site) if site else SiteOwner()
    return record


def owner_saved(sender, instance, created, **kwargs) -> None:
    """post_save receiver: an edit is on every page at once. A record made on first reading holds
    the defaults that page was rendered with, and needs no new version."""
    if not created:
        content_version.bump()
