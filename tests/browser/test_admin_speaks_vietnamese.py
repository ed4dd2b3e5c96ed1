"""A new province editor's first story, in Chromium, in Vietnamese from sign-in to "submitted":
nothing they read along the way (text, placeholders, labels read aloud, the block chooser that
JavaScript draws) is a message left in English."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import WorkflowState

from story_pages.models import StoryPage
from tests.browser.test_editor_journey import PASSWORD, submit_for_review, write_body
from tests.t63site.admin_catalogue import english_messages
from tests.t63site.admin_screens import looks_english

pytestmark = pytest.mark.django_db(transaction=True)

# What a person reads on the page: visible text lines, and the attributes read or shown.
READABLE_TEXTS = """() => {
    const texts = document.body.innerText.split("\\n");
    for (const element of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
        if (element.closest("[hidden]")) continue;
        for (const name of ["placeholder", "aria-label", "title"]) {
            if (element.hasAttribute(name)) texts.push(element.getAttribute(name));
        }
    }
    return texts.map((text) => text.replace(/\\s+/g, " ").trim()).filter(Boolean);
}"""


def english_on(page, messages: set[str]) -> list[str]:
    return sorted(
        {text for text in page.evaluate(READABLE_TEXTS) if text in messages and looks_english(text)}
    )


def test_a_new_editor_writes_and_submits_a_story_without_meeting_english(
    live_server, open_page, starting_state
):
    call_command("create_editor", "hue", "--unit", "46", "--password", PASSWORD, verbosity=0)
    messages = english_messages()
    page = open_page("vi")
    left = {}

    page.goto(f"{live_server.url}/admin/login/")
    left["sign in"] = english_on(page, messages)
    page.fill("#id_username", "hue")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    left["dashboard"] = english_on(page, messages)

    write = page.locator("[data-t63-write-story]")
    assert write.count() == 1  # one click to a new story
    with page.expect_navigation():
        write.click()
    assert "/admin/pages/add/story_pages/storypage/" in page.url
    left["new story"] = english_on(page, messages)

    page.fill("#id_title", "Huế số hóa phản ánh hiện trường")
    page.fill("#id_summary", "Người dân gửi phản ánh qua ứng dụng và nhận kết quả xử lý ngay.")
    page.select_option("#id_theme", "chinh-quyen-so")
    page.locator('[data-contentpath="body"] button[title]').first.click()
    left["block chooser"] = english_on(page, messages)
    page.get_by_text("Đoạn văn", exact=True).first.click()
    write_body(page, "Người dân gửi phản ánh qua ứng dụng Hue-S.")
    submit_for_review(page)
    left["submitted"] = english_on(page, messages)

    story = StoryPage.objects.get(title="Huế số hóa phản ánh hiện trường", locale__language_code="vi")
    assert WorkflowState.objects.filter(object_id=str(story.pk), status="in_progress").exists()
    assert {screen: texts for screen, texts in left.items() if texts} == {}
