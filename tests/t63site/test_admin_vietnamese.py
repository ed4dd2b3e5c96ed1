"""The admin speaks Vietnamese on every screen an editor, a moderator and a translator reach: no
interface text is left the same English as in the English admin. And every message of the admin's
packages has its Vietnamese, so an upgrade that brings new ones fails here first."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.operations import TranslationCreator

from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, paragraph, province
from tests.t63site.admin_catalogue import missing_translations
from tests.t63site.admin_screens import (
    editor_screens,
    moderator_screens,
    signed_out_screens,
    translator_screens,
    untranslated,
)

pytestmark = pytest.mark.django_db


def person(django_user_model, username, *args):
    call_command("create_editor", username, *args, "--password", "mật-khẩu-dài-123", verbosity=0)
    user = django_user_model.objects.get(username=username)
    user.first_name, user.last_name = "Nguyễn", "Thị Hà"
    user.save()
    return user


def in_both_languages(client, user, url) -> tuple[str, str]:
    """The screen for a person who chose Vietnamese, then English. Signed out, the admin's
    addresses carry no language prefix, so they are in the site's default language."""
    pages = []
    for language in ("vi", "en"):
        if user is not None:
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
            client.force_login(user)
        with override_settings(LANGUAGE_CODE=language):
            response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        pages.append(response.content.decode())
    return pages[0], pages[1]


def english_left(client, user, screens: dict[str, str]) -> dict[str, list[str]]:
    content = set(Page.objects.values_list("title", flat=True))  # the English tree's own titles
    found = {}
    for name, url in screens.items():
        left = untranslated(*in_both_languages(client, user, url)) - content
        if left:
            found[name] = sorted(left)
    return found


@pytest.fixture
def story_in_review(django_user_model):
    editor = person(django_user_model, "bacgiang", "--unit", "24")
    story = StoryPageFactory(
        parent=province("24"), title="Bắc Giang số hóa xét nghiệm", body=[paragraph("Gửi duyệt")]
    )
    story.save_revision(user=editor)
    story.get_workflow().start(story, editor)
    return editor, StoryPage.objects.get(pk=story.pk)


def test_the_signed_out_screens_speak_vietnamese(client):
    assert english_left(client, None, signed_out_screens()) == {}


def test_the_editors_screens_speak_vietnamese(client, story_in_review):
    editor, story = story_in_review
    assert english_left(client, editor, editor_screens(story)) == {}


def test_the_moderators_screens_speak_vietnamese(client, django_user_model, story_in_review):
    _editor, story = story_in_review
    moderator = person(django_user_model, "kiemduyet", "--moderator")
    assert english_left(client, moderator, moderator_screens(story)) == {}


def test_the_translators_screens_speak_vietnamese(client, django_user_model, story_in_review):
    _editor, story = story_in_review
    translator = person(django_user_model, "biendich", "--translator")
    english = Locale.objects.get(language_code="en")
    TranslationCreator(user=translator, target_locales=[english]).create_translations(story)
    english_story = story.get_translation(english)
    assert english_left(client, translator, translator_screens(english_story)) == {}


def test_every_message_of_the_admins_packages_has_its_vietnamese():
    assert missing_translations() == []
