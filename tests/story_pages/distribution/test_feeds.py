"""Feeds for newsrooms: RSS 2.0 and Atom per language, for all stories, a province or a theme."""

import html

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from story_pages.distribution.identifiers import story_guid
from story_pages.models import StoryPage, Theme
from tests.factories import (
    StoryPageFactory,
    embedded_video,
    make_video_media,
    paragraph,
    province,
    translate_into_english,
    uploaded_video,
)

pytestmark = pytest.mark.django_db

CREDIT = "Sở TT&TT tỉnh Bắc Giang"
SUMMARY = "Bắc Giang đưa 100% thủ tục lên mạng; người dân <không> phải đi lại & chờ đợi."


def published(**kwargs) -> StoryPage:
    story = StoryPageFactory(**kwargs)
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def hero_image() -> Image:
    return Image.objects.create(title="Hero", file=get_test_image_file(size=(1600, 900)))


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def titles(client, url) -> list[str]:
    return [entry.title for entry in fetch(client, url).entries]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("scope", ["", "province/24/", "province/79/", "province/74/", "theme/xa-hoi-so/"])
@pytest.mark.parametrize("kind,version", [("rss", "rss20"), ("atom", "atom10")])
def test_every_feed_is_well_formed(client, lang, scope, kind, version):
    story = published(parent=province("74"), theme=Theme.DIGITAL_SOCIETY, body=[embedded_video(300)])
    translate_into_english(story)
    feed = fetch(client, f"/feeds/{lang}/{scope}{kind}/")
    assert feed.version == version
    assert feed.namespaces["media"] == "http://search.yahoo.com/mrss/"
    assert feed.feed.language == lang
    expected = story.title if lang == "vi" else f"EN {story.title}"
    assert [entry.title for entry in feed.entries] == ([] if scope == "province/24/" else [expected])


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_an_item_carries_what_a_newsroom_needs(client, kind):
    older = published(title="Cũ hơn")
    story = published(title="Một cửa số", summary=SUMMARY, credit_line=CREDIT)
    feed = fetch(client, f"/feeds/vi/{kind}/")
    assert [entry.title for entry in feed.entries] == ["Một cửa số", older.title]  # newest first
    entry = feed.entries[0]
    assert entry.link == story.full_url  # the canonical URL of the Wagtail site
    assert entry.id == story_guid(story)
    # Plain text travels as HTML, escaped, so "<" and "&" reach the reader as written.
    assert entry.summary_detail.type == "text/html"
    assert html.unescape(entry.summary) == SUMMARY
    assert entry.author == CREDIT
    assert [tag.term for tag in entry.tags] == ["Chính quyền số", "Bắc Giang"]
    assert entry.published_parsed is not None
    assert entry.media_credit == [{"role": "author", "content": CREDIT}]
    assert entry.media_license == {
        "type": "text/html",
        "href": "https://creativecommons.org/licenses/by/4.0/",
        "content": "CC-BY-4.0",
    }
    if kind == "rss":
        assert entry.guidislink is False
    else:
        assert entry.updated_parsed is not None
        assert entry.rights == "CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/)"


def test_english_items_are_labelled_in_english(client):
    story = published(theme=Theme.DIGITAL_ECONOMY)
    english, _ = translate_into_english(story)
    entry = fetch(client, "/feeds/en/rss/").entries[0]
    assert entry.link == english.full_url
    assert "/en/" in entry.link
    assert entry.id == story_guid(english)
    assert [tag.term for tag in entry.tags] == ["Digital economy", province("24", "en").title]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_an_uploaded_video_comes_with_media_rss(client, kind):
    media = make_video_media(5)
    story = published(body=[uploaded_video(media), paragraph("Video.")], hero_image=hero_image())
    entry = fetch(client, f"/feeds/vi/{kind}/").entries[0]
    # A media:group of the same video: its web rendition (a 16 × 16 source has the 360p one alone)
    # played first, and the broadcasters' master.
    [web] = media.renditions.all()
    video_url = f"http://testserver{web.file.url}"
    content, master = entry.media_content
    assert content["url"] == video_url
    assert content["type"] == "video/mp4"
    assert content["medium"] == "video"
    assert content["duration"] == "5"
    assert content["isdefault"] == "true" and content["filesize"] == str(web.size)
    assert master["url"] == f"http://testserver{media.file.url}" and master["isdefault"] == "false"
    assert master["filesize"] == str(media.file.size) and master["duration"] == "5"
    [thumbnail] = entry.media_thumbnail
    rendition = story.hero_image.get_rendition("fill-1200x630")
    assert thumbnail == {"url": f"http://testserver{rendition.url}", "width": "1200", "height": "630"}
    assert entry.media_credit == [{"role": "author", "content": story.credit_line}]
    [enclosure] = entry.enclosures
    assert enclosure.href == video_url
    assert enclosure.type == "video/mp4"
    assert enclosure.length == str(web.size)


