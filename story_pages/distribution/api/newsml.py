"""A story in IPTC NewsML-G2 2.35, as news agencies and their customers' systems exchange it:
/api/v2/stories/<id>/newsml/ and the files of ``manage.py drop_stories``.

The document is a ``newsMessage``, as agencies deliver even a single story (AFP, TT, …) and as
newsroom systems' file ingest expects it (Superdesk's NewsML-G2 parser reads only a message). A
NewsML-G2 item's ``contentSet`` holds alternative renditions of *that* item's content, so the
pictures and videos of a story are items of their own in the message, as agencies send them:

- the story: ``ninat:text`` (``ninat:video`` for a video-only story, whose renditions it then
  holds), GUID the ninjs ``uri``, its body as XHTML (the API's ``body_html``);
- one ``ninat:picture`` per picture (the hero image, then the body's), each rendition a
  ``remoteContent`` with its size and type; one ``ninat:video`` per other video: the web
  renditions, the broadcasters' master and the caption files, with the duration;
- a ``packageItem`` that says which item is the story and which are its media.

Each item carries its rights, and resolves its QCodes through IPTC's catalog and an inline catalog
of T63's own schemes (themes, GSO province codes, renditions, package roles).

Everything comes from the API's representation of the story (representation.StoryBatch), so the
NewsML-G2, ninjs and JSON of a story carry the same facts from the same reads.
"""

from datetime import UTC, datetime
from typing import NamedTuple

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext
from lxml import etree

from story_pages.distribution.api.newsml_markup import (
    add,
    content_type,
    root,
    seconds,
    when,
    xhtml_document,
)
from story_pages.distribution.api.representation import StoryBatch
from story_pages.distribution.api.views import StoriesAPIViewSet

MEDIA_TYPE = "application/vnd.iptc.g2.newsmessage+xml; charset=utf-8"
ITEM_MEDIA_TYPE = "application/vnd.iptc.g2.newsitem+xml"
STANDARD_VERSION = "2.35"
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
# T63's own schemes: alias -> the last part of their URI, under the site's address.
T63_SCHEMES = {"t63theme": "theme", "t63prov": "gso-province", "t63rnd": "rendition", "t63grp": "group-role"}
TEXT, VIDEO, PICTURE, COMPOSITE = "ninat:text", "ninat:video", "ninat:picture", "ninat:composite"


class _ItemRef(NamedTuple):
    guid: str
    item_class: str
    headline: str


def story_message(item: dict, story, request, sent: datetime | None = None) -> bytes:
    """The newsMessage of one story: ``item`` is its API representation (StoryBatch.represent),
    ``story`` its row, ``request`` what made the representation's URLs absolute."""
    return _Message(item, story, request).document(sent or datetime.now(UTC))


def item_element(parent, kind: str, guid: str, version: int, language: str):
    """A newsItem or packageItem, with the attributes and IPTC catalog every item has."""
    element = add(
        parent,
        kind,
        guid=guid,
        version=version,
        standard="NewsML-G2",
        standardversion=STANDARD_VERSION,
        conformance="power",
        lang=language,
    )
    add(element, "catalogRef", href=IPTC_CATALOG)
    return element


def _rendition(name: str) -> str:
    """A rendition's QCode in T63's scheme, named as ninjs names it ("original", "720p", …)."""
    return "t63rnd:" + "_".join(name.split())


def _remote(content_set, href: str, name: str, mime_type: str, **attributes) -> None:
    add(
        content_set,
        "remoteContent",
        href=href,
        rendition=_rendition(name),
        contenttype=mime_type,
        **attributes,
    )


