"""Who a signed-in person is on T63, read from their Wagtail groups (``teams.py``).

The dashboard asks this several times per request: the group names are read once per user object.
"""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant

from story_pages.editorial.teams import EDITORS_PREFIX, MODERATORS, TRANSLATORS, editors_group_name
from story_pages.models import ProvincePage, ProvinceStatus


def team_names(user) -> frozenset[str]:
    if not hasattr(user, "_t63_team_names"):
        user._t63_team_names = frozenset(user.groups.values_list("name", flat=True))
    return user._t63_team_names


def is_moderator(user) -> bool:
    return user.is_superuser or MODERATORS in team_names(user)


def is_translator(user) -> bool:
    return TRANSLATORS in team_names(user)


def units_edited_by(user) -> list[ProvincePage]:
    """The current units (Vietnamese pages) whose editors' team the person belongs to."""
    if not any(name.startswith(EDITORS_PREFIX) for name in team_names(user)):
        return []
    units = ProvincePage.objects.filter(
        status=ProvinceStatus.CURRENT, locale__language_code=_default_language()
    )
    return [unit for unit in units if editors_group_name(unit) in team_names(user)]


def _default_language() -> str:
    """The default locale's code, as ``Locale.get_default`` finds it, without a query."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)
