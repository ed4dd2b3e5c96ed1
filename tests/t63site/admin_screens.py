"""The admin screens an editor, a moderator and a translator reach, and the interface texts on them.

An interface text is what a person reads or hears: text nodes, and the placeholder, aria-label,
title, alt and button value attributes. One that is the same English in the Vietnamese and the
English admin was not translated.
"""

import re

from django.urls import reverse
from lxml import html as lxml_html

from story_pages.models import StoryPage
from tests.factories import province

READ_ATTRIBUTES = ("placeholder", "aria-label", "title", "alt")
BUTTON_TYPES = {"submit", "button", "reset"}
# The same in every language: names, abbreviations, what only looks like words, and "None", which
# Wagtail prints for a missing value in report cells (data, not a message).
NOT_ENGLISH = re.compile(
    r"^(T63|Wagtail|English|None|CC[\w .-]*|<.*>|Hue-S|vi|en|px|Ctrl|Cmd|Alt|Shift|Esc|Enter|Tab"
    r"|API|URL|PDF|HTML|JSON|CSV|XLSX|SEO|ID|PO|RSS|GSO|OK|(Ctrl|Cmd|Alt|Shift|Option)( \+ \S+)+"
    r"|[A-Z]{1,4}|[a-z0-9_.-]+|\S+@\S+|\S*/\S*|[\W\d_]+)$"
)


def interface_texts(page_html: str) -> set[str]:
    tree = lxml_html.fromstring(page_html)
    # Scripts are code, hidden elements and an iframe's fallback are not shown, and time zone names
    # are the same in every language.
    for skipped in tree.xpath(
        "//script|//style|//iframe|//*[@hidden]|//select[contains(@name, 'time_zone')]"
    ):
        skipped.drop_tree()
    texts = {" ".join(text.split()) for text in tree.xpath("//body//text()")}
    for attribute in READ_ATTRIBUTES:
        texts |= {" ".join(v.split()) for v in tree.xpath(f"//body//@{attribute}")}
    for button in tree.xpath("//input[@value]"):
        if (button.get("type") or "").lower() in BUTTON_TYPES:
            texts.add(" ".join(button.get("value").split()))
    return {text for text in texts if text}


def looks_english(text: str) -> bool:
    """Latin letters only (no Vietnamese diacritics), with a word, and not a name or an address."""
    if not text.isascii() or not re.search(r"[A-Za-z]{2,}", text):
        return False
    return not NOT_ENGLISH.match(text)


def untranslated(vietnamese_html: str, english_html: str) -> set[str]:
    english = interface_texts(english_html)
    return {text for text in interface_texts(vietnamese_html) & english if looks_english(text)}


def editor_screens(story: StoryPage) -> dict[str, str]:
    home = province(story.get_parent().specific.code)
    screens = {
        "dashboard": reverse("wagtailadmin_home"),
        "page explorer": reverse("wagtailadmin_explore", args=[home.pk]),
        "new story": reverse("wagtailadmin_pages:add", args=["story_pages", "storypage", home.pk]),
        "story editor": reverse("wagtailadmin_pages:edit", args=[story.pk]),
        "story history": reverse("wagtailadmin_pages:history", args=[story.pk]),
        "page search": reverse("wagtailadmin_pages:search") + "?q=chuyen",
        "images": reverse("wagtailimages:index"),
        "image upload": reverse("wagtailimages:add_multiple"),
        "media": reverse("wagtailmedia:index"),
        "media upload": reverse("wagtailmedia:add", args=["video"]),
        "account": reverse("wagtailadmin_account"),
        "contact inbox": reverse("contact_inbox:index"),
    }
    return screens


def moderator_screens(story: StoryPage) -> dict[str, str]:
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "story in review": reverse("wagtailadmin_pages:edit", args=[story.pk]),
        "workflow report": reverse("wagtailadmin_reports:workflow"),
        "workflow tasks report": reverse("wagtailadmin_reports:workflow_tasks"),
        "locked pages": reverse("wagtailadmin_reports:locked_pages"),
        "aging pages": reverse("wagtailadmin_reports:aging_pages"),
        "site history": reverse("wagtailadmin_reports:site_history"),
        "adoptions": reverse("t63_adoptions"),
    }


def translator_screens(english_story: StoryPage) -> dict[str, str]:
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "translation editor": reverse("wagtailadmin_pages:edit", args=[english_story.pk]),
        "english explorer": reverse("wagtailadmin_explore", args=[english_story.get_parent().pk]),
    }


def signed_out_screens() -> dict[str, str]:
    return {
        "sign in": reverse("wagtailadmin_login"),
        "password reset": reverse("wagtailadmin_password_reset"),
    }
