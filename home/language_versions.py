"""Which page a reader reaches in each language, for the switcher, hreflang and canonical links.

A page "exists" in a language only as one of its real versions (story_pages.visibility): a
draft, a private translation or an alias of the synchronised tree (Vietnamese text under /en/)
does not count. Where a page has no translation,
the switcher leads to its nearest translated ancestor.
"""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page

from story_pages import site_wide, visibility
from story_pages.models import StoryPage
from story_pages.models.story_cards import parent_path


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
    """The real language versions of the page, else of its nearest translated ancestor, by language.

    Each language gets the deepest of them: the page itself, else its nearest translated ancestor
    (translations sit at the same depth in every language's tree). Kept on the request, as the
    head links and the switcher both ask. A story reads its own versions (one query); what its
    ancestors have, and everything of the few pages that are not stories (home, indexes,
    provinces, About…), is site-wide data, read once per content version (story_pages.site_wide).
    """
    memo = getattr(request, "_language_versions", None) if request is not None else None
    if memo is not None and page.pk in memo:
        return memo[page.pk]
    host = request.get_host() if request is not None else ""
    if isinstance(page, StoryPage):
        ancestors = site_wide.remembered(
            ("language versions", parent_path(page.path), host), lambda: _nearest(_parent(page), request)
        )
        own = _own(page, request)
    else:
        ancestors, own = (
            {},
            site_wide.remembered(("language versions", page.path, host), lambda: _nearest(page, request)),
        )
    nearest = {**ancestors, **own}
    visibility.remember_real_versions(  # for the sharing tags
        page.translation_key,
        {
            version.pk: code
            for code, version in nearest.items()
            if version.translation_key == page.translation_key
        },
    )
    versions = []
    for code, name in settings.LANGUAGES:
        target = nearest.get(code)
        is_translation = target is not None and target.translation_key == page.translation_key
        versions.append(LanguageVersion(code, str(name), target.url if target else None, is_translation))
    if request is not None:
        request._language_versions = {**(memo or {}), page.pk: versions}
    return versions


@dataclass(frozen=True)
class _Version:
    pk: int
    translation_key: object
    url: str


def _nearest(page: Page, request, own_only: bool = False) -> dict[str, _Version]:
    """One query: by language, the deepest real version of the page or of one of its ancestors
    (``own_only``: of the page alone)."""
    codes = [code for code, _ in settings.LANGUAGES]
    if own_only:
        keys = [page.translation_key]
    else:
        chain_paths = [page.path[:end] for end in range(2 * Page.steplen, len(page.path) + 1, Page.steplen)]
        keys = Page.objects.filter(path__in=chain_paths).values("translation_key")
    candidates = (
        visibility.real_versions(keys)
        .filter(locale__language_code__in=codes, depth__lte=page.depth)
        .select_related("locale")
        .order_by("-depth")
    )
    nearest: dict[str, _Version] = {}
    for candidate in candidates:
        if candidate.locale.language_code not in nearest:
            url = candidate.get_full_url(request)
            nearest[candidate.locale.language_code] = _Version(candidate.pk, candidate.translation_key, url)
    return nearest


def _own(story: StoryPage, request) -> dict[str, _Version]:
    """A story's real versions: of the live ones read with it as it was routed (story_route),
    else read now."""
    if (live := getattr(story, "live_versions", None)) is None:
        return _nearest(story, request, own_only=True)
    codes = {code for code, _ in settings.LANGUAGES}
    return {
        code: _Version(version.pk, version.translation_key, version.get_full_url(request))
        for version in live
        if (code := version.locale.language_code) in codes and visibility.is_published(version)
    }


def _parent(page: Page) -> Page:
    """The parent's place in the tree, enough for _nearest (its path and depth)."""
    return Page(path=parent_path(page.path), depth=page.depth - 1)
