"""The messages of the packages whose screens T63's people use, and whether Vietnamese has them.

Each package ships its messages in an English catalogue; T63 translates what the package's own
Vietnamese lacks in `locale_upstream/`. An upgrade that adds messages shows up here as missing.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation

PACKAGES = (
    "wagtail",
    "wagtail.admin",
    "wagtail.users",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.snippets",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.simple_translation",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtailmedia",
)


def english_catalogue(package: str, domain: str) -> Path:
    module = __import__(package, fromlist=["__file__"])
    return Path(module.__file__).parent / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"


def vietnamese_messages(domain: str) -> set[tuple[str, str]]:
    """(context, message) pairs T63's catalogues and the packages' own Vietnamese translate."""
    found = set()
    for root in settings.LOCALE_PATHS:
        path = Path(root) / "vi" / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            found |= {(e.msgctxt or "", e.msgid) for e in polib.pofile(str(path)) if e.translated()}
    return found


def missing_translations() -> list[str]:
    missing = []
    for domain in ("django", "djangojs"):
        ours = vietnamese_messages(domain)
        for package in PACKAGES:
            path = english_catalogue(package, domain)
            if not path.exists():
                continue
            for entry in polib.pofile(str(path)):
                if entry.obsolete or (entry.msgctxt or "", entry.msgid) in ours:
                    continue
                if domain == "django" and _translated_by_package(entry):
                    continue
                missing.append(f"{package} ({domain}): {entry.msgid!r}")
    return missing


def _translated_by_package(entry) -> bool:
    with translation.override("vi"):
        if entry.msgctxt:
            return translation.pgettext(entry.msgctxt, entry.msgid) != entry.msgid
        return translation.gettext(entry.msgid) != entry.msgid


def english_messages() -> set[str]:
    """Every message the admin's packages and T63 may show, as written in English, except those
    whose Vietnamese is the same word on purpose ("Video")."""
    found = set()
    for domain in ("django", "djangojs"):
        for package in PACKAGES:
            path = english_catalogue(package, domain)
            if path.exists():
                for entry in polib.pofile(str(path)):
                    found |= {entry.msgid, entry.msgid_plural} - {""}
    own = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"
    found |= {entry.msgid for entry in polib.pofile(str(own))}
    with translation.override("vi"):
        return {message for message in found if translation.gettext(message) != message}
