"""An editor from Bắc Giang writes a story, a moderator approves it, readers see it: in Chromium."""

import re
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import WorkflowState
from wagtailmedia.models import get_media_model

from story_pages.models import StoryPage
from story_pages.video.samples import write_sample_video
from tests.factories import StoryPageFactory, paragraph, province, uploaded_video

PASSWORD = "mật-khẩu-dài-123"

# A live-server test commits, and the database is emptied after it; each starts again from the
# state the session began with, provinces included (the starting_state fixture).
pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def words(count):
    return " ".join(["số"] * count)


def write_body(page, text):
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)


def submit_for_review(page):
    page.locator("#id_summary").click()  # leaving the rich-text editor commits its content to the form
    page.wait_for_timeout(700)
    with page.expect_navigation():
        page.locator('button[name="action-submit"]').dispatch_event("click")


def test_editor_writes_is_refused_trims_submits_and_the_moderator_approves(
    live_server, open_page, starting_state
):
    site = live_server
    call_command("create_editor", "bacgiang", "--unit", "24", "--password", PASSWORD, verbosity=0)
    call_command("create_editor", "kiemduyet", "--moderator", "--password", PASSWORD, verbosity=0)
    editor = open_page("vi")
    log_in(editor, site.url, "bacgiang")

    editor.goto(f"{site.url}/admin/pages/add/story_pages/storypage/{province('24').pk}/")
    editor.fill("#id_title", "Bắc Giang số hoá việc xét nghiệm")
    editor.fill("#id_summary", "Một nền tảng giúp tỉnh quản lý xét nghiệm trên toàn tỉnh.")
    editor.select_option("#id_theme", "xa-hoi-so")
    editor.fill("#id_credit_line", "Sở Thông tin và Truyền thông tỉnh Bắc Giang")
    editor.locator('[data-contentpath="body"] button[title]').first.click()
    editor.get_by_text("Đoạn văn", exact=True).first.click()

    write_body(editor, words(1001))
    counter = editor.locator("[data-t63-count]")
    counter.filter(has_text="1.001 / 1.000 chữ").wait_for()
    assert "t63-word-counter--over" in editor.locator("[data-t63-word-counter]").get_attribute("class")

    submit_for_review(editor)
    editor.get_by_text("Câu chuyện dài 1.001 chữ; tối đa 1.000 chữ.").first.wait_for()
    assert not StoryPage.objects.filter(title="Bắc Giang số hoá việc xét nghiệm").exists()

    write_body(editor, words(950))
    counter.filter(has_text="950 / 1.000 chữ").wait_for()
    submit_for_review(editor)
    story = StoryPage.objects.get(title="Bắc Giang số hoá việc xét nghiệm", locale__language_code="vi")
    assert WorkflowState.objects.filter(object_id=str(story.pk), status="in_progress").exists()
    assert not story.live

    moderator = open_page("en")
    log_in(moderator, site.url, "kiemduyet")
    moderator.goto(f"{site.url}/admin/pages/{story.pk}/edit/")
    approve = moderator.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    with moderator.expect_navigation():
        approve.first.dispatch_event("click")  # the action sits in the footer's menu
    story.refresh_from_db()
    assert story.live

    reader = open_page("vi")
    reader.goto(site.url + story.url)
    assert reader.locator("h1").inner_text() == "Bắc Giang số hoá việc xét nghiệm"

    # The editor of Bắc Giang cannot add anything under Huế: the admin turns her away.
    editor.goto(f"{site.url}/admin/pages/{province('46').pk}/add_subpage/")
    assert editor.url.rstrip("/").endswith("/admin")
    editor.goto(f"{site.url}/admin/pages/{province('24').pk}/add_subpage/")
    assert editor.url.endswith(
        f"/admin/pages/add/story_pages/storypage/{province('24').pk}/"
    )  # straight to a story

    # Uploading a five-second video shows its measured duration.
    with tempfile.TemporaryDirectory() as folder:
        video = write_sample_video(Path(folder) / "hue-s.mp4", 5, width=64, height=36)
        editor.goto(f"{site.url}/admin/media/video/add/")
        editor.fill("#id_title", "Hue-S giới thiệu")
        editor.set_input_files("#id_file", str(video))
        with editor.expect_navigation():
            editor.locator("form button[type=submit]").last.click()
    media = get_media_model().objects.get(title="Hue-S giới thiệu")
    editor.goto(f"{site.url}/admin/media/edit/{media.pk}/")
    assert float(editor.input_value("#id_duration")) == 5.0

    # In a story, the chosen video's measured duration stands next to the limit.
    story_with_video = StoryPageFactory(
        parent=province("24"), body=[paragraph("Hue-S"), uploaded_video(media)]
    )
    editor.goto(f"{site.url}/admin/pages/{story_with_video.pk}/edit/")
    editor.locator("[data-t63-videos] li").filter(has_text="Video: 0:05 / 12:00").wait_for()