def test_an_embedded_video_points_at_its_player(client):
    url = "https://www.youtube.com/watch?v=t63feeds"
    published(body=[paragraph("Xem video."), embedded_video(272, url), embedded_video(60)])
    entry = fetch(client, "/feeds/vi/rss/").entries[0]
    assert entry.media_content == [{"url": url, "medium": "video", "duration": "272"}]  # the first video
    assert "media_thumbnail" not in entry  # no hero image
    assert entry.enclosures == []


def test_only_public_published_originals_are_listed(client):
    public = published(title="Công khai")
    StoryPageFactory(title="Bản nháp")
    withdrawn = published(title="Đã gỡ")
    withdrawn.unpublish()
    restricted = published(title="Có mật khẩu")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="t63")
    for kind in ("rss", "atom"):
        assert titles(client, f"/feeds/vi/{kind}/") == ["Công khai"]
        # Every story has a live English alias of its Vietnamese text: not English news.
        assert titles(client, f"/feeds/en/{kind}/") == []

    translate_into_english(public)
    assert titles(client, "/feeds/en/rss/") == ["EN Công khai"]
    assert titles(client, "/feeds/en/province/24/atom/") == ["EN Công khai"]
    assert titles(client, "/feeds/vi/rss/") == ["Công khai"]


def test_a_current_unit_includes_the_provinces_merged_into_it(client):
    published(parent=province("74"), title="Bình Dương")
    published(parent=province("79"), title="Thành phố Hồ Chí Minh")
    assert titles(client, "/feeds/vi/province/79/rss/") == ["Thành phố Hồ Chí Minh", "Bình Dương"]
    assert titles(client, "/feeds/vi/province/74/rss/") == ["Bình Dương"]  # a merged province: its own
    assert titles(client, "/feeds/vi/province/24/rss/") == []
    feed = fetch(client, "/feeds/vi/province/79/atom/")
    assert feed.feed.link == province("79").full_url


def test_a_theme_feed_lists_that_theme_only(client):
    published(title="Kinh tế", theme=Theme.DIGITAL_ECONOMY)
    published(title="Chính quyền", theme=Theme.DIGITAL_GOVERNMENT)
    feed = fetch(client, "/feeds/en/theme/kinh-te-so/rss/")
    assert feed.feed.title == "T63 – Digital economy stories"
    assert titles(client, "/feeds/vi/theme/kinh-te-so/atom/") == ["Kinh tế"]


def test_feed_titles_name_what_they_hold(client):
    assert fetch(client, "/feeds/en/rss/").feed.title == "T63 – latest stories"
    english_hcmc = province("79", "en").title
    feed = fetch(client, "/feeds/en/province/79/atom/")
    assert feed.feed.title == f"T63 – stories from {english_hcmc}"
    assert "merged into it" in feed.feed.subtitle


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/fr/rss/",
        "/feeds/xx/atom/",
        "/feeds/vi/province/99/rss/",
        "/feeds/en/province/7/atom/",
        "/feeds/vi/theme/chinh-quyen/rss/",
        "/feeds/en/theme/Kinh-te-so/atom/",
    ],
)
def test_unknown_languages_provinces_and_themes_are_not_found(client, url):
    assert client.get(url).status_code == 404


def test_a_feed_holds_the_latest_thirty(client, monkeypatch):
    monkeypatch.setattr("story_pages.distribution.feeds.views.FEED_LENGTH", 2)
    for title in ("Một", "Hai", "Ba"):
        published(title=title)
    assert titles(client, "/feeds/vi/rss/") == ["Ba", "Hai"]


def test_the_number_of_queries_does_not_grow_with_the_feed(client):
    image, media = hero_image(), make_video_media(2)
    bodies = [[uploaded_video(media)], [embedded_video(90)], [paragraph("Chữ.")]]

    def add_stories(count, start):
        for number in range(start, start + count):
            parent = province(("24", "74", "79")[number % 3])
            published(parent=parent, hero_image=image, body=bodies[number % 3])

    def queries_for_feed(url):
        client.get(url)  # the first request makes the hero image's rendition
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add_stories(3, 0)
    small = {url: queries_for_feed(url) for url in ("/feeds/vi/rss/", "/feeds/vi/province/79/atom/")}
    add_stories(17, 3)
    assert len(fetch(client, "/feeds/vi/rss/").entries) == 20
    large = {url: queries_for_feed(url) for url in small}
    assert large == small
