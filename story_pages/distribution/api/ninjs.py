"""A story in IPTC's ninjs: version 3.x (camelCase, arrays) and 1.x (the shape Superdesk and
similar newsroom systems ingest: headline, body_html, renditions and associations as objects).

Both are built from the API's representation of the story, so they carry the same facts.
"""

import re
from html.parser import HTMLParser

from story_pages.distribution.identifiers import story_guid

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


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


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


def _image_renditions(image) -> list[dict]:
    return [
        {
            "name": name,
            "href": r["url"],
            "contentType": _image_type(r["url"]),
            "width": r["width"],
            "height": r["height"],
        }
        for name, r in image["renditions"].items()
    ]


def _image_type(url: str) -> str:
    extension = url.rsplit(".", 1)[-1].lower()
    return {
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "png": "image/png",
        "webp": "image/webp",
        "gif": "image/gif",
    }.get(extension, "image/jpeg")


def _video_renditions(video) -> list[dict]:
    """A video's files, in ninjs 3's names: the broadcasters' master as "original" (for an embed,
    the provider's page), the worker's MP4s by their names ("720p", "360p"), and a WebVTT file of
    captions per language, "captions_vi" (no rendition has a language: it is in the name)."""
    duration = float(video["duration"] or 0)
    if video["source"] != "upload":
        # A player page on YouTube, Facebook or Vimeo.
        return [{"name": "original", "href": video["url"], "contentType": "text/html", "duration": duration}]
    master = video["master"]
    renditions = [
        {
            "name": "original",
            "href": master["url"],
            "contentType": master["mime_type"],
            "width": master["width"] or 0,
            "height": master["height"] or 0,
            "duration": duration,
        }
    ]
    renditions += [
        {
            "name": rendition["name"],
            "href": rendition["url"],
            "contentType": rendition["mime_type"],
            "width": rendition["width"],
            "height": rendition["height"],
            "sizeInBytes": rendition["size"],
            "duration": duration,
        }
        for rendition in video["renditions"]
    ]
    renditions += [
        {
            "name": caption_rendition_name(captions["language"]),
            "href": captions["url"],
            "contentType": "text/vtt",
            "title": f"Captions ({captions['language']}), WebVTT",
        }
        for captions in video["captions"]
    ]
    return renditions


def caption_rendition_name(language: str) -> str:
    """captions_vi, captions_en: a name ninjs 1.x accepts as a key (letters, digits, "_")."""
    return "captions_" + re.sub(r"[^A-Za-z0-9]", "_", language)


def _videos(item) -> list[tuple[str, str, dict]]:
    """(ninjs 3 name, URI, representation) of each video block that has a file or a link, in body
    order: the first is "mainvideo", as ninjs 1.x names it for Superdesk."""
    videos = [block for block in item["body"] if block["type"] == "video" and block["value"]["url"]]
    return [
        (
            "mainvideo" if number == 1 else f"video{number}",
            f"{item['guid']}:video" if number == 1 else f"{item['guid']}:video:{block['id']}",
            block["value"],
        )
        for number, block in enumerate(videos, start=1)
    ]


def _video_rights(item) -> dict:
    """Who holds the rights to the video and on what terms: the story's own (ninjs 3 names)."""
    return {
        "copyrightHolder": item["credit_line"],
        "usageTerms": _usage_terms(item),
    }


def _envelope(item: dict, story, associations) -> dict:
    """What identifies the item and its rights, named as ninjs 3 names it (1.x: the same names in
    lower case)."""
    return {
        "uri": item["guid"],
        "type": "composite" if associations else "text",
        "version": str(story.latest_revision_id or 1),
        "firstCreated": _iso(item["first_published_at"]),
        "versionCreated": _iso(item["last_published_at"]),
        "pubStatus": "usable",
        "language": item["locale"],
        "copyrightHolder": item["credit_line"],
        "copyrightNotice": f"{item['credit_line']} – {item['licence']['id']}",
        "usageTerms": _usage_terms(item),
    }


