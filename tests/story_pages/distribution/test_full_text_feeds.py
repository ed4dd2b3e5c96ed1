"""Feeds carry the whole story (RSS content:encoded, Atom content), with absolute URLs; a
correction keeps its guid and moves its date, so aggregators take it again."""

import re
from calendar import timegm
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from story_pages.distribution.identifiers import story_guid
from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, embedded_video, paragraph, province
from tests.story_pages.distribution.test_feeds import fetch

pytestmark = pytest.mark.django_db

CONTENT, ATOM = "http://purl.org/rss/1.0/modules/content/", "http://www.w3.org/2005/Atom"
BODY_TEXT = "Người dân nộp hồ sơ trực tuyến & nhận kết quả tại nhà, không phải đi lại."


def published(**kwargs) -> StoryPage:
    story = StoryPageFactory(**kwargs)
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def back_date(story, days: int) -> StoryPage:
    """As if the story had been published ``days`` ago (whole seconds: feed dates have no fraction)."""
    moment = (timezone.now() - timedelta(days=days)).replace(microsecond=0)
    StoryPage.objects.filter(pk=story.pk).update(first_published_at=moment, last_published_at=moment)
    return StoryPage.objects.get(pk=story.pk)


def correct(story) -> StoryPage:
    story = StoryPage.objects.get(pk=story.pk)
    story.title += " (đính chính)"
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def raw_contents(client, url) -> list[str]:
    root = ElementTree.fromstring(client.get(url).content)
    names = (f"{{{CONTENT}}}encoded", f"{{{ATOM}}}content")
    return [element.text for element in root.iter() if element.tag in names]


def moment(parsed) -> datetime:
    return datetime.fromtimestamp(timegm(parsed), UTC)


def image_block(image) -> tuple:
    value = {"image": image, "alt_text": "Một cửa", "caption": "Bộ phận một cửa", "credit": "Ảnh: Sở"}
    return ("image", value)


@pytest.fixture
def full_story(db):
    image = Image.objects.create(title="Một cửa", file=get_test_image_file(size=(1600, 900)))
    link = f'<a linktype="page" id="{province("79").pk}">Thành phố Hồ Chí Minh</a>'
    return published(
        title="Một cửa số",
        body=[
            paragraph(BODY_TEXT.replace("&", "&amp;")),
            ("heading", "Kết quả"),
            ("paragraph", RichText(f"<p>Học theo {link}.</p>")),
            image_block(image),
            embedded_video(120),
        ],
    )


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_an_item_carries_the_whole_body_with_absolute_urls(client, full_story, kind):
    entry = fetch(client, f"/feeds/vi/{kind}/").entries[0]
    [content] = entry.content
    assert content.type == "text/html"
    body = content.value
    assert f"<p>{BODY_TEXT.replace('&', '&amp;')}</p>" in body  # HTML, its text escaped once
    assert "<h2>Kết quả</h2>" in body
    assert f'<a href="{province("79").full_url}">Thành phố Hồ Chí Minh</a>' in body
    assert "linktype" not in body and "<embed" not in body
    assert '<img alt="Một cửa"' in body and "Bộ phận một cửa" in body
    assert "https://www.youtube.com/watch?v=t63demo" in body
    urls = re.findall(r'\s(?:href|src|poster)="([^"]*)"', body)
    assert len(urls) >= 3 and all(url.startswith(("http://", "https://")) for url in urls), urls
    # The summary stays the description (Superdesk's abstract); the body is the story.
    assert entry.summary == full_story.summary
    # Exactly the HTML the API gives (feedparser cleans what it hands over: read the XML itself).
    api = client.get(f"/api/v2/stories/{full_story.pk}/").json()
    assert raw_contents(client, f"/feeds/vi/{kind}/") == [api["body_html"]]


