"""Wagtail's slug controller, given T63's formatters, makes the server's slug from every shared
vector: typed into a new story's title in Chromium, read back from the slug field."""

import json
from pathlib import Path

import pytest

import story_pages
from tests.browser.test_editor_journey import PASSWORD, log_in
from tests.factories import province

VECTORS = json.loads(
    (Path(story_pages.__file__).parent / "rules" / "test_vectors" / "slugs.json").read_text(encoding="utf-8")
)
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_browser_agrees_with_every_vector(live_server, open_page, starting_state, django_user_model):
    django_user_model.objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)
    page = open_page("vi")
    log_in(page, live_server.url, "quantri")
    page.goto(f"{live_server.url}/admin/pages/add/story_pages/storypage/{province('24').pk}/")
    made = {}
    for vector in VECTORS:
        # A title with nothing to make a slug from leaves the slug as it was: start each empty.
        page.locator("#id_slug").evaluate("slug => { slug.value = ''; }")
        # Focus, type, leave: what the title field's sync listens to.
        page.fill("#id_title", vector["text"])
        page.locator("#id_title").dispatch_event("change")
        page.wait_for_timeout(300)  # the title's sync is debounced (100 ms)
        made[vector["name"]] = page.input_value("#id_slug")
    assert made == {v["name"]: v["slug"] for v in VECTORS}
