"""Who may do what: province teams edit only their own unit's stories; the ministry publishes."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from story_pages.models import ProvincePage
from tests.factories import StoryPageFactory, paragraph


def person(django_user_model, username, *command_args):
    call_command("create_editor", username, *command_args, verbosity=0)
    return django_user_model.objects.get(username=username)


@pytest.fixture
def stories(db):
    """One story under each of the 63 provinces."""
    provinces = ProvincePage.objects.filter(locale__language_code="vi").select_related("merged_into")
    return {p.code: (p, StoryPageFactory(parent=p, body=[paragraph(p.title)])) for p in provinces}


def test_no_editor_touches_another_units_stories(django_user_model, stories):
    units = sorted({(p.merged_into or p).code for p, _ in stories.values()})
    assert len(units) == 34
    for unit in units:
        editor = person(django_user_model, f"bt{unit}", "--unit", unit)
        for code, (province, story) in stories.items():
            own = (province.merged_into or province).code == unit
            story_perms = story.permissions_for_user(editor)
            province_perms = province.permissions_for_user(editor)
            assert story_perms.can_edit() is own, (unit, code)
            assert province_perms.can_add_subpage() is own, (unit, code)
            assert not story_perms.can_publish(), (unit, code)
            if not own:
                assert not story_perms.can_delete() and not story_perms.can_move(), (unit, code)


def test_ho_chi_minh_city_edits_binh_duong_and_ba_ria_vung_tau(django_user_model, stories):
    editor = person(django_user_model, "hcm", "--unit", "79")
    for code in ("79", "74", "77"):
        assert stories[code][1].permissions_for_user(editor).can_edit()
    assert not stories["01"][1].permissions_for_user(editor).can_edit()


def test_an_editor_may_edit_the_english_version_of_an_own_story(django_user_model, stories):
    editor = person(django_user_model, "bacgiang", "--unit", "24")
    english_province = stories["24"][0].get_translation(
        stories["24"][1].locale.__class__.objects.get(language_code="en")
    )
    assert english_province.permissions_for_user(editor).can_add_subpage()


def test_moderators_publish_anywhere_and_translators_never(django_user_model, stories):
    moderator = person(django_user_model, "kiemduyet", "--moderator")
    translator = person(django_user_model, "biendich", "--translator")
    for _, story in stories.values():
        assert story.permissions_for_user(moderator).can_publish()
        assert not story.permissions_for_user(translator).can_publish()


def test_teams_are_made_once_by_load_provinces(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert "Biên tập – Bắc Ninh" in names and "Biên tập – Hồ Chí Minh" in names
    assert len([n for n in names if n.startswith("Biên tập – ")]) == 34
    before = Group.objects.count()
    call_command("load_provinces", verbosity=0)
    assert Group.objects.count() == before


def test_create_editor_refuses_an_unknown_unit(db):
    with pytest.raises(Exception, match="99"):
        call_command("create_editor", "x", "--unit", "99")
