"""oEmbed: a newspaper CMS pastes a story URL and gets a card or the video."""

import re
from html import unescape

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from tests.factories import (
    StoryPageFactory,
    embedded_video,
    make_video_media,
    paragraph,
    province,
    uploaded_video,
)


def discovered_endpoint(client, story) -> str:
    html = client.get(story.url).content.decode()
    href = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html).group(1)
    return unescape(href).removeprefix("http://testserver")


def test_a_text_story_is_a_rich_card(client, db):
    story = StoryPageFactory(
        parent=province("20"), title="Tổ công nghệ số", body=[paragraph("Ở mọi thôn bản.")]
    )
    story.save_revision().publish()
    data = client.get(discovered_endpoint(client, story)).json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["title"] == "Tổ công nghệ số" and data["provider_name"] == "T63"
    src = re.search(r'<iframe src="([^"]+)"', data["html"]).group(1)
    embed = client.get(src.removeprefix("http://testserver"))
    assert embed.status_code == 200 and "X-Frame-Options" not in embed.headers
    assert "Tổ công nghệ số" in embed.content.decode()


def test_a_video_story_is_a_video(client, db):
    story = StoryPageFactory(parent=province("46"), body=[uploaded_video(make_video_media(5))])
    story.save_revision().publish()
    data = client.get("/oembed/", {"url": story.full_url, "maxwidth": "320"}).json()
    assert data["type"] == "video" and data["width"] == 320
    src = re.search(r'<iframe src="([^"]+)"', data["html"]).group(1)
    assert "<video controls" in client.get(src.removeprefix("http://testserver")).content.decode()


def test_english_story_urls_work_and_unpublished_or_alias_urls_do_not(client, db):
    story = StoryPageFactory(parent=province("24"), body=[paragraph("Bắc Giang")])
    story.save_revision().publish()
    alias = story.get_translation(Locale.objects.get(language_code="en"))
    assert client.get("/oembed/", {"url": alias.full_url}).status_code == 404  # not English content
    draft = StoryPageFactory(parent=province("24"), body=[paragraph("Nháp")])
    assert client.get("/oembed/", {"url": draft.full_url}).status_code == 404
    assert client.get("/oembed/", {"url": "https://example.com/"}).status_code == 404
    assert client.get("/oembed/", {"url": story.full_url, "format": "xml"}).status_code == 501


def _without_poster(media):
    media.thumbnail = None  # as a video uploaded before posters were taken
    media.save()
    return media


@pytest.mark.parametrize(
    ("body", "story_format"),
    [
        (lambda: [paragraph("Ở mọi thôn bản.")], "text"),
        (lambda: [uploaded_video(make_video_media(3))], "video"),
        (lambda: [uploaded_video(_without_poster(make_video_media(3)))], "video"),
        (lambda: [embedded_video(300)], "video"),
        (lambda: [paragraph("Ở mọi thôn bản."), uploaded_video(make_video_media(3))], "both"),
        (lambda: [paragraph("Ở mọi thôn bản."), embedded_video(300)], "both"),
    ],
    ids=[
        "text",
        "uploaded video",
        "uploaded video without a poster",
        "youtube",
        "text and video",
        "text and youtube",
    ],
)
@pytest.mark.parametrize("with_image", [True, False], ids=["with image", "without image"])
def test_every_story_formats_oembed_answer_points_at_a_card_that_renders(
    client, db, body, story_format, with_image
):
    image = (
        Image.objects.create(title="Ảnh", file=get_test_image_file(size=(1600, 900))) if with_image else None
    )
    story = StoryPageFactory(parent=province("46"), title="Huế số", hero_image=image, body=body())
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.story_format == story_format
    data = client.get("/oembed/", {"url": story.full_url}).json()
    src = unescape(re.search(r'<iframe src="([^"]+)"', data["html"]).group(1))
    card = client.get(src.removeprefix("http://testserver"))
    assert card.status_code == 200
    html = card.content.decode()
    assert "Huế số" in html
    if data["type"] == "video" and "<video" in html:
        media = story.body[-1].value["media"]
        poster = re.search(r'<video[^>]* poster="([^"]+)"', html)
        if media.thumbnail:
            assert poster and poster.group(1) == media.thumbnail.url
        elif with_image:
            assert poster and poster.group(1) == image.get_rendition("fill-1200x630").url
        assert f'src="{media.url}"' in html
