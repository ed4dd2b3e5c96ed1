"""A story's slug from its Vietnamese title: the shared vectors, and the slug filled on save."""

import json
from pathlib import Path

import pytest
from django.urls import reverse

import story_pages
from story_pages.models import StoryPage
from story_pages.slugs import vietnamese_slug
from tests.factories import StoryPageFactory, paragraph, province
from tests.story_pages.admin_forms import paragraph_data, story_form_data

VECTORS = json.loads(
    (Path(story_pages.__file__).parent / "rules" / "test_vectors" / "slugs.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_the_server_agrees_with_every_vector(vector):
    assert vietnamese_slug(vector["text"]) == vector["slug"]


def test_the_vectors_hold_the_cases_the_issue_names():
    slugs = {v["text"]: v["slug"] for v in VECTORS}
    assert slugs["Bắc Giang"] == "bac-giang"
    assert slugs["Đắk Lắk"] == "dak-lak"
    assert any(v["text"] != __import__("unicodedata").normalize("NFC", v["text"]) for v in VECTORS)


def test_an_empty_slug_is_made_from_the_title_when_the_editor_saves(admin_client, db):
    bac_giang = province("24")
    data = story_form_data([paragraph_data("Một đoạn.")], title="Đắk Lắk số hoá xét nghiệm", slug="")
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", bac_giang.pk)), data
    )
    assert response.status_code == 302
    assert StoryPage.objects.child_of(bac_giang).get().slug == "dak-lak-so-hoa-xet-nghiem"


def test_a_story_made_by_code_gets_the_same_slug_numbered_if_taken(db):
    hue = province("46")
    first = StoryPageFactory(parent=hue, title="Đường dây nóng Huế", slug="", body=[paragraph("x")])
    second = StoryPageFactory(parent=hue, title="Đường dây nóng Huế", slug="", body=[paragraph("x")])
    assert (first.slug, second.slug) == ("duong-day-nong-hue", "duong-day-nong-hue-2")
