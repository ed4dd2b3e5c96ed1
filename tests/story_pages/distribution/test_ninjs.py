"""ninjs 3.x and 1.x of a story validate against IPTC's published schemas (tests/data/ninjs)."""

import json
from pathlib import Path

import jsonschema
import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import (
    StoryPageFactory,
    embedded_video,
    make_video_media,
    paragraph,
    province,
    uploaded_video,
)

SCHEMAS = Path(__file__).resolve().parents[2] / "data" / "ninjs"


def validator(version: str):
    schema = json.loads((SCHEMAS / f"ninjs-schema_{version}.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


@pytest.fixture
def video_story(db):
    image = Image.objects.create(title="Hue-S", file=get_test_image_file(size=(1600, 900)))
    story = StoryPageFactory(
        parent=province("46"),
        body=[paragraph("Người dân phản ánh qua <b>Hue-S</b>."), uploaded_video(make_video_media(5))],
        hero_image=image,
        hero_image_alt="Màn hình ứng dụng Hue-S",
    )
    story.save_revision().publish()
    return story


@pytest.fixture
def text_story(db):
    story = StoryPageFactory(parent=province("20"), body=[paragraph("Tổ công nghệ số cộng đồng.")])
    story.save_revision().publish()
    return story


@pytest.mark.parametrize(("query", "version"), [("", "3.1"), ("?version=1", "1.6")])
def test_both_shapes_validate_for_text_and_video_stories(client, video_story, text_story, query, version):
    for story in (video_story, text_story):
        document = client.get(f"/api/v2/stories/{story.pk}/ninjs/{query}").json()
        errors = [error.message for error in validator(version).iter_errors(document)]
        assert errors == []


def test_ninjs3_carries_the_video_as_an_association_with_its_duration(client, video_story):
    document = client.get(f"/api/v2/stories/{video_story.pk}/ninjs/").json()
    assert document["headlines"] == [{"value": video_story.title}]
    assert document["type"] == "text"  # a story with text: its video and picture are associations
    video = next(a for a in document["associations"] if a["type"] == "video")
    assert video["renditions"][0]["contentType"] == "video/mp4"
    assert video["renditions"][0]["duration"] == pytest.approx(5, abs=0.1)
    picture = next(a for a in document["associations"] if a["type"] == "picture")
    assert [r["name"] for r in picture["renditions"]] == ["original", "thumbnail", "viewImage", "baseImage"]
    assert document["rightsInfo"] == {"linkedRights": "https://creativecommons.org/licenses/by/4.0/"}


def test_ninjs1_is_the_shape_superdesk_ingests(client, video_story):
    document = client.get(f"/api/v2/stories/{video_story.pk}/ninjs/?version=1").json()
    assert document["headline"] == video_story.title
    assert "<b>Hue-S</b>" in document["body_html"]
    assert document["versioncreated"]
    assert document["associations"]["mainvideo"]["renditions"]["original"]["duration"] == pytest.approx(
        5, abs=0.1
    )
    assert document["associations"]["featuremedia"]["renditions"]["baseImage"]["width"] == 1400


def test_an_embedded_video_story_validates_too(client, db):
    story = StoryPageFactory(parent=province("79"), body=[embedded_video(300)])
    story.save_revision().publish()
    for query, version in (("", "3.1"), ("?version=1", "1.6")):
        document = client.get(f"/api/v2/stories/{story.pk}/ninjs/{query}").json()
        assert [e.message for e in validator(version).iter_errors(document)] == []


def test_unknown_version_or_story(client, text_story, db):
    assert client.get(f"/api/v2/stories/{text_story.pk}/ninjs/?version=2").status_code == 400
    assert client.get("/api/v2/stories/999999/ninjs/").status_code == 404
