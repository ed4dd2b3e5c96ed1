"""How T63 writes NewsML-G2's XML (newsml.py says what goes in it): elements of IPTC's namespace,
dates and durations in the forms ingest parsers read, and a story's body as XHTML."""

import mimetypes
import re
from datetime import UTC

from lxml import etree
from lxml import html as lxml_html

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# What XML 1.0 cannot carry at all (a control character typed into a title is dropped).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_UNSAFE_ELEMENTS = ("script", "style", "template", "iframe", "object", "embed", "frame", "frameset")
# HTML's empty elements; the HTML parser (libxml2's, of HTML 4) knows some as such but makes the
# others (<source>, <track>, <wbr>) hold what follows them.
_VOID_ELEMENTS = ("area", "base", "br", "col", "hr", "img", "input", "link", "meta", "source", "track", "wbr")
_XML_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")


def clean(value) -> str:
    return _NOT_XML.sub("", str(value))


def add(parent, local_name: str, text=None, /, **attributes):
    """A NewsML-G2 element under ``parent``, with ``text`` if any; attributes given as None are
    left out, ``lang`` is ``xml:lang``."""
    element = etree.SubElement(parent, f"{{{NAR}}}{local_name}")
    for name, value in attributes.items():
        if value is not None:
            element.set(XML_LANG if name == "lang" else name, clean(value))
    if text:
        element.text = clean(text)
    return element


def root(local_name: str):
    return etree.Element(f"{{{NAR}}}{local_name}", nsmap={None: NAR})


def when(moment) -> str:
    """UTC with whole seconds and "Z", the form every ingest parser reads."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def seconds(duration) -> str | None:
    """A duration as NewsML-G2 writes it with timeunit:seconds, to the millisecond."""
    if duration is None:
        return None
    return f"{float(duration):.3f}".rstrip("0").rstrip(".")


def content_type(url: str) -> str:
    return mimetypes.guess_type(url.split("?", 1)[0])[0] or "application/octet-stream"


def xhtml_document(title: str, body_html: str, language: str):
    """``body_html`` (the API's, already clean) as an XHTML document whose title is ``title``:
    markup kept as it is, comments, scripts, frames and event handlers left out."""
    document = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML})
    document.set(XML_LANG, language)
    head = etree.SubElement(document, f"{{{XHTML}}}head")
    etree.SubElement(head, f"{{{XHTML}}}title").text = clean(title)
    body = etree.SubElement(document, f"{{{XHTML}}}body")
    source = clean(body_html)
    if not source.strip():
        return document
    fragment = lxml_html.fragment_fromstring(source, create_parent="div")
    etree.strip_elements(
        fragment, etree.Comment, etree.ProcessingInstruction, *_UNSAFE_ELEMENTS, with_tail=False
    )
    _empty_the_void_elements(fragment)
    body.text = _clean_or_none(fragment.text)
    for child in list(fragment):
        body.append(child)
    for element in body.iterdescendants():
        name = element.tag if _XML_NAME.match(element.tag) else "span"
        element.tag = f"{{{XHTML}}}{name.lower()}"
        # The parser decodes character references to what XML cannot carry (&#xFFFF;).
        element.text, element.tail = _clean_or_none(element.text), _clean_or_none(element.tail)
        for attribute, value in list(element.attrib.items()):
            if not _XML_NAME.match(attribute) or attribute.lower().startswith("on"):
                del element.attrib[attribute]
            else:
                element.set(attribute, clean(value))
    return document


def _clean_or_none(text: str | None) -> str | None:
    return None if text is None else clean(text)


def _empty_the_void_elements(fragment) -> None:
    """What the parser put inside an empty element (``<source>`` holding the next ``<source>``
    and the ``<track>``s) follows it instead, in the same order; the innermost first."""
    for element in reversed(list(fragment.iter(*_VOID_ELEMENTS))):
        children, inner_text, tail = list(element), element.text, element.tail
        if not children and not inner_text:
            continue
        element.text = None
        element.tail = inner_text
        parent = element.getparent()
        position = parent.index(element)
        for offset, child in enumerate(children, start=1):
            parent.insert(position + offset, child)  # moves it, with its tail
        last = children[-1] if children else element
        last.tail = (last.tail or "") + (tail or "") or None
