"""Listing pages name their feeds in <head>, as feed readers discover them: the front page its
language's feed, a province page the province's, a theme page the theme's (story_pages/feed_urls.py)."""

from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.html
import pytest

from story_pages.models import Theme
from tests.factories import province, publish_story, translate_into_english

pytestmark = pytest.mark.django_db

FEED_TYPES = {"application/rss+xml": "rss20", "application/atom+xml": "atom10"}


def discover(client, path: str) -> list[tuple[str, str, str]]:
    """(type, title, absolute URL) of each feed the page links, as feedparser-style discovery
    reads them: <link rel="alternate"> of a feed type in <head>, resolved against the page."""
    response = client.get(path)
    assert response.status_code == 200, path
    head = lxml.html.fromstring(response.content).find("head")
    page_url = f"http://testserver{path}"
    return [
        (link.get("type"), link.get("title"), urljoin(page_url, link.get("href")))
        for link in head.iterfind("link")
        if "alternate" in link.get("rel", "").split() and link.get("type") in FEED_TYPES
    ]


def fetched(client, url: str):
    parts = urlsplit(url)
    assert parts.netloc == "testserver", url  # on this site
    response = client.get(parts.path)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


@pytest.fixture
def stories(db):
    bac_giang = publish_story(parent=province("24"), theme=Theme.DIGITAL_GOVERNMENT, title="Bắc Giang số hoá")
    hue = publish_story(parent=province("46"), theme=Theme.DIGITAL_SOCIETY, title="Huế-S cho mọi người")
    english, _ = translate_into_english(bac_giang, translate=lambda text: f"EN {text}")
    return {"bac_giang": bac_giang, "hue": hue, "english": english}


@pytest.mark.parametrize(
    ("path", "expected", "title"),
    [
        ("/", ["Huế-S cho mọi người", "Bắc Giang số hoá"], "T63 – câu chuyện mới nhất"),
        ("/en/", ["EN Bắc Giang số hoá"], "T63 – latest stories"),
        ("/tinh-thanh/bac-giang/", ["Bắc Giang số hoá"], "T63 – câu chuyện từ Tỉnh Bắc Ninh"),
        ("/en/provinces/bac-giang/", ["EN Bắc Giang số hoá"], "T63 – stories from Bắc Ninh Province"),
        ("/chu-de/xa-hoi-so/", ["Huế-S cho mọi người"], "T63 – câu chuyện Xã hội số"),
        ("/en/themes/digital-government/", ["EN Bắc Giang số hoá"], "T63 – Digital government stories"),
    ],
)
def test_a_listing_page_links_its_feeds_in_rss_and_atom(client, stories, path, expected, title):
    links = discover(client, path)
    assert sorted(kind for kind, _, _ in links) == sorted(FEED_TYPES)
    for kind, link_title, url in links:
        feed = fetched(client, url)
        assert feed.version == FEED_TYPES[kind]
        assert [entry.title for entry in feed.entries] == expected
        # The link's title is the feed's own, translated, with the format named.
        assert feed.feed.title == title
        assert link_title == f"{title} ({'RSS' if kind == 'application/rss+xml' else 'Atom'})"


def test_a_province_feed_link_is_its_own_code_s(client, stories):
    [rss] = [url for kind, _, url in discover(client, "/tinh-thanh/thua-thien-hue/") if "rss" in kind]
    assert urlsplit(rss).path == "/feeds/vi/province/46/rss/"
