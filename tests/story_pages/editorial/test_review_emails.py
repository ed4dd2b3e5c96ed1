"""The review workflow's e-mails: each person reads them in the admin language they chose, else in
Vietnamese, whatever language the sender works in; links start with the configured site address;
every mail has a plain text body and an HTML part."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.admin.mail import send_notification
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, paragraph, province, words
from tests.story_pages.admin_forms import paragraph_data, story_form_data

pytestmark = pytest.mark.django_db

SITE = "https://t63.example.vn"
TITLE = "Bắc Giang số hoá xét nghiệm"
COMMENT = "Xin bổ sung số liệu năm 2024 & nguồn <trích dẫn>."


@pytest.fixture(autouse=True)
def site_address(settings):
    # Neither the test client's host (testserver) nor the Site record's (localhost).
    settings.WAGTAILADMIN_BASE_URL = SITE


def person(username, *options, language=""):
    call_command("create_editor", username, *options, "--email", f"{username}@mic.gov.vn", verbosity=0)
    user = get_user_model().objects.get(username=username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def signed_in(client, user):
    client.force_login(user)
    return client


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def links_in(text: str) -> list[str]:
    return [word for word in text.split() if word.startswith(("http://", "https://"))]


def assert_links_on_the_site(message):
    links = links_in(message.body)
    assert links and all(link.startswith(SITE + "/") for link in links), links
    assert f'href="{SITE}/' in html_of(message)
    assert "localhost" not in message.body + html_of(message)
    assert "testserver" not in message.body + html_of(message)


def the_story() -> StoryPage:
    return StoryPage.objects.get(slug="bac-giang-so-hoa-xet-nghiem", locale__language_code="vi")


def act(client, moderator, story, action, comment):
    task_state = WorkflowState.objects.get(object_id=str(story.pk), status="in_progress").current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(story.pk, action, task_state.pk))
    response = signed_in(client, moderator).post(url, {"comment": comment})
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("editor_language", ["", "en"])
def test_submit_request_changes_resubmit_approve(client, editor_language):
    """A Bắc Giang editor submits, a moderator working in English requests changes with a comment,
    the editor submits again, a Vietnamese moderator approves: each mail in its reader's language."""
    editor = person("bacgiang", "--unit", "24", language=editor_language)
    moderator_vi = person("kiemduyet", "--moderator")
    moderator_en = person("reviewer", "--moderator", language="en")
    add = reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", province("24").pk))
    submit = {"action-submit": "1"}
    signed_in(client, editor).post(add, story_form_data([paragraph_data(words(300))], **submit))
    story = the_story()

    # Submitted: one mail to each moderator, none to the editor.
    [to_vi], [to_en] = mails_to(moderator_vi), mails_to(moderator_en)
    assert not mails_to(editor) and len(mail.outbox) == 2
    assert to_vi.subject == f"[T63] Chờ kiểm duyệt: “{TITLE}”"
    assert to_en.subject == f"[T63] Awaiting moderation: “{TITLE}”"
    assert "Xin chào kiemduyet," in to_vi.body and "đang chờ ở bước duyệt “Kiểm duyệt nội dung”" in to_vi.body
    assert "Hello reviewer," in to_en.body and "It is waiting at the step" in to_en.body
    assert f"{SITE}/admin/pages/{story.pk}/edit/" in to_vi.body
    assert f"{SITE}/admin/pages/workflow/preview/{story.pk}/" in to_en.body
    assert '<html lang="vi">' in html_of(to_vi) and '<html lang="en">' in html_of(to_en)
    for message in (to_vi, to_en):
        assert_links_on_the_site(message)
        assert message.extra_headers.get("Auto-Submitted") == "auto-generated"

    # Changes requested, by a moderator whose admin (and request) is in English.
    mail.outbox.clear()
    act(client, moderator_en, story, "reject", COMMENT)
    [changes] = mail.outbox
    assert changes.to == [editor.email]
    if editor_language == "en":
        assert changes.subject == f"[T63] Changes requested: “{TITLE}”"
        assert "reviewer requested changes to" in changes.body and "The moderator's comment:" in changes.body
    else:
        assert changes.subject == f"[T63] Yêu cầu sửa: “{TITLE}”"
        assert "reviewer đã yêu cầu sửa “" in changes.body and "Góp ý của người kiểm duyệt:" in changes.body
    assert COMMENT in changes.body  # plain text: as written
    assert "Xin bổ sung số liệu năm 2024 &amp; nguồn &lt;trích dẫn&gt;." in html_of(changes)
    assert f"{SITE}/admin/pages/{story.pk}/edit/" in changes.body
    assert_links_on_the_site(changes)

    # Submitted again, then approved (and published) with a comment.
    edit = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    signed_in(client, editor).post(edit, story_form_data([paragraph_data(words(320))], **submit))
    assert {tuple(m.to) for m in mail.outbox[1:]} == {(moderator_vi.email,), (moderator_en.email,)}
    mail.outbox.clear()
    act(client, moderator_vi, story, "approve", "Tốt, đã xuất bản.")
    story.refresh_from_db()
    assert story.live
    [approved] = mail.outbox
    assert approved.to == [editor.email]
    public = f"{SITE}/tinh-thanh/bac-giang/bac-giang-so-hoa-xet-nghiem/"
    if editor_language == "en":
        assert approved.subject == f"[T63] Approved and published: “{TITLE}”"
        assert "and is now published." in approved.body and f"Read it on the site: {public}" in approved.body
    else:
        assert approved.subject == f"[T63] Đã duyệt và xuất bản: “{TITLE}”"
        assert "đã được duyệt" in approved.body and f"Đọc trên trang thông tin: {public}" in approved.body
    assert "Tốt, đã xuất bản." in approved.body and "Tốt, đã xuất bản." in html_of(approved)
    assert f'href="{public}"' in html_of(approved)
    assert_links_on_the_site(approved)


@pytest.mark.parametrize(
    ("language", "expected"), [("", "đã cập nhật góp ý về"), ("en", "updated the comments on")]
)
def test_comment_notices_are_in_the_readers_language(language, expected, english):
    """Sent while the commenter works in English: the reader's own choice decides."""
    reader = person("bacgiang", "--unit", "24", language=language)
    commenter = person("reviewer", "--moderator", language="en")
    story = StoryPageFactory(parent=province("24"), title=TITLE, body=[paragraph("x")])
    comment = type("Comment", (), {"text": "Ảnh này cần chú thích."})()
    send_notification(
        [reader],
        "updated_comments",
        {
            "page": story,
            "editor": commenter,
            "new_comments": [comment],
            "resolved_comments": [],
            "deleted_comments": [],
            "replied_comments": [],
        },
    )
    [message] = mail.outbox
    assert expected in message.subject and expected in message.body and expected in html_of(message)
    assert "Ảnh này cần chú thích." in message.body and "Ảnh này cần chú thích." in html_of(message)
    assert f"{SITE}/admin/pages/{story.pk}/edit/" in message.body
    assert_links_on_the_site(message)
