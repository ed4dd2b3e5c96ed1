"""The editors' side in the admin: teams, the counter, the review workflow, the ministry's dashboard."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import WorkflowState

from story_pages.editorial.dashboard import coverage
from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, paragraph, province, words
from tests.story_pages.admin_forms import paragraph_data, story_form_data


def person(client, django_user_model, username, *args):
    call_command("create_editor", username, *args, "--password", "mật-khẩu-dài-123", verbosity=0)
    client.force_login(django_user_model.objects.get(username=username))
    return client


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", parent.pk))


def test_a_bac_giang_editor_writes_here_and_not_in_hue(client, django_user_model, db):
    editor = person(client, django_user_model, "bacgiang", "--unit", "24")
    form = editor.get(add_url(province("24")))
    assert form.status_code == 200
    assert "data-t63-word-counter" in form.content.decode()  # the live counter sits under the body
    assert editor.get(add_url(province("46"))).status_code in (302, 403)  # Huế is not hers


def test_an_editor_submits_and_a_moderator_approves(client, django_user_model, db):
    editor = person(client, django_user_model, "bacgiang", "--unit", "24")
    refused = editor.post(
        add_url(province("24")), story_form_data([paragraph_data(words(1001))], **{"action-submit": "1"})
    )
    assert (
        refused.status_code == 200
        and not StoryPage.objects.filter(slug="bac-giang-so-hoa-xet-nghiem").exists()
    )
    submitted = editor.post(
        add_url(province("24")), story_form_data([paragraph_data(words(900))], **{"action-submit": "1"})
    )
    assert submitted.status_code == 302
    story = StoryPage.objects.get(slug="bac-giang-so-hoa-xet-nghiem", locale__language_code="vi")
    state = WorkflowState.objects.get(object_id=str(story.pk), status="in_progress")
    assert state.workflow.name == "Kiểm duyệt T63" and not story.live

    moderator = person(client, django_user_model, "kiemduyet", "--moderator")
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(story.pk, "approve", task_state.pk))
    moderator.post(url, {"comment": "Tốt"})
    story.refresh_from_db()
    assert story.live


def test_the_coverage_counts_published_stories_per_unit_and_theme(db):
    for code, theme in (
        ("79", "kinh-te-so"),
        ("74", "kinh-te-so"),
        ("77", "xa-hoi-so"),
        ("24", "chinh-quyen-so"),
    ):
        StoryPageFactory(parent=province(code), theme=theme, body=[paragraph("x")]).save_revision().publish()
    StoryPageFactory(parent=province("01"), body=[paragraph("bản nháp")])  # a draft does not count
    rows = {row["unit"].code: row for row in coverage()}
    assert len(rows) == 34
    assert rows["79"]["by_theme"] == [0, 2, 1] and rows["79"]["total"] == 3  # HCMC with Bình Dương and BR-VT
    assert rows["24"]["by_theme"] == [1, 0, 0]
    assert sum(1 for row in rows.values() if row["total"] == 0) == 32


def test_the_dashboard_shows_coverage_to_the_ministry_only(client, django_user_model, db):
    moderator = person(client, django_user_model, "kiemduyet", "--moderator")
    assert "t63-coverage" in moderator.get("/admin/").content.decode()
    editor = person(client, django_user_model, "bacgiang", "--unit", "24")
    assert "t63-coverage" not in editor.get("/admin/").content.decode()


@pytest.mark.parametrize("code", ["24", "46"])
def test_the_counter_panel_is_translated(client, django_user_model, db, code):
    editor = person(client, django_user_model, "bt", "--unit", code)
    html = editor.get(add_url(province(code))).content.decode()
    assert 'data-unit="chữ"' in html and 'data-thousands="."' in html


def test_a_story_edited_over_the_limit_in_review_cannot_be_approved(client, django_user_model, db):
    editor = person(client, django_user_model, "bacgiang", "--unit", "24")
    editor.post(
        add_url(province("24")), story_form_data([paragraph_data(words(900))], **{"action-submit": "1"})
    )
    story = StoryPage.objects.get(slug="bac-giang-so-hoa-xet-nghiem", locale__language_code="vi")
    story.body = [paragraph(words(1001))]  # a moderator's draft edit during review
    story.save_revision()
    task_state = WorkflowState.objects.get(object_id=str(story.pk), status="in_progress").current_task_state
    moderator = person(client, django_user_model, "kiemduyet", "--moderator")
    reviewer = django_user_model.objects.get(username="kiemduyet")
    actions = [name for name, *_ in task_state.task.specific.get_actions(story, reviewer)]
    assert "approve" not in actions and "reject" in actions
    url = reverse("wagtailadmin_pages:workflow_action", args=(story.pk, "approve", task_state.pk))
    response = moderator.post(url, {"comment": ""})
    assert response.status_code in (302, 403)  # refused, never a server error
    story.refresh_from_db()
    assert not story.live


def test_the_editor_can_read_a_videos_measured_duration(client, django_user_model, db):
    from tests.factories import make_video_media

    editor = person(client, django_user_model, "bacgiang", "--unit", "24")
    media = make_video_media(5)
    data = editor.get(reverse("t63_media_duration", args=(media.pk,))).json()
    assert data == {"duration": pytest.approx(5.0, abs=0.1), "display": "0:05", "too_long": False}
    client.logout()
    assert client.get(reverse("t63_media_duration", args=(media.pk,))).status_code == 302  # admin only