def ninjs3(item: dict, story) -> dict:
    associations = []
    if item["hero_image"]:
        image = item["hero_image"]
        associations.append(
            {
                "name": "mainpic",
                "uri": f"{story_guid(story)}:image:{image['id']}",
                "type": "picture",
                "headlines": [{"value": image["title"]}],
                "descriptions": [
                    {"role": "alt", "contentType": "text/plain", "value": image["alt"] or image["title"]}
                ],
                "renditions": _image_renditions(image),
            }
        )
    for name, uri, video in _videos(item):
        association = {
            "name": name,
            "uri": uri,
            "type": "video",
            "language": item["locale"],
            "headlines": [{"value": video["caption"] or item["title"]}],
            **_video_rights(item),
            "rightsInfo": {"linkedRights": item["licence"]["url"]},
            "renditions": _video_renditions(video),
        }
        if video["transcript"]:
            # ninjs has no transcript: it is a body of the video, its role saying which.
            association["bodies"] = [
                {"role": "transcript", "contentType": "text/plain", "value": video["transcript"]}
            ]
        associations.append(association)
    return {
        "standard": NINJS_3_STANDARD,
        **_envelope(item, story, associations),
        "rightsInfo": {"linkedRights": item["licence"]["url"]},
        "headlines": [{"value": item["title"]}],
        "descriptions": [{"role": "summary", "contentType": "text/plain", "value": item["summary"]}],
        "bodies": [
            {"role": "text", "contentType": "text/html", "value": item["body_html"]},
            {"role": "text", "contentType": "text/plain", "value": plain_text(item["body_html"])},
        ],
        "by": item["credit_line"],
        "located": item["province"]["name"],
        "places": [{"name": item["province"]["name"], "rel": "about", "literal": item["province"]["code"]}],
        "subjects": [{"name": item["theme"]["label"], "rel": "about", "literal": item["theme"]["code"]}],
        "renditions": [{"name": "web", "href": item["url"], "contentType": "text/html"}],
        "associations": associations,
    }


def _ninjs1_rendition(rendition: dict) -> dict:
    """A ninjs 3 rendition in 1.x's names (contentType is mimetype, sizeInBytes sizeinbytes),
    without its name: 1.x keys renditions by name."""
    names = {"contentType": "mimetype", "sizeInBytes": "sizeinbytes"}
    return {names.get(key, key): value for key, value in rendition.items() if key != "name"}


def ninjs1(item: dict, story) -> dict:
    associations = {}
    if item["hero_image"]:
        image = item["hero_image"]
        associations["featuremedia"] = {
            "uri": f"{story_guid(story)}:image:{image['id']}",
            "type": "picture",
            "headline": image["title"],
            "description_text": image["alt"] or image["title"],
            "renditions": {
                r["name"]: {
                    "href": r["href"],
                    "mimetype": r["contentType"],
                    "width": r["width"],
                    "height": r["height"],
                }
                for r in _image_renditions(image)
            },
        }
    for name, uri, video in _videos(item):
        association = {
            "uri": uri,
            "type": "video",
            "language": item["locale"],
            "headline": video["caption"] or item["title"],
            **{key.lower(): value for key, value in _video_rights(item).items()},
            "rightsinfo": {"linkedrights": item["licence"]["url"]},
            "renditions": {r["name"]: _ninjs1_rendition(r) for r in _video_renditions(video)},
        }
        if video["transcript"]:
            # body_<format>: the video's text, which for a video is what is said in it.
            association["body_text"] = video["transcript"]
        associations[name] = association
    return {
        "$standard": NINJS_1_STANDARD,
        **{name.lower(): value for name, value in _envelope(item, story, associations).items()},
        "rightsinfo": {"linkedrights": item["licence"]["url"]},
        "headline": item["title"],
        "description_text": item["summary"],
        "body_html": item["body_html"],
        "byline": item["credit_line"],
        "located": item["province"]["name"],
        "place": [{"name": item["province"]["name"], "rel": "about", "code": item["province"]["code"]}],
        "subject": [{"name": item["theme"]["label"], "rel": "about", "code": item["theme"]["code"]}],
        "wordcount": item["word_count"],
        "renditions": {"web": {"href": item["url"], "mimetype": "text/html"}},
        "associations": associations,
    }
