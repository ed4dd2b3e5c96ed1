"""The language an e-mail to a person is written in: the admin language they chose in their
account, else the site's default (Vietnamese).

Wagtail's UserProfile.get_preferred_language() falls back to the language active while the mail
is sent, which is the sender's: a moderator working in English would write to every Vietnamese
editor who never chose a language in English. Wagtail also renders its notices' HTML part outside
its language override, so T63's mail templates switch language themselves (templatetags/t63_mail)."""

from django.conf import settings
from wagtail.admin.localization import get_available_admin_languages
from wagtail.users.models import UserProfile


def recipient_language(user) -> str:
    if user is not None and user.pk is not None:
        chosen = UserProfile.get_for_user(user).preferred_language
        if chosen and chosen in dict(get_available_admin_languages()):
            return chosen
    return settings.LANGUAGE_CODE