def test_rss_declares_the_content_module(client, full_story):
    xml = client.get("/feeds/vi/rss/").content.decode()
    assert 'xmlns:content="http://purl.org/rss/1.0/modules/content/"' in xml
    assert "<content:encoded>&lt;p&gt;" in xml
    assert "<atom:updated>" in xml


def test_a_root_relative_url_in_a_body_is_made_absolute(client):
    html = '<p><a href="/tinh-thanh/">Tỉnh</a> <a href="//x.vn/">x</a></p>'
    published(body=[("paragraph", RichText(html))])
    body = fetch(client, "/feeds/vi/rss/").entries[0].content[0].value
    assert '<a href="http://testserver/tinh-thanh/">' in body
    assert '<a href="//x.vn/">' in body  # another host's, left as it is


def test_a_correction_keeps_its_guid_and_moves_its_date(client):
    story = back_date(published(title="Bản gốc"), days=3)
    newer = back_date(published(title="Mới hơn"), days=1)
    rss, atom = fetch(client, "/feeds/vi/rss/"), fetch(client, "/feeds/vi/atom/")
    assert [entry.title for entry in rss.entries] == ["Mới hơn", "Bản gốc"]
    before_rss, before_atom = rss.entries[1], atom.entries[1]
    first_published = story.first_published_at
    assert moment(before_rss.published_parsed) == first_published
    assert moment(before_rss.updated_parsed) == first_published
    # Feed dates are whole seconds: a poll a second ago (Superdesk keeps its last poll's time).
    last_poll = (timezone.now() - timedelta(seconds=1)).replace(microsecond=0)

    corrected = correct(story)
    assert corrected.last_published_at > last_poll
    rss, atom = fetch(client, "/feeds/vi/rss/"), fetch(client, "/feeds/vi/atom/")
    # Back at the top, under the same guid, with its new date: RSS pubDate and atom:updated.
    assert [entry.title for entry in rss.entries] == ["Bản gốc (đính chính)", "Mới hơn"]
    after_rss, after_atom = rss.entries[0], atom.entries[0]
    assert after_rss.id == before_rss.id == story_guid(story)
    assert after_rss.guidislink is False
    last_published = corrected.last_published_at.replace(microsecond=0)
    assert moment(after_rss.published_parsed) == last_published
    assert moment(after_rss.updated_parsed) == last_published
    # Atom: the same id, published unchanged, updated moved.
    assert after_atom.id == before_atom.id == story_guid(story)
    assert moment(after_atom.published_parsed) == first_published
    assert moment(after_atom.updated_parsed) == last_published
    assert moment(before_atom.updated_parsed) == first_published
    # What Superdesk's RSS ingest does: take each entry updated after its last poll.
    taken = [entry.id for entry in rss.entries if moment(entry.updated_parsed) > last_poll]
    assert taken == [story_guid(story)]
    assert newer.pk != story.pk


def test_the_number_of_queries_does_not_grow_with_full_bodies(client):
    image = Image.objects.create(title="Ảnh", file=get_test_image_file(size=(1600, 900)))
    link = f'<a linktype="page" id="{province("24").pk}">Bắc Giang</a>'

    def add_stories(count):
        for number in range(count):
            parent = province(("24", "74", "79")[number % 3])
            body = [
                ("paragraph", RichText(f"<p>Số {number}, {link}.</p>")),
                image_block(image),
                embedded_video(30 + number),
            ]
            published(parent=parent, hero_image=image, body=body)

    def queries_for(url):
        client.get(url)  # the first request makes the images' renditions
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    urls = ("/feeds/vi/rss/", "/feeds/vi/atom/", "/feeds/vi/province/79/rss/")
    add_stories(3)
    small = {url: queries_for(url) for url in urls}
    add_stories(17)
    entries = fetch(client, "/feeds/vi/rss/").entries
    assert len(entries) == 20 and all("<figure><img" in entry.content[0].value for entry in entries)
    assert {url: queries_for(url) for url in urls} == small
