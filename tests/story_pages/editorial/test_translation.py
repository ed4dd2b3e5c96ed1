"""Stories travel abroad: the synchronised English tree, translation by PO file, what English readers see."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail.rich_text import RichText

from story_pages.editorial.translation_state import TranslationState, translation_state
from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, paragraph, province, translate_into_english, words
from tests.story_pages.admin_forms import paragraph_data, story_form_data

ENGLISH_API = "/api/v2/pages/?type=story_pages.StoryPage&locale=en&fields=title"


@pytest.fixture
def english_locale(db):
    return Locale.objects.get(language_code="en")


def published_story_from_the_admin(admin_client, code="24", slug="bac-giang-so-hoa-xet-nghiem"):
    parent = province(code)
    url = reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", parent.pk))
    body = [paragraph_data("Bắc Giang số hoá việc xét nghiệm COVID-19 trong khu công nghiệp.")]
    response = admin_client.post(url, story_form_data(body, slug=slug, **{"action-publish": "1"}))
    assert response.status_code == 302
    return StoryPage.objects.get(slug=slug, locale__language_code="vi")


def what_english_readers_see(client, story_title):
    """Where an English reader could meet the story: listings, sitemap, API, search."""
    home = client.get("/en/")
    unit = client.get("/en/provinces/bac-giang/")
    sitemap = client.get("/sitemap.xml").content.decode()
    api = client.get(ENGLISH_API).json()["items"]
    search = client.get("/en/search/", {"q": "EN"})
    return {
        "home": [s.title for s in [*home.context["featured_stories"], *home.context["latest_stories"]]],
        "province": [s.title for s in unit.context["stories"]],
        "sitemap": "/en/provinces/bac-giang/bac-giang-so-hoa-xet-nghiem/" in sitemap,
        "api": [item["title"] for item in api],
        "search": [result["story"].title for result in search.context["results"]],
    }


def test_a_new_story_gets_its_english_alias(admin_client):
    story = published_story_from_the_admin(admin_client)
    alias = story.get_translation(Locale.objects.get(language_code="en"))
    assert alias.alias_of_id == story.pk
    assert alias.live


def test_english_readers_meet_a_story_only_once_its_translation_is_published(admin_client, client):
    story = published_story_from_the_admin(admin_client)
    title = f"EN {story.title}"
    nothing = {"home": [], "province": [], "sitemap": False, "api": [], "search": []}
    assert what_english_readers_see(client, title) == nothing

    translate_into_english(story, publish=False)
    assert what_english_readers_see(client, title) == nothing  # a draft translation is not news

    english, _ = translate_into_english(story, publish=True)
    assert english.title == title and english.live
    seen = what_english_readers_see(client, title)
    assert seen == {"home": [title], "province": [title], "sitemap": True, "api": [title], "search": [title]}


def test_the_po_round_trip_translates_every_block(db, client):
    image = Image.objects.create(title="Hue-S", file=get_test_image_file())
    unit_link = f'<a linktype="page" id="{province("46").pk}">Thừa Thiên Huế</a>'
    story = StoryPageFactory(
        parent=province("46"),
        body=[
            ("heading", "Người dân cùng chăm sóc đô thị"),
            ("paragraph", RichText(f"<p>Ứng dụng Hue-S của {unit_link} nhận <b>phản ánh</b>.</p>")),
            (
                "image",
                {
                    "image": image,
                    "alt_text": "Màn hình Hue-S",
                    "caption": "Giao diện ứng dụng",
                    "credit": "Ảnh: Sở TT&TT",
                },
            ),
            ("quote", {"text": "Tôi báo sáng, chiều đã sửa.", "attribution": "Một người dân phường Tây Lộc"}),
            ("key_result", {"figure": "90%", "label": "phản ánh được xử lý"}),
            ("lesson", {"title": "Quy chế quan trọng hơn ứng dụng", "text": "Cần quy định rõ trách nhiệm."}),
        ],
    )
    story.save_revision().publish()
    english, _ = translate_into_english(story)
    html = client.get(english.url).content.decode()
    for text in (
        "EN Người dân cùng chăm sóc đô thị",
        "EN Giao diện ứng dụng",
        "EN Ảnh: Sở TT&amp;TT",
        "EN Tôi báo sáng, chiều đã sửa.",
        "EN Một người dân phường Tây Lộc",
        "EN 90%",
        "EN phản ánh được xử lý",
        "EN Quy chế quan trọng hơn ứng dụng",
        "EN Cần quy định rõ trách nhiệm.",
        'alt="EN Màn hình Hue-S"',
    ):
        assert text in html
    assert "<b>phản ánh</b>" in html  # inline markup survives inside the translated sentence
    # The link inside the English story leads to the English province page.
    assert f'href="{province("46", "en").url}"' in html
    assert f'href="{province("46").url}"' not in html.split('class="story-body"')[1].split("</article>")[0]


def test_translating_never_publishes_by_itself(db, english_locale):
    story = StoryPageFactory(parent=province("24"))
    story.save_revision().publish()
    english, _ = translate_into_english(story, publish=False)
    assert not english.live
    assert translation_state(story, english_locale) == TranslationState.DRAFT


def test_a_changed_original_marks_its_translation_out_of_date(db, english_locale):
    story = StoryPageFactory(
        parent=province("24"), body=[paragraph("Câu đầu tiên."), paragraph("Câu thứ hai.")]
    )
    story.save_revision().publish()
    assert translation_state(story, english_locale) == TranslationState.MISSING
    _, translation = translate_into_english(story)
    assert translation_state(story, english_locale) == TranslationState.CURRENT

    edited = [dict(block) for block in story.body.raw_data]  # as the editor's form keeps block ids
    edited[1]["value"] = "<p>Câu thứ hai, đã sửa.</p>"
    story.body = edited
    story.save_revision().publish()
    assert translation_state(story, english_locale) == TranslationState.OUTDATED
    # What changed is what the translator now finds untranslated.
    untranslated = [e.msgid for e in translation.export_po() if not e.msgstr]
    assert untranslated == ["Câu thứ hai, đã sửa."]


def test_english_translations_are_held_to_the_video_rule_not_the_word_limit(db, english_locale, english):
    story = StoryPageFactory(parent=province("24"), body=[paragraph(words(1000))])
    story.save_revision().publish()
    english_page, _ = translate_into_english(story, translate=lambda text: text + " and more words")
    assert english_page.word_count > 1000
    assert english_page.live
    assert english_page.rule_violations() == []


def test_links_in_an_english_story_point_at_english_pages_in_the_api(db, client):
    link = f'<a linktype="page" id="{province("79").pk}">Thành phố Hồ Chí Minh</a>'
    story = StoryPageFactory(parent=province("77"), body=[("paragraph", RichText(f"<p>Cùng {link}.</p>"))])
    story.save_revision().publish()
    english, _ = translate_into_english(story)
    for page, expected in ((english, province("79", "en").url), (story, province("79").url)):
        body = client.get(f"/api/v2/pages/{page.pk}/?rich_text_format=html").json()["body"]
        assert f'href="{expected}"' in body[0]["value"]


def test_the_admin_dashboard_lists_stories_to_translate(admin_client, english_locale):
    untranslated = StoryPageFactory(parent=province("24"), title="Chưa dịch")
    untranslated.save_revision().publish()
    story = StoryPageFactory(parent=province("24"), title="Đã dịch", body=[paragraph("Câu một.")])
    story.save_revision().publish()
    translate_into_english(story)
    html = admin_client.get("/admin/").content.decode()
    assert "Chưa dịch" in html and "EN Đã dịch" not in html

    edited = [dict(block) for block in story.body.raw_data]
    edited[0]["value"] = "<p>Câu một, đã sửa.</p>"
    story.body = edited
    story.save_revision().publish()
    html = admin_client.get("/admin/").content.decode()
    assert "EN Đã dịch" in html  # out of date now


def test_a_translator_round_trips_a_po_file_through_the_admin(admin_client, client):
    story = StoryPageFactory(parent=province("46"), title="Hue-S", body=[paragraph("Người dân phản ánh.")])
    story.save_revision().publish()
    english, translation = translate_into_english(story, translate=lambda text: "", publish=False)
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=(english.pk,))).status_code == 200

    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=(translation.pk,)))
    po = polib.pofile(download.content.decode())
    for entry in po:
        entry.msgstr = {"Hue-S": "Hue-S, the citizen app", "Người dân phản ánh.": "Residents report."}.get(
            entry.msgid, ""
        )
    upload = SimpleUploadedFile("hue-s.po", str(po).encode(), content_type="text/x-gettext-translation")
    url = reverse("wagtail_localize:upload_pofile", args=(translation.pk,))
    admin_client.post(url, {"file": upload, "next": "/admin/"})
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    english.refresh_from_db()
    assert english.live and english.title == "Hue-S, the citizen app"
    assert "Residents report." in client.get(english.url).content.decode()
