"""The search page readers use, and the API's `search` parameter, over the same engine."""

import pytest
from django.utils import translation

from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, paragraph, province
from tests.search.conftest import found


def result_slugs(response):
    return [result["story"].slug for result in response.context["results"]]


def test_a_query_without_diacritics_is_highlighted_in_the_original_spelling(client, stories):
    response = client.get("/search/", {"q": "da nang"})
    assert response.status_code == 200
    assert set(result_slugs(response)) == {"da-nang", "quang-nam"}
    page = response.content.decode()
    assert "<mark>Đà</mark> <mark>Nẵng</mark> mở cổng dịch vụ công trực tuyến" in page
    assert "Tìm thấy 2 câu chuyện" in page  # the count, in Vietnamese


def test_the_excerpt_shows_the_matched_words_in_the_body(client, stories):
    response = client.get("/search/", {"q": "xep hang"})
    assert result_slugs(response) == ["da-nang"]
    assert "<mark>xếp</mark> <mark>hàng</mark>" in response.content.decode()


def test_a_unit_includes_the_provinces_merged_into_it(client, stories):
    assert set(result_slugs(client.get("/search/", {"place": "48"}))) == {"da-nang", "quang-nam"}
    assert result_slugs(client.get("/search/", {"place": "49"})) == ["quang-nam"]


def test_the_province_whose_code_its_unit_kept_can_be_chosen_alone(client, stories):
    response = client.get("/search/", {"place": "province-48"})  # Đà Nẵng before 1 July 2025
    assert result_slugs(response) == ["da-nang"]
    assert 'value="province-48" selected' in response.content.decode()
    assert result_slugs(client.get("/search/", {"q": "da nang", "place": "province-48"})) == ["da-nang"]
    assert client.get("/search/", {"place": "province-49"}).context["form"].errors["place"]


def test_filters_narrow_a_search(client, stories):
    assert result_slugs(client.get("/search/", {"q": "ho so", "theme": "kinh-te-so"})) == ["xoai"]
    assert result_slugs(client.get("/search/", {"q": "dien tu", "year": "2024"})) == ["quang-nam"]
    assert result_slugs(client.get("/search/", {"q": "dien tu", "format": "video"})) == []


def test_an_unknown_filter_value_is_explained_and_the_rest_still_applies(client, stories):
    response = client.get("/search/", {"q": "dien tu", "theme": "blockchain", "year": "2024"})
    assert response.status_code == 200
    assert response.context["form"].errors["theme"]
    assert "blockchain" in response.content.decode()  # the error names the value it refused
    assert "lựa chọn" in response.content.decode()  # in Vietnamese
    assert result_slugs(response) == ["quang-nam"]


def test_english_readers_search_the_english_stories(client, stories):
    response = client.get("/en/search/", {"q": "digital transformation"})
    assert result_slugs(response) == ["da-nang"]  # the English version, at the English URL
    assert response.context["results"][0]["story"].locale.language_code == "en"
    assert "1 story found" in response.content.decode()


@pytest.mark.django_db
def test_results_are_paginated_and_the_query_count_does_not_grow(client, django_assert_max_num_queries):
    for number in range(23):
        StoryPageFactory(
            parent=province("01"), slug=f"ha-noi-{number}", body=[paragraph("Hà Nội số hoá thủ tục.")]
        ).save_revision().publish()
    with django_assert_max_num_queries(15):
        first = client.get("/search/", {"q": "ha noi"})
    assert len(first.context["results"]) == 10
    third = client.get("/search/", {"q": "ha noi", "page": "3"})
    assert len(third.context["results"]) == 3
    assert 'rel="prev" href="?q=ha+noi&amp;page=2"' in third.content.decode()
    assert "Tìm thấy 23 câu chuyện" in third.content.decode()  # all of them, though the page shows three
    # A page past the end shows the last one; a page that is not a number, the first.
    assert client.get("/search/", {"q": "ha noi", "page": "9"}).context["page_obj"].number == 3
    assert client.get("/search/", {"q": "ha noi", "page": "x"}).context["page_obj"].number == 1


def test_the_api_search_uses_the_same_engine(client, stories):
    response = client.get("/api/v2/stories/", {"search": "da nang", "locale": "vi"})
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert ids == {stories[slug].pk for slug in found(stories, "da nang")}


def test_an_empty_search_shows_the_form_only(client, stories):
    response = client.get("/search/")
    assert response.context["page_obj"] is None
    with translation.override("vi"):
        assert StoryPage.objects.published().exists()


@pytest.mark.parametrize(
    ("url", "query", "message"),
    [
        ("/search/", {"q": "khong co cau chuyen nao nhu the"}, "Không có câu chuyện nào khớp"),
        ("/search/", {"q": "dien tu", "format": "video"}, "Không có câu chuyện nào khớp"),  # filtered out
        ("/en/search/", {"q": "nothing like this at all"}, "No stories match your search"),
    ],
)
def test_a_search_with_no_results_says_so(client, stories, url, query, message):
    response = client.get(url, query)
    assert response.status_code == 200 and response.context["results"] == []
    page = response.content.decode()
    assert message in page
    assert 'id="results-heading"' in page  # the results' section, with its count of none


def test_no_results_offer_the_words_without_filters_the_themes_and_the_latest_stories(
    client, stories, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = client.get("/search/", {"q": "dien tu", "format": "video", "year": "2024"})
    page = response.content.decode()
    assert "Không có câu chuyện nào khớp" in page
    assert response.context["suggestions"]["unfiltered_url"] == "/search/?q=dien+tu"
    assert 'href="/search/?q=dien+tu"' in page and "Tìm lại các từ này, bỏ bộ lọc" in page
    assert "Xem theo chủ đề" in page and 'href="/chu-de/kinh-te-so/"' in page
    assert "Câu chuyện mới nhất" in page
    latest = [story.slug for story in response.context["suggestions"]["latest"]]
    assert latest == ["so-lieu", "so-tttt", "xoai", "dat-dai", "hue-s"]  # 2025's, newest first
    assert f'href="{stories["so-lieu"].url}"' in page


def test_no_results_without_filters_offer_no_unfiltered_link(client, stories):
    response = client.get("/en/search/", {"q": "nothing like this at all"})
    assert response.context["suggestions"]["unfiltered_url"] is None
    page = response.content.decode()
    assert "without the filters" not in page
    assert "The latest stories" in page and "Browse a theme" in page
    assert [story.slug for story in response.context["suggestions"]["latest"]] == ["da-nang"]  # English


def test_results_offer_no_suggestions(client, stories):
    assert client.get("/search/", {"q": "da nang"}).context["suggestions"] is None


def test_a_query_with_diacritics_is_marked_only_where_spelled_so(client, stories):
    response = client.get("/search/", {"q": "số"})
    assert result_slugs(response)[:2] in (["so-lieu", "dat-dai"], ["dat-dai", "so-lieu"])
    page = response.content.decode()
    assert "<mark>Số</mark> liệu mở" in page
    assert "hồ <mark>sơ</mark>" not in page and "<mark>Sở</mark>" not in page
    folded = client.get("/search/", {"q": "so"}).content.decode()
    assert "<mark>Sở</mark> Thông tin" in folded
