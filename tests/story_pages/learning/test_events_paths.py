"""Learning paths: the reader page and its handout, the index, and the API."""

import pytest

from story_pages.models import Theme
from tests.factories import StoryPageFactory, province, publish_story, translate_into_english
from tests.rendering import queries_to_render
from tests.story_pages.learning.events_pages import learning_path
from tests.story_pages.page_metadata import metadata

pytestmark = pytest.mark.django_db


def five_stories():
    codes = ["24", "77", "79", "46", "22"]
    return [publish_story(parent=province(code), title=f"Câu chuyện y tế {code}") for code in codes]


def test_a_learning_path_lists_its_stories_in_order_with_notes_and_a_print_stylesheet(client):
    stories = five_stories()
    page = learning_path(list(reversed(stories)), notes=["Chú ý khâu lấy mẫu.", "", "", "", ""])
    metadata_ = metadata(client, page.url)
    html = metadata_.html
    titles = [story.title for story in reversed(stories)]
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "Chú ý khâu lấy mẫu." in html
    assert all(story.full_url in html for story in stories)  # printed on the handout
    [print_css] = metadata_.tree.xpath("//link[@rel='stylesheet'][@media='print']/@href")
    assert print_css.endswith("learning-print.css")
    assert "<style" not in html
    assert metadata_.one("og:title") == page.title and metadata_.one("og:url") == page.full_url
    assert "facebook.com/sharer" in html


def test_the_print_stylesheet_hides_navigation_and_shows_the_addresses():
    from django.contrib.staticfiles import finders

    css = open(finders.find("story_pages/css/learning-print.css"), encoding="utf-8").read()
    assert "@media print" in css
    assert ".site-header" in css and ".print-only { display: block" in css


def test_a_step_whose_story_is_not_published_is_left_out(client):
    published = publish_story(title="Đã xuất bản")
    draft = StoryPageFactory(title="Bản nháp chưa xuất bản")
    page = learning_path([draft, published], slug="hai-buoc")
    html = client.get(page.url).content.decode()
    assert published.title in html and draft.title not in html


def test_the_english_path_links_english_stories_where_they_exist(client):
    translated, untranslated = publish_story(title="Hue-S"), publish_story(title="Chưa dịch")
    english_story, _ = translate_into_english(translated)
    page = learning_path([translated, untranslated], slug="hai-cau-chuyen")
    english, _ = translate_into_english(page)
    html = client.get(english.url).content.decode()
    assert english_story.title in html and english_story.url in html
    assert f'lang="vi">{untranslated.title}' in html  # the Vietnamese original, marked as such
    index_html = client.get(english.get_parent().url).content.decode()
    assert english.title in index_html


def test_the_learning_paths_api_lists_and_details_paths_with_their_stories(client):
    stories = five_stories()
    page = learning_path(stories, notes=["Ghi chú", "", "", "", ""])
    english, _ = translate_into_english(page)
    listing = client.get("/api/v2/learning-paths/").json()
    assert listing["meta"]["total_count"] == 2
    assert {item["language"] for item in listing["items"]} == {"vi", "en"}
    detail = client.get(f"/api/v2/learning-paths/{page.pk}/").json()
    assert detail["title"] == page.title and detail["url"] == page.full_url
    assert [step["story"]["id"] for step in detail["steps"]] == [s.pk for s in stories]
    assert detail["steps"][0]["note"] == "Ghi chú" and detail["steps"][0]["position"] == 1
    assert detail["steps"][0]["story"]["province"]["code"] == "24"
    assert detail["steps"][0]["story"]["api_url"].endswith(f"/api/v2/stories/{stories[0].pk}/")
    assert client.get(detail["steps"][0]["story"]["api_url"]).status_code == 200
    only_english = client.get("/api/v2/learning-paths/?language=en").json()
    assert [item["id"] for item in only_english["items"]] == [english.pk]


def test_the_learning_paths_api_refuses_what_it_does_not_know(client):
    page = learning_path([publish_story()])
    assert client.get("/api/v2/learning-paths/?language=fr").status_code == 400
    assert client.get("/api/v2/learning-paths/?theme=x").status_code == 400
    assert client.get("/api/v2/learning-paths/?offset=99999999999999").status_code == 400
    assert client.get(f"/api/v2/learning-paths/{2**70}/").status_code == 404
    page.unpublish()
    assert client.get(f"/api/v2/learning-paths/{page.pk}/").status_code == 404


def test_learning_paths_cost_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    stories = [publish_story(theme=Theme.DIGITAL_SOCIETY) for _ in range(2)]
    first = learning_path(stories)
    urls = [
        first.url,
        first.get_parent().url,
        "/api/v2/learning-paths/",
        f"/api/v2/learning-paths/{first.pk}/",
    ]
    before = [queries_to_render(client, url) for url in urls]
    more = [publish_story(parent=province(code)) for code in ("01", "46", "79", "77", "22")]
    first.steps = [("step", {"story": story, "note": "Ghi chú"}) for story in stories + more]
    first.save_revision().publish()
    for number in range(3):
        learning_path(more, slug=f"lo-trinh-{number}")
    after = [queries_to_render(client, url) for url in urls]
    assert before == after
    for url in urls:
        with django_assert_max_num_queries(20):
            client.get(url)
