"""The front page, the theme pages and the error pages, as readers (mostly on phones) use them."""

import re
from itertools import cycle

import lxml.html
import pytest
from django.utils import translation
from django.utils.translation import ngettext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from story_pages.models import Theme
from tests.factories import province, publish_story, translate_into_english
from tests.rendering import queries_to_render

pytestmark = pytest.mark.django_db

MAP_LINK = re.compile(r'<a class="map-dot( is-empty)?" href="([^"]+)" aria-label="([^"]+)">')


def map_links(html: str) -> dict[str, tuple[str, bool]]:
    """href -> (accessible name, drawn as empty) for every province on the map."""
    return {href: (label, bool(empty)) for empty, href, label in MAP_LINK.findall(html)}


def stories_label(name: str, count: int) -> str:
    with translation.override("vi"):
        return ngettext("%(name)s: %(counter)s story", "%(name)s: %(counter)s stories", count) % {
            "name": name,
            "counter": count,
        }


def card_titles(html: str) -> list[str]:
    return [
        title.strip()
        for title in lxml.html.fromstring(html).xpath("//article[@class='story-card']//h3/a/text()")
    ]


def test_the_map_links_every_province_with_its_story_count(client):
    for _ in range(3):
        publish_story(parent=province("48"))  # Đà Nẵng
    publish_story(parent=province("49"))  # Quảng Nam, merged into Đà Nẵng: counted with it
    html = client.get("/").content.decode()
    links = map_links(html)
    assert len(links) == 34  # the units of today, as the province index lists them
    assert links[province("48").url] == (stories_label("Đà Nẵng", 4), False)
    assert province("49").url not in links
    empty_label, is_empty = links[province("01").url]
    assert is_empty and "Hà Nội" in empty_label
    assert sum(empty for _, empty in links.values()) == 33
    assert 'class="legend-empty"' in html  # the legend explains the hollow circles


def test_the_map_counts_only_the_stories_of_the_pages_language(client):
    story = publish_story(parent=province("48"))
    publish_story(parent=province("48"))
    translate_into_english(story)
    vi_links, en_links = (
        map_links(client.get("/").content.decode()),
        map_links(client.get("/en/").content.decode()),
    )
    assert vi_links[province("48").url][0] == stories_label("Đà Nẵng", 2)
    en_label, en_empty = en_links[province("48", "en").url]
    assert not en_empty and en_label == "Đà Nẵng: 1 story"


def test_the_front_page_features_the_newest_story_of_each_theme(client):
    older = publish_story(theme=Theme.DIGITAL_ECONOMY, title="Chợ số cũ")
    newer = publish_story(theme=Theme.DIGITAL_ECONOMY, title="Chợ số mới")
    society = publish_story(theme=Theme.DIGITAL_SOCIETY, title="Tổ công nghệ số")
    response = client.get("/")
    assert [s.pk for s in response.context["featured_stories"]] == [newer.pk, society.pk]
    assert [s.pk for s in response.context["latest_stories"]] == [older.pk]


def test_a_theme_quiet_for_a_long_time_is_still_featured(client):
    government = publish_story(theme=Theme.DIGITAL_GOVERNMENT, title="Một cửa số")
    economy = [publish_story(theme=Theme.DIGITAL_ECONOMY, title=f"Chợ số {n}") for n in range(16)]
    response = client.get("/")
    assert [s.pk for s in response.context["featured_stories"]] == [government.pk, economy[-1].pk]
    latest = [s.pk for s in response.context["latest_stories"]]
    assert latest == [story.pk for story in reversed(economy[:-1])][:12]


def test_the_front_page_links_the_three_themes_and_the_province_index(client):
    html = client.get("/").content.decode()
    for slug in ("chinh-quyen-so", "kinh-te-so", "xa-hoi-so"):
        assert f'href="/chu-de/{slug}/"' in html
    assert 'href="/tinh-thanh/"' in html
    en_html = client.get("/en/").content.decode()
    for slug in ("digital-government", "digital-economy", "digital-society"):
        assert f'href="/en/themes/{slug}/"' in en_html
    assert 'href="/en/provinces/"' in en_html


