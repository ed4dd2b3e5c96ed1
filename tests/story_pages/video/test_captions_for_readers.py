"""Captions travel: translated cue by cue like the body (in the translation editor's PO round trip),
served as WebVTT per language, played as tracks, read as a transcript, and searched."""

import json

import polib
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from story_pages import content_version
from story_pages.video.caption_files import caption_file_url
from story_pages.video.captions import Cue, read_captions
from tests.factories import embedded_video, make_video_media, paragraph, publish_story, uploaded_video

CUES = [
    {"start": 0.5, "end": 2.0, "text": "Người dân gửi phản ánh qua Hue-S."},
    {"start": 2.0, "end": 3.5, "text": "Chính quyền xử lý trong ba ngày."},
]
ENGLISH = {
    "Người dân gửi phản ánh qua Hue-S.": "Residents send reports through Hue-S.",
    "Chính quyền xử lý trong ba ngày.": "The government deals with them in three days.",
}


@pytest.fixture
def story(db):
    media = make_video_media(4, title="Hue-S")
    return publish_story(
        slug="hue-s",
        title="Hue-S kết nối người dân",
        body=[paragraph("Hue-S ra đời."), uploaded_video(media, CUES)],
    )


def english_po_entries(story) -> tuple[Translation, polib.POFile]:
    english = Locale.objects.get(language_code="en")
    TranslationCreator(user=None, target_locales=[english]).create_translations(story)
    translation = Translation.objects.get(source__object_id=story.translation_key, target_locale=english)
    return translation, polib.pofile(str(translation.export_po()))


@pytest.fixture
def translated(story):
    """The English translation, made by a translator's PO file."""
    translation, po = english_po_entries(story)
    for entry in po:
        entry.msgstr = ENGLISH.get(entry.msgid, f"EN {entry.msgid}")
    translation.import_po(po)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    return story.get_translation(Locale.objects.get(language_code="en")).specific


def test_the_po_export_holds_each_cue_as_a_string_to_translate(story):
    _, po = english_po_entries(story)
    assert {cue["text"] for cue in CUES} <= {entry.msgid for entry in po}


def test_importing_the_po_file_publishes_english_captions_with_the_same_timings(translated):
    video = translated.body[1].value
    assert translated.live
    assert video.cues == [
        Cue(0.5, 2.0, "Residents send reports through Hue-S."),
        Cue(2.0, 3.5, "The government deals with them in three days."),
    ]


def test_each_language_has_its_webvtt_file(client, story, translated):
    block_id = story.body[1].id
    for page, language, first_line in (
        (story, "vi", CUES[0]["text"]),
        (translated, "en", ENGLISH[CUES[0]["text"]]),
    ):
        response = client.get(caption_file_url(page, language, block_id))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/vtt; charset=utf-8"
        assert response["Access-Control-Allow-Origin"] == "*"
        assert read_captions(response.content)[0].text == first_line


def test_no_captions_for_an_untranslated_or_unknown_video(client, story):
    block_id = story.body[1].id
    assert client.get(caption_file_url(story, "en", block_id)).status_code == 404  # only an alias
    assert client.get(caption_file_url(story, "vi", story.body[0].id)).status_code == 404  # a paragraph
    story.unpublish()
    assert client.get(caption_file_url(story, "vi", block_id)).status_code == 404


def track(story, language, label, default=False) -> str:
    url = caption_file_url(story, language, story.body[1].id)
    default_attribute = " default" if default else ""
    return f'<track kind="captions" srclang="{language}" label="{label}" src="{url}"{default_attribute}>'


def test_the_english_page_plays_english_captions_by_default_and_offers_the_vietnamese(
    client, story, translated
):
    html = client.get(translated.url).content.decode()
    assert track(story, "en", "English", default=True) in html
    assert track(story, "vi", "Tiếng Việt") in html
    assert (
        "<p>Residents send reports through Hue-S. The government deals with them in three days.</p>" in html
    )


def test_the_vietnamese_page_has_its_track_renditions_and_transcript(client, story):
    html = client.get(story.url).content.decode()
    assert html.count("<track ") == 1
    assert 'srclang="vi" label="Tiếng Việt"' in html and " default>" in html
    rendition = story.body[1].value["media"].renditions.get()
    assert f'<source src="{rendition.file.url}" type="video/mp4">' in html
    assert '<details class="video-transcript">' in html
    assert "Người dân gửi phản ánh qua Hue-S. Chính quyền xử lý trong ba ngày." in html


def test_a_linked_videos_transcript_is_shown_in_paragraphs(client, db):
    story = publish_story(body=[embedded_video(90, transcript="Đoạn một.\n\nĐoạn hai,\nvẫn đoạn hai.")])
    html = client.get(story.url).content.decode()
    assert "<p>Đoạn một.</p>" in html and "<p>Đoạn hai, vẫn đoạn hai.</p>" in html


def test_a_word_said_only_in_the_video_finds_the_story_highlighted(client, story):
    response = client.get("/search/", {"q": "ba ngay"})
    assert [result["story"].slug for result in response.context["results"]] == ["hue-s"]
    assert "<mark>ba</mark> <mark>ngày</mark>" in response.content.decode()


def test_a_story_with_a_captioned_video_stays_within_the_query_budget(client, story, translated):
    for page in (story, translated):
        client.get(page.url)
        content_version.bump()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        assert len(queries) <= 20


def test_the_translation_editor_lists_each_cue_to_translate(admin_client, story):
    english = Locale.objects.get(language_code="en")
    TranslationCreator(user=None, target_locales=[english]).create_translations(story)
    translation_page = story.get_translation(english)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(translation_page.pk,)))
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    segments = json.loads(editor["data-props"])["segments"]
    captions = [
        segment for segment in segments if segment["location"]["subField"] == "Phụ đề của video tải lên"
    ]
    assert [segment["source"] for segment in captions] == [cue["text"] for cue in CUES]
