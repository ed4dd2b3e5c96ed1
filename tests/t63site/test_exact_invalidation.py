"""A publish empties only the cached pages that show the story: its pages in both languages, its
province, its theme, the home page and the listings; other provinces' story pages stay hits.
``X-Cache`` tells a hit from a miss."""

from datetime import UTC, datetime

import pytest
from django.core.cache import caches

from home.models import HomePage
from story_pages.models import ProvincePage, Theme
from story_pages.models.provinces import ProvinceStatus
from tests.factories import province, publish_story, translate_into_english

pytestmark = pytest.mark.django_db

ECONOMY = Theme.DIGITAL_ECONOMY


def served_from_cache(client, url: str) -> bool:
    response = client.get(url)
    assert response.status_code == 200, url
    return response["X-Cache"] == "hit"


def cached(client, *urls: str) -> None:
    for url in urls:
        client.get(url)
        assert served_from_cache(client, url), url


@pytest.fixture
def elsewhere():
    """A story of Đà Nẵng among enough of its own that its related stories are all Đà Nẵng's."""
    others = [publish_story(parent=province("48"), theme=ECONOMY) for _ in range(5)]
    return others[0]


@pytest.fixture
def here():
    return publish_story(parent=province("01"), theme=ECONOMY, title="Hà Nội số hoá hồ sơ")


def theme_url(theme=ECONOMY) -> str:
    return HomePage.objects.get(locale__language_code="vi").theme_url(theme)


def test_a_publish_in_one_province_leaves_another_provinces_story_page_cached(client, elsewhere, here):
    pages = [elsewhere.url, here.url, province("01").url, theme_url(), "/", "/cau-chuyen/"]
    cached(client, *pages)

    here.title = "Hà Nội số hoá toàn bộ hồ sơ"
    here.save_revision().publish()

    assert served_from_cache(client, elsewhere.url)
    for url in pages[1:]:
        assert not served_from_cache(client, url), url
    assert "Hà Nội số hoá toàn bộ hồ sơ" in client.get(here.url).content.decode()


def test_a_new_story_enters_the_related_stories_that_have_room_for_it(client, elsewhere):
    lonely = publish_story(parent=province("79"), theme=ECONOMY)  # Hồ Chí Minh City's only story
    cached(client, elsewhere.url, lonely.url)

    newcomer = publish_story(parent=province("01"), theme=ECONOMY, title="Câu chuyện mới của Hà Nội")

    assert served_from_cache(client, elsewhere.url)  # Đà Nẵng's own stories fill its list
    page = client.get(lonely.url)
    assert page["X-Cache"] == "miss"
    assert newcomer.url in page.content.decode()


def test_a_story_shown_as_related_changes_the_pages_that_show_it(client, elsewhere):
    neighbour = publish_story(parent=province("48"), theme=ECONOMY, title="Đà Nẵng mở dữ liệu")
    cached(client, elsewhere.url)
    assert "Đà Nẵng mở dữ liệu" in client.get(elsewhere.url).content.decode()

    neighbour.unpublish()

    page = client.get(elsewhere.url).content.decode()
    assert "Đà Nẵng mở dữ liệu" not in page


def test_a_story_of_a_merged_province_empties_its_units_page_too(client, elsewhere):
    former = ProvincePage.objects.filter(status=ProvinceStatus.MERGED, locale__language_code="vi").first()
    story = publish_story(parent=former, theme=ECONOMY)
    cached(client, former.url, former.merged_into.url, province("48").url, elsewhere.url)

    story.title = "Một câu chuyện của tỉnh cũ"
    story.save_revision().publish()

    assert not served_from_cache(client, former.url)
    assert not served_from_cache(client, former.merged_into.url)
    assert served_from_cache(client, province("48").url)
    assert served_from_cache(client, elsewhere.url)


def test_a_translation_published_empties_both_languages_pages(client, here):
    alias_url = here.get_translation(province("01", "en").locale).url  # the English placeholder
    cached(client, here.url, alias_url)

    english, _translation = translate_into_english(here)

    assert not served_from_cache(client, here.url)  # its language links now name the English page
    assert english.url in client.get(here.url).content.decode()
    assert "EN Hà Nội số hoá hồ sơ" in client.get(english.url).content.decode()


def test_a_structural_change_empties_every_page(client, elsewhere, here):
    cached(client, elsewhere.url, here.url)
    home = HomePage.objects.get(locale__language_code="vi")
    home.save_revision().publish()  # not a story: may show anywhere
    assert not served_from_cache(client, elsewhere.url)
    assert not served_from_cache(client, here.url)


def test_a_story_page_hit_costs_two_round_trips_to_the_cache_and_a_listing_one(
    client, elsewhere, monkeypatch, django_assert_max_num_queries
):
    cached(client, elsewhere.url, "/")
    cache = caches["responses"]
    calls = []
    original = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: calls.append(keys) or original(keys))
    with django_assert_max_num_queries(0):
        assert served_from_cache(client, elsewhere.url)
        assert len(calls) == 2
        assert served_from_cache(client, "/")
        assert len(calls) == 3


def test_the_first_story_of_a_year_changes_every_province_pages_years(client, elsewhere):
    cached(client, province("48").url)
    publish_story(parent=province("01"), first_published_at=datetime(2019, 5, 1, tzinfo=UTC))
    page = client.get(province("48").url)
    assert page["X-Cache"] == "miss"
    assert 'value="2019"' in page.content.decode()  # the year filter offers it