def test_a_theme_page_lists_only_that_theme_in_its_language(client):
    economy = publish_story(theme=Theme.DIGITAL_ECONOMY, title="Thanh toán số ở chợ")
    publish_story(theme=Theme.DIGITAL_SOCIETY, title="Tổ công nghệ số")
    english, _ = translate_into_english(economy, translate=lambda text: f"EN {text}")
    assert card_titles(client.get("/chu-de/kinh-te-so/").content.decode()) == ["Thanh toán số ở chợ"]
    response = client.get("/en/themes/digital-economy/")
    html = response.content.decode()
    assert card_titles(html) == [english.title]
    assert '<html lang="en">' in html
    # Readers switch language to the same theme; search engines see one page per language. On the
    # site's address, as every page's links (the test database's Site: localhost).
    assert '<link rel="canonical" href="http://localhost/en/themes/digital-economy/">' in html
    assert 'hreflang="vi" href="http://localhost/chu-de/kinh-te-so/"' in html
    assert card_titles(client.get("/en/themes/digital-society/").content.decode()) == []  # only an alias


@pytest.mark.parametrize("path", ["/chu-de/khong-co/", "/en/chu-de/kinh-te-so/", "/themes/digital-economy/"])
def test_an_unknown_theme_or_the_other_languages_words_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_a_theme_named_as_in_the_api_leads_to_its_english_page(client):
    response = client.get("/en/themes/kinh-te-so/")
    assert (response.status_code, response["Location"]) == (301, "/en/themes/digital-economy/")


def test_a_theme_page_is_paginated(client):
    for number in range(14):
        publish_story(theme=Theme.DIGITAL_SOCIETY, title=f"Câu chuyện xã hội số {number:02d}")
    first = card_titles(client.get("/chu-de/xa-hoi-so/").content.decode())
    second = card_titles(client.get("/chu-de/xa-hoi-so/?page=2").content.decode())
    assert len(first) == 12 and len(second) == 2
    assert first[0] == "Câu chuyện xã hội số 13"  # newest first
    assert card_titles(client.get("/chu-de/xa-hoi-so/?page=99").content.decode()) == second


def test_not_found_in_vietnamese_and_in_english(client):
    response = client.get("/khong-co/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="vi">' in html and "Không tìm thấy trang" in html
    response = client.get("/en/nothing/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html and "Page not found" in html
    assert 'action="/en/search/"' in html


def test_the_server_error_page_needs_no_request_and_no_database(django_assert_num_queries):
    from django.template import loader

    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render()
    assert "Đã có lỗi xảy ra" in html and "Something went wrong" in html
    with translation.override("en"), django_assert_num_queries(0):
        html = loader.get_template("500.html").render()
    assert '<html lang="en">' in html and html.index("Something went wrong") < html.index("Đã có lỗi")


# Query counts: a page costs the same with 5 stories as with 30.

QUERY_BUDGET = 18  # rendered uncached (the English home page the most)
PROVINCES = cycle(["01", "24", "48", "49", "79", "92"])


def publish_many(count: int, image: Image) -> None:
    for number in range(count):
        publish_story(
            parent=province(next(PROVINCES)),
            theme=Theme.values[number % 3],
            hero_image=image,
            title=f"Câu chuyện số {number}",
        )


@pytest.mark.parametrize("url", ["/", "/en/", "/chu-de/chinh-quyen-so/", "/tinh-thanh/"])
def test_reader_pages_cost_a_fixed_number_of_queries(client, url, django_assert_max_num_queries):
    image = Image.objects.create(title="Hero", file=get_test_image_file(size=(1600, 900)))
    publish_many(5, image)
    with_5 = queries_to_render(client, url)
    publish_many(25, image)
    with_30 = queries_to_render(client, url)
    assert with_5 == with_30 <= QUERY_BUDGET
    with django_assert_max_num_queries(QUERY_BUDGET):
        client.get(url)
