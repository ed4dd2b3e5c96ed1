"""Superdesk ingests T63's ninjs (issue 17, part 1): Superdesk's own ninjs parser, release 2.5.3
and master (tests/data/superdesk), run on the ninjs 1.x of every demo story, in both languages,
keeps its headline, body, language, dates, pictures and video. ninjs 3 says the same and stays
valid against IPTC's schema."""

import asyncio
import importlib.util
import inspect
import json
import sys
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, make_video_media, paragraph, province, uploaded_video
from tests.story_pages.distribution.test_ninjs import SCHEMAS, validator

pytestmark = pytest.mark.django_db

SUPERDESK = SCHEMAS.parent / "superdesk"
PARSER_FILES = {"2.5.3": "ninjs_2_5_3.py", "master": "ninjs_master.py"}
PICTURE_SIZES = {"original", "thumbnail", "viewImage", "baseImage"}


# Superdesk's parser, with the stand-ins for what it imports -----------------------------------


def _superdesk_modules() -> dict:
    return {name: module for name, module in sys.modules.items() if name.split(".")[0] == "superdesk"}


@contextmanager
def _stand_ins():
    """The stand-in ``superdesk`` package importable, fresh (so each parser registers in its own
    registry, as in its own Superdesk), and gone afterwards."""
    saved = _superdesk_modules()
    for name in saved:
        del sys.modules[name]
    sys.path.insert(0, str(SUPERDESK / "stand_ins"))
    try:
        yield
    finally:
        sys.path.remove(str(SUPERDESK / "stand_ins"))
        for name in _superdesk_modules():
            del sys.modules[name]
        sys.modules.update(saved)


