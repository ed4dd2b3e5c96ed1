"""The site-wide data of reader pages (story_pages.site_wide: the owner, the provinces and units,
the map's counts) is read once per content version, and every change shows at the next request.
With the reader page cache off (T63_CACHE=off), so that each request renders its page."""

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from story_pages import content_version
from story_pages.models import SiteOwner, Theme
from tests.factories import province, publish_story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pages_uncached")]

SITE_WIDE_TABLES = (
    "story_pages_siteowner",
    "story_pages_provincepage",
    "story_pages_informationpage",
    "wagtailcore_site",
    "home_homepage",
)
# A story read again, nothing changed: the story with its versions in other languages 1, private
# sections 2, related stories 1 (their pictures are made). The site and its home page are
# site-wide data (story_pages.reading.site_routing).
STORY_QUERIES = 4


def page_tree(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content.decode())


def test_a_story_read_again_reads_no_site_wide_data(client):
    image = Image.objects.create(title="Hero", file=get_test_image_file(size=(1600, 900)))
    story = publish_story(parent=province("49"), theme=Theme.DIGITAL_ECONOMY, hero_image=image)
    for _ in range(4):  # its province's stories fill the related list
        publish_story(parent=province("49"), theme=Theme.DIGITAL_ECONOMY, hero_image=image)
    client.get(story.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(story.url)
    assert response.status_code == 200
    assert len(queries) == STORY_QUERIES
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert not [table for table in SITE_WIDE_TABLES if f'"{table}"' in read]


def test_a_renamed_unit_is_on_the_next_page_shown(client):
    story = publish_story(parent=province("49"))  # Quảng Nam, part of Đà Nẵng since 1 July 2025
    places = "string(//p[@class='story-places']/a[1])"
    assert page_tree(client, story.url).xpath(places) == "Thành phố Đà Nẵng"
    unit = province("48")
    unit.current_short_name = "Đà Nẵng Mới"
    unit.save_revision().publish()
    assert page_tree(client, story.url).xpath(places) == "Thành phố Đà Nẵng Mới"


def test_the_owners_new_words_are_on_the_next_page_shown(client):
    story = publish_story(parent=province("01"))
    owner = "string(//header//p[@class='site-owner'])"
    assert "Cục Đổi mới" not in page_tree(client, story.url).xpath(owner)
    setting = SiteOwner.for_site(story.get_site())
    setting.department_vi = "Cục Đổi mới"
    setting.save()
    assert page_tree(client, story.url).xpath(owner).endswith("· Cục Đổi mới")


def test_the_map_counts_a_story_at_the_next_home_page(client):
    def hanoi_on_the_map() -> str:
        return page_tree(client, "/").xpath(f"string(//a[@href='{province('01').url}']/@aria-label)")

    publish_story(parent=province("01"))
    assert hanoi_on_the_map() == "Hà Nội: 1 câu chuyện"
    publish_story(parent=province("01"))
    assert hanoi_on_the_map() == "Hà Nội: 2 câu chuyện"


def test_a_page_reads_the_site_wide_data_of_one_version(client, monkeypatch):
    """Found once per request: with the shared cache on, each finding is a round trip to it."""
    story = publish_story(parent=province("49"))
    found = []
    find = content_version.process_memo_key
    monkeypatch.setattr(content_version, "process_memo_key", lambda: found.append(1) or find())
    for url in (story.url, "/", province("48").url):
        found.clear()
        assert client.get(url).status_code == 200
        assert len(found) == 1, url
