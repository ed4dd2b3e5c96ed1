"""Rich text as outlets need it: plain HTML with absolute links, no Wagtail internals."""

import re
from html import escape

from django.utils.html import strip_tags

_PAGE_LINK = re.compile(r'<a\s+[^>]*linktype="page"[^>]*>')
_LINK_ID = re.compile(r'\bid="(\d+)"')
_EMBED = re.compile(r"<embed\b[^>]*/?>")
_DB_ATTRIBUTES = re.compile(r'\s(?:linktype|id)="[^"]*"')


def linked_page_ids(db_html: str) -> set[int]:
    return {int(match.group(1)) for tag in _PAGE_LINK.findall(db_html) if (match := _LINK_ID.search(tag))}


def clean_html(db_html: str, page_urls: dict[int, str]) -> str:
    """Replace internal page links with absolute URLs (unknown pages lose the link) and drop embeds."""

    def page_link(match):
        id_match = _LINK_ID.search(match.group(0))
        url = page_urls.get(int(id_match.group(1))) if id_match else None
        return f'<a href="{escape(url)}">' if url else "<a>"

    html = _PAGE_LINK.sub(page_link, db_html)
    html = _EMBED.sub("", html)
    return _DB_ATTRIBUTES.sub("", html) if "linktype" in html else html


def plain_text(html: str) -> str:
    return strip_tags(html).strip()