def load_parser(version: str):
    """The parser instance the file registers, as Superdesk's ingest finds it by name."""
    with _stand_ins():
        spec = importlib.util.spec_from_file_location(
            "superdesk.io.feed_parsers.ninjs", SUPERDESK / PARSER_FILES[version]
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return sys.modules["superdesk.io.registry"].registered_feed_parsers["ninjs"]


@pytest.fixture(scope="module")
def parsers() -> dict:
    return {version: load_parser(version) for version in PARSER_FILES}


def ingest(parser, document: bytes, folder) -> list[dict]:
    """What Superdesk's file ingest does with a ninjs file: asks the parser whether it can parse
    it, then parses it (master's parse is a coroutine). An item per association, as the parser
    makes them, then the main item."""
    path = folder / "item.json"
    path.write_bytes(document)
    assert parser.can_parse(str(path))
    items = parser.parse(str(path))
    if inspect.iscoroutine(items):
        items = asyncio.run(items)
    return items


def ninjs(client, story, version: str = "1") -> bytes:
    query = "?version=1" if version == "1" else ""
    response = client.get(f"/api/v2/stories/{story.pk}/ninjs/{query}")
    assert response.status_code == 200
    return response.content


def whole_seconds(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)


def utc_seconds(moment: datetime) -> str:
    return whole_seconds(moment).isoformat().replace("+00:00", "Z")


def schema_errors(document: bytes, version: str) -> list[str]:
    return [error.message for error in validator(version).iter_errors(json.loads(document))]


# Every demo story -----------------------------------------------------------------------------


def test_superdesk_ingests_every_demo_story_in_both_languages(
    client, parsers, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the video's renditions, the translations
        call_command("load_demo", verbosity=0)
    stories = list(StoryPage.objects.published().select_related("locale").order_by("pk"))
    assert {story.locale.language_code for story in stories} == {"vi", "en"}
    with_video = 0
    for story in stories:
        document, document3 = ninjs(client, story), ninjs(client, story, "3")
        assert schema_errors(document, "1.6") == []
        assert schema_errors(document3, "3.1") == []
        sent, sent3 = json.loads(document), json.loads(document3)
        assert sent3["type"] == sent["type"] == "text"
        assert sent3["versionCreated"] == sent["versioncreated"] == utc_seconds(story.last_published_at)
        for version, parser in parsers.items():
            *associated, item = ingest(parser, document, tmp_path)
            where = f"{story.slug} ({story.locale.language_code}), Superdesk {version}"
            assert item["headline"] == story.title, where
            assert item["body_html"] and "<p>" in item["body_html"], where
            assert item["body_text"].startswith(sent["body_text"][:40]), where
            assert item["language"] == story.locale.language_code, where
            assert item["type"] == "text", where
            assert item["abstract"] == story.summary, where  # Superdesk sets it on text items only
            assert item["versioncreated"] == whole_seconds(story.last_published_at), where
            assert item["firstcreated"] == whole_seconds(story.first_published_at), where
            assert item["byline"] == story.credit_line, where
            assert item["dateline"]["located"]["city"], where
            # Every demo story has a hero picture: the story's feature media, with renditions.
            assert set(item["associations"]["featuremedia"]["renditions"]) == PICTURE_SIZES, where
            picture = next(a for a in associated if a["type"] == "picture")
            original = sent["associations"]["featuremedia"]["renditions"]["original"]["href"]
            if version == "2.5.3":
                assert picture["renditions"] == {"baseImage": {"href": original}}, where
            else:
                assert set(picture["renditions"]) == PICTURE_SIZES, where
                assert picture["renditions"]["baseImage"]["mimetype"].startswith("image/"), where
                assert picture["alt_text"], where
            if "mainvideo" in sent["associations"]:
                video = next(a for a in associated if a["type"] == "video")
                master = sent["associations"]["mainvideo"]["renditions"]["original"]
                assert master["mimetype"] == "video/mp4"
                if version == "2.5.3":
                    assert video["renditions"] == {"baseImage": {"href": master["href"]}}, where
                else:
                    assert video["renditions"]["original"]["href"] == master["href"], where
                    assert video["renditions"]["360p"]["mimetype"] == "video/mp4", where
                    assert video["renditions"]["baseImage"]["mimetype"].startswith("image/"), where
                    assert f"captions_{story.locale.language_code}" in video["renditions"], where
                assert video["body_text"], where  # the transcript
                with_video += 1
    assert with_video == 2 * len(parsers)  # Hue-S, in Vietnamese and in English


# Times ----------------------------------------------------------------------------------------


def test_a_publish_time_with_microseconds_comes_out_in_whole_seconds_utc(client, parsers, tmp_path):
    story = StoryPageFactory(parent=province("24"))
    story.save_revision().publish()
    moment = datetime.fromisoformat("2026-12-02T02:16:21.275035+07:00")
    StoryPage.objects.filter(pk=story.pk).update(first_published_at=moment, last_published_at=moment)
    ninjs3 = json.loads(ninjs(client, story, "3"))
    assert ninjs3["versionCreated"] == ninjs3["firstCreated"] == "2026-12-01T19:16:21Z"
    document = ninjs(client, story)
    assert json.loads(document)["versioncreated"] == "2026-12-01T19:16:21Z"
    for parser in parsers.values():
        [item] = ingest(parser, document, tmp_path)
        assert item["versioncreated"] == item["firstcreated"] == datetime(2026, 12, 1, 19, 16, 21, tzinfo=UTC)
        with pytest.raises(ValueError):  # what T63 sent before: every story was refused
            parser.datetime("2026-12-01T19:16:21.275035+00:00")


# A video story, pictures in the body, authors ---------------------------------------------------


@pytest.fixture
def hero():
    return Image.objects.create(title="Hue-S", file=get_test_image_file(size=(1600, 900)))


def test_a_video_story_is_a_video_item_with_the_video_files(client, parsers, tmp_path, hero):
    media = make_video_media(5)
    story = StoryPageFactory(parent=province("46"), body=[uploaded_video(media)], hero_image=hero)
    story.save_revision().publish()
    document = ninjs(client, story)
    assert schema_errors(document, "1.6") == []
    ninjs3 = ninjs(client, story, "3")
    assert schema_errors(ninjs3, "3.1") == []
    assert json.loads(ninjs3)["type"] == "video"
    master = f"http://testserver{media.file.url}"
    for version, parser in parsers.items():
        *associated, item = ingest(parser, document, tmp_path)
        assert item["type"] == "video"
        assert {a["type"] for a in associated} == {"picture", "video"}
        if version == "2.5.3":
            assert item["renditions"] == {"baseImage": {"href": master}}
        else:
            assert item["renditions"]["original"] == {
                "href": master,
                "width": 16,
                "height": 16,
                "mimetype": "video/mp4",
            }
            assert item["renditions"]["baseImage"]["width"] == 1400  # the poster


def test_a_picture_in_the_body_carries_its_caption_credit_and_the_story_licence(
    client, parsers, tmp_path, hero
):
    photo = Image.objects.create(title="Một cửa", file=get_test_image_file(size=(1000, 800)))
    image_block = {
        "image": photo,
        "alt_text": "Quầy một cửa",
        "caption": "Người dân nộp hồ sơ",
        "credit": "Ảnh: Báo Bắc Giang",
    }
    story = StoryPageFactory(
        parent=province("24"), body=[paragraph("Một cửa điện tử."), ("image", image_block)], hero_image=hero
    )
    story.save_revision().publish()
    document = ninjs(client, story)
    assert schema_errors(document, "1.6") == []
    sent = json.loads(document)["associations"]["picture1"]
    assert sent["byline"] == "Ảnh: Báo Bắc Giang"
    assert sent["description_text"] == "Người dân nộp hồ sơ"
    assert sent["body_text"] == "Quầy một cửa"
    assert sent["usageterms"].startswith("CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/)")
    assert sent["rightsinfo"] == {"linkedrights": "https://creativecommons.org/licenses/by/4.0/"}
    assert sent["renditions"]["viewImage"]["width"] == 640
    assert sent["renditions"]["thumbnail"]["height"] <= 120
    assert sent["renditions"]["original"]["width"] == 1000
    hero_sent = json.loads(document)["associations"]["featuremedia"]
    assert hero_sent["byline"] == story.credit_line  # no credit of its own: the story's

    ninjs3 = ninjs(client, story, "3")
    assert schema_errors(ninjs3, "3.1") == []
    picture = next(a for a in json.loads(ninjs3)["associations"] if a["name"] == "picture1")
    assert picture["by"] == "Ảnh: Báo Bắc Giang"
    assert {"role": "caption", "contentType": "text/plain", "value": "Người dân nộp hồ sơ"} in picture[
        "descriptions"
    ]

    for parser in parsers.values():
        *associated, item = ingest(parser, document, tmp_path)
        assert item["type"] == "text"
        credited = next(a for a in associated if a.get("byline") == "Ảnh: Báo Bắc Giang")
        assert credited["usageterms"] == sent["usageterms"]
        assert credited["description_text"] == "Người dân nộp hồ sơ"
        assert credited["alt_text"] == "Quầy một cửa"
        assert "baseImage" in credited["renditions"]


def test_the_author_is_named_in_both_versions(client):
    story = StoryPageFactory(parent=province("24"))
    story.save_revision().publish()
    ninjs3 = json.loads(ninjs(client, story, "3"))
    assert ninjs3["by"] == story.credit_line
    assert ninjs3["infoSources"] == [{"name": story.credit_line, "role": "author"}]
    ninjs1 = json.loads(ninjs(client, story))
    assert ninjs1["byline"] == story.credit_line
    assert ninjs1["infosource"] == [{"name": story.credit_line, "rel": "author"}]


def test_the_1x_plain_text_body_keeps_paragraphs_and_decodes_entities(client, parsers, tmp_path):
    body = [("paragraph", RichText("<p>Người dân nói 2 &lt; 3 &amp; &quot;nhanh&quot;.</p><p>Dòng hai</p>"))]
    story = StoryPageFactory(parent=province("24"), body=body)
    story.save_revision().publish()
    document = ninjs(client, story)
    assert json.loads(document)["body_text"] == 'Người dân nói 2 < 3 & "nhanh".\n\nDòng hai'
    for parser in parsers.values():
        [item] = ingest(parser, document, tmp_path)
        assert item["body_text"] == 'Người dân nói 2 < 3 & "nhanh".\n\nDòng hai'


def test_pictures_cost_a_fixed_number_of_queries(client, hero):
    photos = [
        Image.objects.create(title=f"Ảnh {n}", file=get_test_image_file(size=(500, 400))) for n in range(3)
    ]

    def image(photo):
        return ("image", {"image": photo, "alt_text": "", "caption": "", "credit": "Ảnh: Sở TT&TT"})

    one = StoryPageFactory(
        parent=province("24"), body=[paragraph("Một ảnh."), image(photos[0])], hero_image=hero
    )
    three = StoryPageFactory(
        parent=province("20"), body=[paragraph("Ba ảnh."), *map(image, photos)], hero_image=hero
    )
    for story in (one, three):
        story.save_revision().publish()
        ninjs(client, story)  # the renditions are made on the first request

    def queries(story) -> int:
        with CaptureQueriesContext(connection) as captured:
            ninjs(client, story, "3")
        return len(captured)

    caches["responses"].clear()
    assert queries(three) == queries(one)
