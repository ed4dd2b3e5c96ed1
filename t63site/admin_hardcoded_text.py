"""Wagtail 8 writes a few attributes of its admin in English outside gettext (a search button's
value, a toolbar's aria-label, the "Add" buttons of some formsets), so no catalogue can translate
them. Admin pages get them in the language the page was rendered in, read from its <html lang>;
once Wagtail marks them for translation these replacements find nothing and cost nothing."""

import re

from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

# attribute="English" as Wagtail writes it -> the message to show instead.
HARD_CODED = {
    ("value", "Search"): _("Search"),
    ("aria-label", "Actions"): _("Actions"),
    ("value", "Add"): _("Add"),
}
ADMIN_PREFIX = "/admin/"  # where t63site/urls.py mounts Wagtail's admin
PAGE_LANGUAGE = re.compile(rb"<html[^>]*\slang=\"([a-zA-Z-]+)\"")


class TranslateHardCodedAdminText:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not request.path.startswith(ADMIN_PREFIX)
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return response
        found = PAGE_LANGUAGE.search(response.content[:2000])
        if found is None or found.group(1).decode() == "en":
            return response
        with translation.override(found.group(1).decode()):
            content = response.content
            for (attribute, english), message in HARD_CODED.items():
                content = content.replace(
                    f'{attribute}="{english}"'.encode(), f'{attribute}="{escape(message)}"'.encode()
                )
        if content is not response.content:
            response.content = content
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(content))
        return response
