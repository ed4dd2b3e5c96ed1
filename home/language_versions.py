"""Which page a reader reaches in each language, for the switcher, hreflang and canonical links.

A page "exists" in a language only as a live, real translation: the aliases that the synchronised
tree makes carry Vietnamese text under /en/ and do not count. Where a page has no translation,
the switcher leads to its nearest translated ancestor.
"""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale, Page


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str | None
    is_translation: bool  # False when the link leads to an ancestor instead


def real_translation(page: Page, locale: Locale) -> Page | None:
    candidate = page if page.locale_id == locale.pk else page.get_translation_or_none(locale)
    if candidate is not None and candidate.live and not candidate.alias_of_id:
        return candidate
    return None


def original_of(page: Page) -> Page:
    """The page whose content this one shows: the source of an alias, else the page itself."""
    return page.alias_of.specific if page.alias_of_id else page


def language_versions(page: Page, request=None) -> list[LanguageVersion]:
    locales = Locale.objects.in_bulk([code for code, _ in settings.LANGUAGES], field_name="language_code")
    ancestors = list(page.get_ancestors().filter(depth__gt=1).order_by("-depth"))
    versions = []
    for code, name in settings.LANGUAGES:
        locale = locales.get(code)
        target = real_translation(page, locale) if locale else None
        is_translation = target is not None
        if locale and target is None:
            target = next((t for a in ancestors if (t := real_translation(a, locale))), None)
        url = target.get_full_url(request) if target else None
        versions.append(LanguageVersion(code, str(name), url, is_translation))
    return versions
