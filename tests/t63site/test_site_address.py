"""The site's address (T63_SITE_URL) sets the default Site at set-up, so every absolute URL names
where the site is served: canonical and language links, og:url, the API, feeds, ninjs, the sitemap."""

import io
from xml.etree import ElementTree

import feedparser
import lxml.html
import pytest
from django.core.management import call_command
from wagtail.models import Site

from tests.factories import province, publish_story, translate_into_english

pytestmark = pytest.mark.django_db

ADDRESSES = ["http://127.0.0.1:8000", "https://t63.example.vn"]


def set_up(settings, url: str) -> str:
    """`make run`'s and `make serve`'s set-up with T63_SITE_URL=url: the settings derive the admin's
    and the API's base URLs from it (tests/t63site/test_production_settings.py), the command the Site."""
    settings.T63_SITE_URL = settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = url
    out = io.StringIO()
    call_command("configure_site", stdout=out)
    return out.getvalue()


@pytest.fixture
def story(db):
    story = publish_story(parent=province("24"), title="Bắc Giang số hoá xét nghiệm")
    translate_into_english(story)
    return story


def head_links(client, path: str) -> tuple[list[str], list[str]]:
    response = client.get(path)
    assert response.status_code == 200, path
    tree = lxml.html.fromstring(response.content)
    canonical = tree.xpath("//head/link[@rel='canonical']/@href")
    switcher = tree.xpath("//nav[contains(@class, 'language-switcher')]//a/@href")
    return canonical, switcher


@pytest.mark.parametrize("url", ADDRESSES)
def test_every_absolute_url_starts_with_the_site_address(client, settings, story, url):
    set_up(settings, url)
    root = url + "/"

    canonical, switcher = head_links(client, "/")
    assert canonical == [root]
    assert switcher == [f"{url}/en/"]
    canonical, switcher = head_links(client, "/en/")
    assert canonical == [f"{url}/en/"] and switcher == [root]

    canonical, switcher = head_links(
        client, "/chu-de/chinh-quyen-so/"
    )  # a theme page, a route of the home page
    assert canonical == [f"{url}/chu-de/chinh-quyen-so/"] and switcher == [
        f"{url}/en/themes/digital-government/"
    ]

    page = lxml.html.fromstring(client.get(story.url).content)
    assert page.xpath("//meta[@property='og:url']/@content") == [url + story.url]
    assert page.xpath("//link[@rel='canonical']/@href") == [url + story.url]

    item = client.get(f"/api/v2/stories/{story.pk}/").json()
    assert item["url"] == url + story.url
    assert item["translations"] and all(t["url"].startswith(root) for t in item["translations"])
    stock = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert stock["meta"]["html_url"] == url + story.url
    assert stock["meta"]["detail_url"].startswith(root)

    ninjs = client.get(f"/api/v2/stories/{story.pk}/ninjs/").json()
    assert ninjs["renditions"][0]["href"] == url + story.url

    for feed_url in ("/feeds/vi/rss/", "/feeds/vi/atom/", "/feeds/vi/province/24/rss/"):
        feed = feedparser.parse(client.get(feed_url).content)
        assert feed.feed.link.startswith(root), feed_url
        assert [entry.link for entry in feed.entries] == [url + story.url], feed_url

    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)
    locations = [element.text for element in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert url + story.url in locations
    assert locations and all(location.startswith(root) for location in locations)


def test_the_set_up_is_idempotent_and_leaves_no_page_with_the_old_address_cached(client, settings, story):
    assert head_links(client, "/")[0] == ["http://localhost/"]  # the Site the migrations made; now cached
    assert "Default Site: https://t63.example.vn\n" == set_up(settings, "https://t63.example.vn")
    assert head_links(client, "/")[0] == ["https://t63.example.vn/"]
    assert "(unchanged)" in set_up(settings, "https://t63.example.vn")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("t63.example.vn", 443, "https://t63.example.vn")
    assert site.root_page.specific_class.__name__ == "HomePage"  # only the address changed


def test_migrate_sets_the_site_as_make_serve_starts(settings, db):
    settings.T63_SITE_URL = "http://127.0.0.1:8000"
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