class _Message:
    def __init__(self, item: dict, story, request):
        self.item = item
        self.language = item["locale"]
        self.version = str(story.latest_revision_id or 1)
        self.root = request.build_absolute_uri("/")
        self.site_name = getattr(settings, "WAGTAIL_SITE_NAME", None) or "T63"
        self.videos = [
            (block["id"], block["value"])
            for block in item["body"]
            if block["type"] == "video" and block["value"]["url"]
        ]
        self.video_story = item["format"] == "video" and bool(self.videos)

    def document(self, sent: datetime) -> bytes:
        message = root("newsMessage")
        header = add(message, "header")
        add(header, "sent", when(sent))
        add(header, "sender", self.root.split("//", 1)[-1].rstrip("/"))
        add(header, "transmitId", f"{self.item['guid']}:{self.version}")
        add(header, "priority", "5")  # Superdesk's parser reads one from every header
        items = add(message, "itemSet")
        story, body = self._story_item(items)
        media = [self._picture_item(items, *picture) for picture in self._pictures()]
        first = 1 if self.video_story else 0  # a video-only story's item is its first video
        for number, (block_id, video) in enumerate(self.videos[first:], start=first + 1):
            media.append(self._video_item(items, number, block_id, video))
        self._package(items, story, media)
        etree.indent(message, space="  ")
        if body is not None:  # once the envelope is indented: indenting would change the body
            body.append(xhtml_document(self.item["title"], self.item["body_html"], self.language))
        return etree.tostring(message, xml_declaration=True, encoding="UTF-8")

    # What every item has -----------------------------------------------------------------

    def _item(self, parent, kind: str, guid: str, item_class: str, credit: str | None):
        """An item with its catalogs, rights (given a ``credit``) and itemMeta."""
        element = item_element(parent, kind, guid, self.version, self.language)
        catalog = add(element, "catalog")
        for alias, name in T63_SCHEMES.items():
            add(catalog, "scheme", alias=alias, uri=f"{self.root}newsml/{name}/")
        if credit is not None:
            self._rights(element, credit)
        meta = add(element, "itemMeta")
        add(meta, "itemClass", qcode=item_class)
        provider = add(meta, "provider", uri=self.root)
        add(provider, "name", self.site_name)
        add(meta, "versionCreated", when(self.item["last_published_at"] or self.item["first_published_at"]))
        add(meta, "firstCreated", when(self.item["first_published_at"]))
        add(meta, "pubStatus", qcode="stat:usable")
        return element, meta

    def _rights(self, element, credit: str) -> None:
        """The story's licence, for the story and its media alike (a picture's own credit)."""
        licence = self.item["licence"]
        rights = add(element, "rightsInfo")
        add(add(rights, "copyrightHolder"), "name", credit)
        add(rights, "copyrightNotice", f"{credit} – {licence['id']}")
        with translation.override(self.language):
            terms = gettext("Licensed under %(licence)s (%(url)s). Credit: %(credit)s / %(site)s.") % {
                "licence": licence["id"],
                "url": licence["url"],
                "credit": credit,
                "site": self.site_name,
            }
        add(rights, "usageTerms", terms, href=licence["url"])

    def _content_meta(self, element, headline: str, credit: str | None = None):
        content = add(element, "contentMeta")
        add(content, "language", tag=self.language)
        add(content, "headline", headline)
        if credit:
            add(content, "creditline", credit)
        return content

    # The story ---------------------------------------------------------------------------

    def _story_item(self, items):
        """The story's item, and where its XHTML body goes (None for a video-only story)."""
        item = self.item
        item_class = VIDEO if self.video_story else TEXT
        element, meta = self._item(items, "newsItem", item["guid"], item_class, item["credit_line"])
        add(meta, "link", rel="irel:seeAlso", href=item["url"], contenttype="text/html")
        content = add(element, "contentMeta")
        self._place(content, "located")
        add(content, "language", tag=self.language)
        theme = add(content, "subject", type="cpnat:abstract", qcode=f"t63theme:{item['theme']['code']}")
        add(theme, "name", item["theme"]["label"])
        self._place(content, "subject")
        add(content, "headline", item["title"])
        add(content, "by", item["credit_line"])
        add(content, "creditline", item["credit_line"])
        if item["summary"]:
            add(content, "description", item["summary"], role="drol:summary")
        content_set = add(element, "contentSet")
        if self.video_story:
            self._video_renditions(content_set, self.videos[0][1])
            body = None
        else:
            body = add(
                content_set, "inlineXML", contenttype="application/xhtml+xml", wordcount=item["word_count"]
            )
        return _ItemRef(item["guid"], item_class, item["title"]), body

    def _place(self, content, local_name: str) -> None:
        """The province that published the story (GSO code) and, if it has merged since 1 July
        2025, the unit it is part of today."""
        province = self.item["province"]
        place = add(content, local_name, type="cpnat:geoArea", qcode=f"t63prov:{province['code']}")
        add(place, "name", province["name"])
        unit = province["current_unit"]
        if unit["code"] != province["code"]:
            broader = add(place, "broader", type="cpnat:geoArea", qcode=f"t63prov:{unit['code']}")
            add(broader, "name", unit["name"])

    # Its media ---------------------------------------------------------------------------

    def _pictures(self) -> list[tuple[dict, str, str]]:
        """(image, caption, credit) of the hero image, then of the body's pictures, each once."""
        hero = self.item["hero_image"]
        candidates = [(hero, "", "")] if hero else []
        candidates += [
            (block["value"]["image"], block["value"]["caption"], block["value"]["credit"])
            for block in self.item["body"]
            if block["type"] == "image" and block["value"]["image"]
        ]
        pictures, seen = [], set()
        for image, caption, credit in candidates:
            if image["id"] not in seen:
                seen.add(image["id"])
                pictures.append((image, caption, credit))
        return pictures

    def _picture_item(self, items, image: dict, caption: str, credit: str) -> _ItemRef:
        """A picture and its renditions; its GUID is the ninjs association's URI."""
        credit = credit or self.item["credit_line"]
        guid = f"{self.item['guid']}:image:{image['id']}"
        element, _ = self._item(items, "newsItem", guid, PICTURE, credit)
        content = self._content_meta(element, image["title"], credit)
        if caption:
            add(content, "description", caption, role="drol:caption")
        if image["alt"]:
            add(content, "description", image["alt"], role="drol:alternativeText")
        content_set = add(element, "contentSet")
        for name, rendition in image["renditions"].items():
            url = rendition["url"]
            _remote(
                content_set,
                url,
                name,
                content_type(url),
                width=rendition["width"],
                height=rendition["height"],
            )
        return _ItemRef(guid, PICTURE, image["title"])

    def _video_item(self, items, number: int, block_id, video: dict) -> _ItemRef:
        """A video of the story; its GUID is the ninjs association's URI."""
        guid = f"{self.item['guid']}:video" + ("" if number == 1 else f":{block_id}")
        headline = video["caption"] or self.item["title"]
        element, _ = self._item(items, "newsItem", guid, VIDEO, self.item["credit_line"])
        self._content_meta(element, headline, self.item["credit_line"])
        self._video_renditions(add(element, "contentSet"), video)
        return _ItemRef(guid, VIDEO, headline)

    def _video_renditions(self, content_set, video: dict) -> None:
        """The broadcasters' master (of an embed: the provider's page), the web renditions, the
        caption files and what is said, as renditions of the video."""
        duration = seconds(video["duration"])
        timing = {"duration": duration, "durationunit": "timeunit:seconds" if duration else None}
        if video["source"] != "upload":
            _remote(content_set, video["url"], "original", "text/html", **timing)
        else:
            master = video["master"]
            size = {"width": master["width"], "height": master["height"]}
            _remote(content_set, master["url"], "original", master["mime_type"], **size, **timing)
            for rendition in video["renditions"]:
                size = {"width": rendition["width"], "height": rendition["height"], "size": rendition["size"]}
                _remote(
                    content_set, rendition["url"], rendition["name"], rendition["mime_type"], **size, **timing
                )
            for captions in video["captions"]:
                language = captions["language"]
                _remote(content_set, captions["url"], f"captions_{language}", "text/vtt", language=language)
        if video["transcript"]:
            add(
                content_set,
                "inlineData",
                video["transcript"],
                contenttype="text/plain",
                rendition=_rendition("transcript"),
                lang=self.language,
            )

    # The package -------------------------------------------------------------------------

    def _package(self, items, story: _ItemRef, media: list[_ItemRef]) -> None:
        """Which item is the story (the root group) and which are its media (a bag)."""
        package, _ = self._item(items, "packageItem", f"{self.item['guid']}:package", COMPOSITE, None)
        self._content_meta(package, self.item["title"])
        groups = add(package, "groupSet", root="root")
        main = add(groups, "group", id="root", role="t63grp:main")
        self._item_ref(main, story)
        if media:
            add(main, "groupRef", idref="media")
            bag = add(groups, "group", id="media", role="t63grp:media", mode="pgrmod:bag")
            for reference in media:
                self._item_ref(bag, reference)

    def _item_ref(self, group, reference: _ItemRef) -> None:
        element = add(
            group, "itemRef", residref=reference.guid, version=self.version, contenttype=ITEM_MEDIA_TYPE
        )
        add(element, "itemClass", qcode=reference.item_class)
        add(element, "headline", reference.headline)


class NewsMLViewSet(StoriesAPIViewSet):
    """/api/v2/stories/<id>/newsml/, found as the story's JSON and ninjs are (a draft, a private
    story or an alias is a 404, an unknown parameter a 400, both in JSON as the API's errors)."""

    known_query_parameters = frozenset()

    def newsml_view(self, request, pk):
        self.check_query_parameters()
        story = self._published_story(pk)
        item = StoryBatch([story], request).represent(story)
        return HttpResponse(story_message(item, story, request), content_type=MEDIA_TYPE)


story_newsml = NewsMLViewSet.as_view({"get": "newsml_view"})
