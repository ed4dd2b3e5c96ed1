"""A story in IPTC's ninjs: version 3.x (camelCase, arrays) and 1.x (the shape Superdesk and
similar newsroom systems ingest: headline, body_html, renditions and associations as objects).

Both are built from the API's representation of the story, so they carry the same facts, in the
form Superdesk's own ninjs parser (superdesk-core 2.5 and later, tests/data/superdesk) takes
whole:
- times in UTC, in whole seconds, ending in "Z": the parser reads no other form;
- ``type`` "text" for a story with text, its pictures and videos as associations ("composite"
  would make it a package, which gets no abstract), "video" for a story that is a video;
- pictures in Superdesk's sizes, a video with its files and poster pictures (ninjs_media);
- who wrote it (``by``, and as a named party), the plain text beside the HTML, and each
  picture's credit under the story's licence.
"""

import re
from datetime import UTC
from html.parser import HTMLParser

from story_pages.distribution.api.ninjs_media import Picture, StoryMedia
from story_pages.learning.case_outputs import ninjs1_case, ninjs3_case

NINJS_3_STANDARD = {
    "name": "ninjs",
    "version": "3.1",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
}
NINJS_1_STANDARD = {
    "name": "ninjs",
    "version": "1.6",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json",
}
# The role of the party that wrote the story (ninjs 3 infoSources, 1.x infosource).
AUTHOR_ROLE = "author"


def utc_seconds(moment) -> str | None:
    """2026-12-01T12:16:21Z: UTC, whole seconds (the fraction dropped), "Z". Superdesk's parser
    takes only whole seconds with "Z" or "+0000" (2.5.3 and later also "+00:00")."""
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# Elements that end a paragraph of the plain text; <br> ends a line within one.
_BLOCKS = {
    *"address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6".split(),
    *"header hr li main nav ol p pre section table td th tr ul".split(),
}
_SKIPPED = {"script", "style", "template"}
_SPACES = re.compile(r"[ \t\r\n\f]+")  # HTML's whitespace; a no-break space stays


class _PlainText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)  # &lt; &#x27; &amp; arrive decoded
        self.paragraphs: list[list[str]] = [[]]
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "br":
            self.paragraphs[-1].append("\n")
        elif tag in _BLOCKS:
            self.paragraphs.append([])

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.paragraphs.append([])

    def handle_data(self, data):
        if not self.skipping:
            self.paragraphs[-1].append(_SPACES.sub(" ", data))

    def text(self) -> str:
        paragraphs = ("".join(parts) for parts in self.paragraphs)
        paragraphs = ("\n".join(line.strip() for line in text.split("\n")).strip() for text in paragraphs)
        return "\n\n".join(text for text in paragraphs if text)


def plain_text(html: str) -> str:
    """The body as plain text: paragraphs apart by a blank line, a <br> as a line break, entities
    decoded ("a &lt; b" is "a < b"), markup and scripts dropped."""
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    return parser.text()


def _usage_terms(item) -> str:
    return f"{item['licence']['id']} ({item['licence']['url']}). Nguồn: Cổng T63 – {item['credit_line']}"


def _rights(item) -> dict:
    """Who holds the rights to the story and everything in it, and on what terms (ninjs 3
    names; 1.x: the same names in lower case)."""
    return {
        "copyrightHolder": item["credit_line"],
        "copyrightNotice": f"{item['credit_line']} – {item['licence']['id']}",
        "usageTerms": _usage_terms(item),
    }


def _envelope(item: dict, story, media: StoryMedia) -> dict:
    """What identifies the item and its rights, named as ninjs 3 names it (1.x: the same names in
    lower case)."""
    return {
        "uri": item["guid"],
        "type": media.type,
        "version": str(story.latest_revision_id or 1),
        "firstCreated": utc_seconds(item["first_published_at"]),
        "versionCreated": utc_seconds(item["last_published_at"]),
        "pubStatus": "usable",
        "language": item["locale"],
        **_rights(item),
    }


def _picture3(item: dict, picture: Picture, renditions: list[dict]) -> dict:
    image = picture.image
    descriptions = [{"role": "alt", "contentType": "text/plain", "value": image["alt"] or image["title"]}]
    if picture.caption:
        descriptions.insert(0, {"role": "caption", "contentType": "text/plain", "value": picture.caption})
    return {
        "name": picture.name,
        "uri": picture.uri,
        "type": "picture",
        "headlines": [{"value": image["title"]}],
        "descriptions": descriptions,
        "by": picture.credit,
        **_rights(item),
        "rightsInfo": {"linkedRights": item["licence"]["url"]},
        "renditions": renditions,
    }


def _video3(item: dict, name: str, uri: str, video: dict, renditions: list[dict]) -> dict:
    association = {
        "name": name,
        "uri": uri,
        "type": "video",
        "language": item["locale"],
        "headlines": [{"value": video["caption"] or item["title"]}],
        "by": item["credit_line"],
        **_rights(item),
        "rightsInfo": {"linkedRights": item["licence"]["url"]},
        "renditions": renditions,
    }
    if video["transcript"]:
        # ninjs has no transcript: it is a body of the video, its role saying which.
        association["bodies"] = [
            {"role": "transcript", "contentType": "text/plain", "value": video["transcript"]}
        ]
    return association


