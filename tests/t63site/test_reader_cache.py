"""Reader pages come from the cache until a publish changes them; editors always see them live."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, province


@pytest.fixture
def story(db):
    page = StoryPageFactory(parent=province("48"), slug="cong-dich-vu", title="Cổng dịch vụ công")
    page.save_revision().publish()
    return StoryPage.objects.get(pk=page.pk)


def test_a_repeated_visit_is_served_without_the_database(client, story, django_assert_max_num_queries):
    first = client.get(story.url)
    with django_assert_max_num_queries(0):
        again = client.get(story.url)
    assert again.content == first.content
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_publish_is_visible_on_the_next_request(client, story):
    assert "Cổng dịch vụ công" in client.get(story.url).content.decode()
    story.title = "Cổng dịch vụ công mới"
    story.save_revision().publish()
    assert "Cổng dịch vụ công mới" in client.get(story.url).content.decode()
    assert "Cổng dịch vụ công mới" in client.get("/").content.decode()  # the lists that show it too


def test_an_unpublished_story_is_gone_at_once(client, story):
    assert client.get(story.url).status_code == 200
    story.unpublish()
    assert client.get(story.url).status_code == 404


def test_a_story_made_private_leaves_every_cached_copy_at_once(client, story):
    assert client.get(story.url).status_code == 200
    assert client.get("/api/v2/stories/").json()["meta"]["total_count"] == 1
    restriction = PageViewRestriction.objects.create(page=story, restriction_type="password", password="x")
    assert client.get(story.url).status_code == 200  # Wagtail's password form, not the story
    assert "Cổng dịch vụ công" not in client.get(story.url).content.decode()
    assert client.get("/api/v2/stories/").json()["meta"]["total_count"] == 0
    assert "Cổng dịch vụ công" not in client.get("/feeds/vi/rss/").content.decode()
    restriction.delete()
    assert client.get("/api/v2/stories/").json()["meta"]["total_count"] == 1


def test_editors_see_the_live_page_with_their_userbar(admin_client, story):
    reader = Client()
    reader.get(story.url)  # cached for readers
    assert "wagtail-userbar" in admin_client.get(story.url).content.decode()
    assert "wagtail-userbar" not in reader.get(story.url).content.decode()


def test_each_search_is_cached_under_its_own_query(client, story):
    def results(query: str) -> str:  # the results, not the latest stories a search without any suggests
        page = client.get("/search/", {"q": query}).content.decode()
        return page.split('class="results"', 1)[1].split("</ol>", 1)[0] if 'class="results"' in page else ""

    assert story.url in results("cong dich vu")
    assert story.url not in results("xoai")
