"""What "no executable payload" means, checked on parsed documents.

HTML: no script elements but ours and JSON-LD data blocks, no on* attributes, no javascript:
URLs, no frames but the video players'. JSON and feeds: the same inside every value that is HTML
(rich text, oEmbed's `html`, a feed's description or content); plain-text values (titles,
credits) carry the editor's text unchanged, as text, which consumers escape."""

import json

import html5lib
from lxml import etree

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
PLAYERS = ("https://www.youtube-nocookie.com/", "https://player.vimeo.com/", "https://www.facebook.com/")


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _script_url(value: str) -> bool:
    return "".join(value.split()).lower().startswith(("javascript:", "vbscript:"))


def executable_parts(html: str, own=("/static/",), frames=PLAYERS) -> list[str]:
    found = []
    tree = html5lib.parse(html, treebuilder="lxml", namespaceHTMLElements=False)
    for element in tree.iter():
        tag = _local(element.tag)
        if tag == "script":
            src = element.get("src", "")
            if element.get("type") == "application/ld+json":
                json.loads(element.text or "null")  # a data block, whole: nothing broke out of it
            elif not src.startswith(own) or not src:
                found.append(f"<script> {src or (element.text or '')[:60]!r}")
        if tag in ("iframe", "frame", "object", "embed", "base"):
            src = element.get("src", element.get("data", element.get("href", "")))
            if not src.startswith(frames):
                found.append(f"<{tag} {src!r}>")
        for name, value in element.attrib.items():
            name = _local(name)
            if name.startswith("on"):
                found.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and _script_url(value):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def html_values(document, key: str = "", html_block: bool = False):
    """The values of a JSON document that are HTML: keys naming html, the `value` of a rich-text
    block or of a ninjs body whose contentType is text/html."""
    if isinstance(document, str):
        if "html" in key.lower() or (key == "value" and html_block):
            yield document
    elif isinstance(document, dict):
        html = document.get("type") == "paragraph" or document.get("contentType") == "text/html"
        for name, value in document.items():
            yield from html_values(value, name, html)
    elif isinstance(document, list):
        for value in document:
            yield from html_values(value, key, html_block)


def executable_parts_in_json(document, frames=PLAYERS) -> list[str]:
    return [part for html in html_values(document) for part in executable_parts(html, own=(), frames=frames)]


FEED_HTML = {"description", "encoded", "summary", "content"}  # RSS, content:encoded, Atom


def executable_parts_in_feed(xml: bytes) -> list[str]:
    found = []
    for element in etree.fromstring(xml).iter():
        for name, value in element.attrib.items():
            if _local(name) in ("href", "url", "src") and _script_url(value):
                found.append(f"<{_local(element.tag)} {name}={value!r}>")
        if _local(element.tag) in FEED_HTML and element.get("type", "html") != "text" and element.text:
            found += executable_parts(element.text, own=())
    return found
