"""The NewsML-G2 file of a withdrawn story: the same newsMessage as its story's, whose story item
and package are ``stat:canceled`` and carry no content, so an ingest that has them withdraws them.
Nothing of the story is left to tell but who it was (the guids its file used) and when."""

from datetime import UTC, datetime

from django.conf import settings
from lxml import etree

from story_pages.distribution.api.newsml import COMPOSITE, TEXT, item_element
from story_pages.distribution.api.newsml_markup import add, root, when
from story_pages.distribution.changes import change_guid
from story_pages.models import StoryChange


def canceled_message(change: StoryChange, version: int, request, sent: datetime | None = None) -> bytes:
    """``version``: the items' version, past the one the target got; ``request`` gives the site's
    address, as for a story's message."""
    guid = change_guid(change)
    site = request.build_absolute_uri("/")
    message = root("newsMessage")
    header = add(message, "header")
    add(header, "sent", when(sent or datetime.now(UTC)))
    add(header, "sender", site.split("//", 1)[-1].rstrip("/"))
    add(header, "transmitId", f"{guid}:{version}")
    add(header, "priority", "5")
    items = add(message, "itemSet")
    for kind, item_guid, item_class in (
        ("newsItem", guid, TEXT),
        ("packageItem", f"{guid}:package", COMPOSITE),
    ):
        item = item_element(items, kind, item_guid, version, change.locale)
        meta = add(item, "itemMeta")
        add(meta, "itemClass", qcode=item_class)
        provider = add(meta, "provider", uri=site)
        add(provider, "name", getattr(settings, "WAGTAIL_SITE_NAME", None) or "T63")
        add(meta, "versionCreated", when(change.at))
        add(meta, "pubStatus", qcode="stat:canceled")
    etree.indent(message, space="  ")
    return etree.tostring(message, xml_declaration=True, encoding="UTF-8")
