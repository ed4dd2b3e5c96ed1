"""Which page a reader reaches in each language, for the switcher, hreflang and canonical links.

A page "exists" in a language only as one of its real versions (story_pages.visibility): a
draft, a private translation or an alias of the synchronised tree (Vietnamese text under /en/)
does not count. Where a page has no translation,
the switcher leads to its nearest translated ancestor.
"""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page

from story_pages import visibility


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str | None
    is_translation: bool  # False when the link leads to an ancestor instead


def original_of(page: Page) -> Page:
    """The page whose content this one shows: the source of an alias, else the page itself."""
    return page.alias_of.specific if page.alias_of_id else page


def language_versions(page: Page, request=None) -> list[LanguageVersion]:
    """One query: the real language versions of the page and of its ancestors, in every language.

    Each language gets the deepest of them: the page itself, else its nearest translated ancestor
    (translations sit at the same depth in every language's tree). Kept on the request, as the
    head links and the switcher both ask.
    """
    memo = getattr(request, "_language_versions", None) if request is not None else None
    if memo is not None and page.pk in memo:
        return memo[page.pk]
    codes = [code for code, _ in settings.LANGUAGES]
    chain_paths = [page.path[:end] for end in range(2 * Page.steplen, len(page.path) + 1, Page.steplen)]
    chain_keys = Page.objects.filter(path__in=chain_paths).values("translation_key")
    candidates = (
        visibility.real_versions(chain_keys)
        .filter(locale__language_code__in=codes, depth__lte=page.depth)
        .select_related("locale")
        .order_by("-depth")
    )
    nearest: dict[str, Page] = {}
    for candidate in candidates:
        nearest.setdefault(candidate.locale.language_code, candidate)
    own_versions = {
        c.pk: c.locale.language_code for c in candidates if c.translation_key == page.translation_key
    }
    visibility.remember_real_versions(page.translation_key, own_versions)  # for the sharing tags
    versions = []
    for code, name in settings.LANGUAGES:
        target = nearest.get(code)
        url = target.get_full_url(request) if target else None
        is_translation = target is not None and target.translation_key == page.translation_key
        versions.append(LanguageVersion(code, str(name), url, is_translation))
    if request is not None:
        request._language_versions = {**(memo or {}), page.pk: versions}
    return versions
