"""The solution index in every language, and who may write under it; idempotent.

The Vietnamese index sits under the Vietnamese home page (/giai-phap/); each other language gets a
real translation (/en/solutions/), as the province index does. Moderators write and publish the
solutions; editors record adoptions (``learning/adoption_views.py``), not solution pages.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale, Site

from story_pages.editorial.teams import MODERATORS
from story_pages.learning.solutions import SolutionIndexPage

# Fixed per language, as the province index's: URLs never depend on a compiled catalogue.
INDEX = {
    "vi": {
        "title": "Giải pháp",
        "slug": "giai-phap",
        "intro": "Các giải pháp, nền tảng số do các tỉnh xây dựng, và những nơi đã nhân rộng.",
    },
    "en": {
        "title": "Solutions",
        "slug": "solutions",
        "intro": (
            "Digital solutions and platforms built by the provinces, and where they have been replicated."
        ),
    },
}
MODERATOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")


@transaction.atomic
def ensure_solution_index() -> SolutionIndexPage:
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = SolutionIndexPage.objects.child_of(home).first()
    if index is None:
        index = SolutionIndexPage(**INDEX["vi"])
        home.add_child(instance=index)
        index.save_revision().publish()
    pages = [index]
    for locale in Locale.objects.exclude(pk=home.locale_id):
        values = INDEX.get(locale.language_code)
        if values is None or home.get_translation_or_none(locale) is None:
            continue
        translated = index.get_translation_or_none(locale)
        if translated is None:
            translated = index.copy_for_translation(locale)
        translated = translated.specific
        if translated.alias_of_id or translated.title != values["title"] or not translated.live:
            translated.alias_of = None
            for name, value in values.items():
                setattr(translated, name, value)
            translated.save_revision().publish()
        pages.append(translated)
    grant_moderators(pages)
    return index


def grant_moderators(pages) -> None:
    group = Group.objects.filter(name=MODERATORS).first()
    if group is None:
        return
    for page in pages:
        for kind in MODERATOR_PAGE_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{kind}_page"
            )
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