def ninjs3(item: dict, story) -> dict:
    media = StoryMedia(item)
    # The story's own picture, its videos, then the pictures of its body.
    heroes = [p for p in media.pictures if p.is_hero]
    in_body = [p for p in media.pictures if not p.is_hero]
    associations = [_picture3(item, p, media.picture_renditions[p.uri]) for p in heroes]
    associations += [_video3(item, *video) for video in media.videos]
    associations += [_picture3(item, p, media.picture_renditions[p.uri]) for p in in_body]
    case = ninjs3_case(item)
    return {
        "standard": NINJS_3_STANDARD,
        **_envelope(item, story, media),
        "rightsInfo": {"linkedRights": item["licence"]["url"]},
        "headlines": [{"value": item["title"]}],
        "descriptions": [
            {"role": "summary", "contentType": "text/plain", "value": item["summary"]},
            *case["descriptions"],
        ],
        "bodies": [
            {"role": "text", "contentType": "text/html", "value": item["body_html"]},
            {"role": "text", "contentType": "text/plain", "value": plain_text(item["body_html"])},
        ],
        "by": item["credit_line"],
        "infoSources": [{"name": item["credit_line"], "role": AUTHOR_ROLE}],
        "located": item["province"]["name"],
        "places": [{"name": item["province"]["name"], "rel": "about", "literal": item["province"]["code"]}],
        "subjects": [
            {"name": item["theme"]["label"], "rel": "about", "literal": item["theme"]["code"]},
            *case["subjects"],
        ],
        "organisations": case["organisations"],
        "renditions": [
            {"name": "web", "href": item["url"], "contentType": "text/html"},
            *media.own_renditions(),
        ],
        "associations": associations,
    }


def _ninjs1_rendition(rendition: dict) -> dict:
    """A ninjs 3 rendition in 1.x's names (contentType is mimetype, sizeInBytes sizeinbytes),
    without its name: 1.x keys renditions by name."""
    names = {"contentType": "mimetype", "sizeInBytes": "sizeinbytes"}
    return {names.get(key, key): value for key, value in rendition.items() if key != "name"}


def _ninjs1_renditions(renditions: list[dict]) -> dict:
    return {rendition["name"]: _ninjs1_rendition(rendition) for rendition in renditions}


def _lower(fields: dict) -> dict:
    return {name.lower(): value for name, value in fields.items()}


def _picture1(item: dict, picture: Picture, renditions: list[dict]) -> dict:
    """A picture as Superdesk takes it: the caption as its description, the alt text as its
    body (Superdesk's alt_text), the credit as its byline."""
    image = picture.image
    alt = image["alt"] or image["title"]
    return {
        "uri": picture.uri,
        "type": "picture",
        "headline": image["title"],
        "description_text": picture.caption or alt,
        "body_text": alt,
        "byline": picture.credit,
        **_lower(_rights(item)),
        "rightsinfo": {"linkedrights": item["licence"]["url"]},
        "renditions": _ninjs1_renditions(renditions),
    }


def _video1(item: dict, video: dict, uri: str, renditions: list[dict]) -> dict:
    association = {
        "uri": uri,
        "type": "video",
        "language": item["locale"],
        "headline": video["caption"] or item["title"],
        "byline": item["credit_line"],
        **_lower(_rights(item)),
        "rightsinfo": {"linkedrights": item["licence"]["url"]},
        "renditions": _ninjs1_renditions(renditions),
    }
    if video["transcript"]:
        # body_<format>: the video's text, which for a video is what is said in it.
        association["body_text"] = video["transcript"]
    return association


def ninjs1(item: dict, story) -> dict:
    media = StoryMedia(item)
    associations = {}
    for picture in media.pictures:
        # The hero is the story's "featuremedia", as Superdesk names a story's main picture.
        name = "featuremedia" if picture.is_hero else picture.name
        associations[name] = _picture1(item, picture, media.picture_renditions[picture.uri])
    for name, uri, video, renditions in media.videos:
        associations[name] = _video1(item, video, uri, renditions)
    case = ninjs1_case(item)
    return {
        "$standard": NINJS_1_STANDARD,
        **_lower(_envelope(item, story, media)),
        "rightsinfo": {"linkedrights": item["licence"]["url"]},
        "headline": item["title"],
        "description_text": item["summary"],
        "body_html": item["body_html"],
        "body_text": plain_text(item["body_html"]),
        "byline": item["credit_line"],
        "infosource": [{"name": item["credit_line"], "rel": AUTHOR_ROLE}],
        "located": item["province"]["name"],
        "place": [{"name": item["province"]["name"], "rel": "about", "code": item["province"]["code"]}],
        "subject": [
            {"name": item["theme"]["label"], "rel": "about", "code": item["theme"]["code"]},
            *case["subject"],
        ],
        "organisation": case["organisation"],
        **case["fields"],
        "wordcount": item["word_count"],
        "renditions": {
            "web": {"href": item["url"], "mimetype": "text/html"},
            **_ninjs1_renditions(media.own_renditions()),
        },
        "associations": associations,
    }
