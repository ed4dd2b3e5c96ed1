"""oEmbed: a newspaper CMS pastes a story URL and gets a card or the video."""

import re
from html import unescape

from wagtail.models import Locale

from tests.factories import StoryPageFactory, make_video_media, paragraph, province, uploaded_video


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
