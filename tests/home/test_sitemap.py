"""sitemap.xml with its hreflang alternates, and robots.txt, as crawlers read them."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from tests.factories import StoryPageFactory, province, translate_into_english

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def path(url: str) -> str:
    return urlsplit(url).path


def sitemap_entries(client) -> dict[str, dict[str, str]]:
    """path -> {hreflang: alternate's path}"""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        path(url.findtext("s:loc", namespaces=NS)): {
            link.get("hreflang"): path(link.get("href")) for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


@pytest.mark.django_db
def test_a_translated_story_lists_both_languages_and_the_default(client):
    story = StoryPageFactory(parent=province("48"), slug="cong-dich-vu")
    story.save_revision().publish()
    translate_into_english(story)
    vi_url = "/tinh-thanh/da-nang/cong-dich-vu/"
    en_url = "/en/provinces/da-nang/cong-dich-vu/"
    expected = {"vi": vi_url, "en": en_url, "x-default": vi_url}
    entries = sitemap_entries(client)
    assert entries[vi_url] == expected
    assert entries[en_url] == expected


@pytest.mark.django_db
def test_a_story_in_one_language_has_no_alternates_and_its_alias_is_not_listed(client):
    story = StoryPageFactory(parent=province("48"), slug="chi-tieng-viet")
    story.save_revision().publish()
    entries = sitemap_entries(client)
    assert entries["/tinh-thanh/da-nang/chi-tieng-viet/"] == {}
    assert "/en/provinces/da-nang/chi-tieng-viet/" not in entries


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_search_results(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert {"Disallow: /search/", "Disallow: /en/search/", "Disallow: /admin/"} <= set(lines)
    assert "Disallow: /" not in lines  # stories themselves stay open to crawlers
