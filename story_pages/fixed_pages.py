"""Pages at fixed addresses, made by set-up commands and idempotent: the Vietnamese page under the
default site's home page, a real translation (never an alias, which would show the Vietnamese) under
each other language's home page. Slugs and titles come from the caller, never from a compiled
catalogue, so URLs do not depend on one. Only missing or unpublished pages are written: what the
moderators have written since is kept.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale, Page, Site

from story_pages.editorial.teams import MODERATORS

MODERATOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")


def default_home() -> Page:
    return Site.objects.get(is_default_site=True).root_page.specific


def ensure_page_in_every_language(home: Page, existing, make, values_by_language: dict) -> list[Page]:
    """The page (``existing``, or ``make(values)`` added under ``home`` and published), then its
    translation into each language ``values_by_language`` has and the site is translated into."""
    page = existing
    if page is None:
        page = make(values_by_language["vi"])
        home.add_child(instance=page)
        page.save_revision().publish()
    pages = [page]
    for locale in Locale.objects.exclude(pk=home.locale_id):
        values = values_by_language.get(locale.language_code)
        if values is None or home.get_translation_or_none(locale) is None:
            continue
        translated = (page.get_translation_or_none(locale) or page.copy_for_translation(locale)).specific
        if translated.alias_of_id or not translated.live:
            translated.alias_of = None
            for name, value in values.items():
                setattr(translated, name, value)
            translated.save_revision().publish()
        pages.append(translated)
    return pages


def grant_moderators(pages) -> None:
    """The moderators write and publish under these pages (the editors' teams write stories only)."""
    group = Group.objects.filter(name=MODERATORS).first()
    if group is None:
        return
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore",
        codename__in=[f"{kind}_page" for kind in MODERATOR_PAGE_PERMISSIONS],
    )
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
