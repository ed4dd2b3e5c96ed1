"""Readers' addresses lead from the site and the home page of their language, read once per
content version (story_pages.reading.site_routing), and follow any change to either at the next
request. With the reader page cache off, so that each request renders its page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home.models import HomePage
from tests.factories import province, publish_story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pages_uncached")]


def test_a_home_page_changed_shows_at_the_next_request(client):
    home = HomePage.objects.get(locale__language_code="vi")
    assert client.get("/").context["page"].title == home.title
    home.title = "T63 – câu chuyện chuyển đổi số"
    home.save_revision().publish()
    assert client.get("/").context["page"].title == "T63 – câu chuyện chuyển đổi số"


def test_each_language_has_its_home_page(client):
    story = publish_story(parent=province("01"), title="Hà Nội số")
    assert client.get("/").context["page"].locale.language_code == "vi"
    assert client.get("/en/").context["page"].locale.language_code == "en"
    assert client.get(story.url).context["page"].pk == story.pk


def test_a_site_moved_to_another_host_is_followed_at_once(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "t63.example"]
    assert client.get("/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.is_default_site = "t63.example", False
    site.save()
    assert client.get("/").status_code == 404  # no site answers testserver any more
    assert client.get("/", HTTP_HOST="t63.example").status_code == 200


def test_another_site_is_served_as_wagtail_serves_it(client, settings):
    """A site whose root is not one of T63's home pages (the bench's stock Wagtail site): its
    site, root and page are read at each request, as Wagtail reads them."""
    settings.ALLOWED_HOSTS = ["testserver", "plain.example"]
    root = Page.get_first_root_node().add_child(instance=Page(title="Plain", slug="plain"))
    Site.objects.create(hostname="plain.example", root_page=root)
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/", HTTP_HOST="plain.example")
        assert response.status_code == 200
        assert response.context["page"].title == "Plain"
        assert any('FROM "wagtailcore_site"' in query["sql"] for query in queries.captured_queries)


def test_t63s_site_and_home_page_are_read_once_per_change(client):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert not any('FROM "wagtailcore_site"' in query["sql"] for query in queries.captured_queries)
