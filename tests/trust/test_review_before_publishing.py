"""Only reviewed content goes live: every path that makes a page live asks for the publish
permission of the person asking, and only moderators have it. Translators and province editors
reach each path and find their work kept as a draft."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, paragraph, province, publish_story


def person(django_user_model, username, *args):
    call_command("create_editor", username, *args, "--password", "mật-khẩu-dài-123", verbosity=0)
    return django_user_model.objects.get(username=username)


@pytest.fixture
def translator(django_user_model):
    return person(django_user_model, "biendich", "--translator")


@pytest.fixture
def moderator(django_user_model):
    return person(django_user_model, "kiemduyet", "--moderator")


@pytest.fixture
def editor(django_user_model):
    return person(django_user_model, "bacgiang", "--unit", "24")


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


def english_version(story, english):
    return Page.objects.get(translation_key=story.translation_key, locale=english)


def submitted_for_translation(story, english, user):
    TranslationCreator(user=user, target_locales=[english]).create_translations(story)
    return TranslationSource.objects.get(object_id=story.translation_key)


def test_a_translator_cannot_publish_by_updating_translations(
    client, translator, english, django_capture_on_commit_callbacks
):
    story = publish_story(title="Bắc Giang xét nghiệm số")
    source = submitted_for_translation(story, english, translator)
    client.force_login(translator)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    form = client.get(url).context["form"]
    assert form.fields["publish_translations"].disabled

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    target = english_version(story, english)
    assert not target.live and target.alias_of_id is None  # updated, as a draft for review


def test_a_translator_cannot_publish_by_submitting_then_updating(
    client, translator, english, django_capture_on_commit_callbacks
):
    story = publish_story(title="Bắc Giang chuyển đổi số")
    client.force_login(translator)
    submit = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(submit, {"locales": [english.pk]}).status_code == 302
    target = english_version(story, english)
    assert not target.live  # the alias became a draft translation, still in Vietnamese
    source = TranslationSource.objects.get(object_id=story.translation_key)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )
    assert not english_version(story, english).live


def test_a_moderator_still_publishes_translations_by_updating(
    client, moderator, english, django_capture_on_commit_callbacks
):
    story = publish_story()
    source = submitted_for_translation(story, english, moderator)
    client.force_login(moderator)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert not client.get(url).context["form"].fields["publish_translations"].disabled
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"publish_translations": "on"})
    assert english_version(story, english).live


def test_publishing_from_the_translation_editor_needs_the_permission(
    client, translator, english, django_capture_on_commit_callbacks
):
    story = publish_story()
    submitted_for_translation(story, english, translator)
    target = english_version(story, english)
    client.force_login(translator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert not english_version(story, english).live


def test_saving_a_translation_as_published_is_refused_below_every_view(
    translator, english, django_capture_on_commit_callbacks
):
    story = publish_story()
    submitted_for_translation(story, english, translator)
    translation = Translation.objects.get(source__object_id=story.translation_key, target_locale=english)
    with pytest.raises(PublishPagePermissionError):
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(user=translator, publish=True)
    assert not english_version(story, english).live


@pytest.mark.parametrize("who", ["translator", "editor"])
def test_bulk_publishing_needs_the_permission(client, request, english, who):
    user = request.getfixturevalue(who)
    story = StoryPageFactory(parent=province("24"), body=[paragraph("Bản nháp chờ duyệt")])
    story.save_revision(user=user)
    client.force_login(user)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={story.pk}"
    client.post(url, {"include_descendants": ""})
    assert not StoryPage.objects.get(pk=story.pk).live


def test_an_editor_cannot_copy_a_story_as_published(client, editor):
    story = publish_story(title="Câu chuyện gốc")
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[story.pk]),
        {
            "new_title": "Bản sao",
            "new_slug": "ban-sao",
            "new_parent_page": province("24").pk,
            "publish_copies": "on",
            "alias": "",
        },
    )
    assert response.status_code in (200, 302, 403)
    copy = StoryPage.objects.filter(slug="ban-sao").first()
    assert copy is None or not copy.live


def test_an_editor_cannot_publish_a_draft_by_naming_no_one(editor):
    """Code that publishes a revision without naming a user publishes as its author."""
    story = StoryPageFactory(parent=province("24"), body=[paragraph("Chờ kiểm duyệt")])
    revision = story.save_revision(user=editor)
    with pytest.raises(PublishPagePermissionError):
        revision.publish()
    with pytest.raises(PublishPagePermissionError):
        revision.publish(user=editor, skip_permission_checks=True)
    assert not StoryPage.objects.get(pk=story.pk).live


def test_an_editor_cannot_schedule_publishing(editor):
    story = StoryPageFactory(parent=province("24"), body=[paragraph("Hẹn giờ")])
    story.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = story.save_revision(user=editor)
    with pytest.raises(PublishPagePermissionError):
        revision.publish(user=editor)
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None


def test_what_a_moderator_scheduled_goes_live_on_time(editor, moderator):
    story = StoryPageFactory(parent=province("24"), body=[paragraph("Hẹn giờ đăng")])
    story.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    revision = story.save_revision(user=editor)  # written by the editor, approved by the moderator
    revision.publish(user=moderator)
    assert not StoryPage.objects.get(pk=story.pk).live
    past = timezone.now() - datetime.timedelta(seconds=1)  # the hour has come
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled", verbosity=0)
    assert StoryPage.objects.get(pk=story.pk).live


def test_a_workflow_is_approved_only_by_moderators(client, editor, moderator):
    story = StoryPageFactory(parent=province("24"), body=[paragraph("Gửi duyệt")])
    story.save_revision(user=editor)
    workflow = story.get_workflow()
    state = workflow.start(story, editor)
    task_state = state.current_task_state
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert not StoryPage.objects.get(pk=story.pk).live
    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert StoryPage.objects.get(pk=story.pk).live
