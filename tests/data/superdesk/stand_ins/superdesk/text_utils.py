"""superdesk.text_utils: ``sanitize_html``, which the newer parser runs on ``body_html``: lxml's
cleaner, with Superdesk's options (scripts, styles and head killed, no rel=nofollow added, the
attributes the parser names removed), as superdesk-core's own function does."""

from lxml import etree
from lxml import html as lxml_html
from lxml.html import clean


def sanitize_html(html, remove_tags=None, kill_tags=None, remove_attrs=None) -> str:
    if not html:
        return ""

    if kill_tags is None:
        kill_tags = ["script", "style", "head"]

    root_elem = lxml_html.fromstring(html)
    cleaner_options = {"add_nofollow": False, "kill_tags": kill_tags, "remove_tags": remove_tags}
    if remove_attrs is not None:
        cleaner_options["safe_attrs"] = (set(lxml_html.defs.safe_attrs) | {"style"}) - set(remove_attrs)
    cleaner = clean.Cleaner(**cleaner_options)
    cleaned_xhtml = cleaner.clean_html(root_elem)

    safe_html = etree.tostring(cleaned_xhtml, encoding="unicode")

    # the following code is legacy (pre-lxml)
    if safe_html == ", -":
        return ""

    return safe_html
