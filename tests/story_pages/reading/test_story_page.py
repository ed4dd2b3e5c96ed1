"""A story as readers get it: its places and theme, its video, related stories; the province pages."""

from itertools import cycle

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from story_pages.models import ProvinceIndexPage, StoryPage, Theme
from story_pages.reading.video_player import private_player_url
from tests.factories import embedded_video, paragraph, province, publish_story, translate_into_english
from tests.rendering import queries_to_render

pytestmark = pytest.mark.django_db


def page_tree(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content.decode())


def related_titles(client, story: StoryPage) -> list[str]:
    tree = page_tree(client, story.url)
    return [t.strip() for t in tree.xpath("//section[@class='related-stories']//h3/a/text()")]


def card_titles(tree) -> list[str]:
    return [t.strip() for t in tree.xpath("//article[@class='story-card']//h3/a/text()")]


def test_a_story_links_its_province_and_its_theme_page(client):
    story = publish_story(parent=province("49"), theme=Theme.DIGITAL_ECONOMY)  # Quảng Nam
    tree = page_tree(client, story.url)
    [places] = tree.xpath("//p[@class='story-places']")
    links = places.xpath(".//a/@href")
    # Đà Nẵng of today first, then Quảng Nam, which published it, as history
    assert links == [province("48").url, province("49").url, "/chu-de/kinh-te-so/"]


def test_related_stories_share_the_province_or_the_theme_in_the_same_language(client):
    story = publish_story(parent=province("24"), theme=Theme.DIGITAL_ECONOMY, title="Chính")
    publish_story(parent=province("01"), theme=Theme.DIGITAL_SOCIETY, title="Khác hẳn")
    same_theme = publish_story(parent=province("01"), theme=Theme.DIGITAL_ECONOMY, title="Cùng chủ đề")
    publish_story(parent=province("24"), theme=Theme.DIGITAL_SOCIETY, title="Cùng tỉnh")
    publish_story(parent=province("24"), theme=Theme.DIGITAL_ECONOMY, title="Cùng cả hai")
    draft = publish_story(parent=province("24"), theme=Theme.DIGITAL_ECONOMY, title="Đã gỡ")
    draft.unpublish()
    translate_into_english(same_theme)  # its English version is not a Vietnamese reader's story
    assert related_titles(client, story) == ["Cùng cả hai", "Cùng tỉnh", "Cùng chủ đề"]


def test_a_story_is_served_at_its_url_while_live_and_follows_a_move(client):
    story = publish_story(parent=province("24"), title="Chuyển tỉnh")
    old_url = story.url
    assert client.get(old_url).context["page"].pk == story.pk
    story.move(province("01"), pos="last-child")
    story.refresh_from_db()
    assert story.url != old_url
    assert client.get(old_url)["Location"] == story.url  # Wagtail's redirect, made by the move
    assert client.get(story.url).context["page"].pk == story.pk
    story.unpublish()
    assert client.get(story.url).status_code == 404


def test_at_most_four_related_stories(client):
    story = publish_story(parent=province("24"))
    for number in range(6):
        publish_story(parent=province("24"), title=f"Bắc Giang {number}")
    assert related_titles(client, story) == [f"Bắc Giang {number}" for number in (5, 4, 3, 2)]


def card_queries(client, url: str) -> int:
    """The queries of one render that read story cards (a story's columns, not its body)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum(
        '"story_pages_storypage"."summary"' in sql and '"story_pages_storypage"."body"' not in sql
        for sql in (query["sql"] for query in queries.captured_queries)
    )


def test_related_stories_cost_one_query_unless_the_province_has_too_few_of_its_own(client, pages_uncached):
    story = publish_story(parent=province("24"), theme=Theme.DIGITAL_ECONOMY)
    elsewhere = publish_story(parent=province("01"), theme=Theme.DIGITAL_ECONOMY, title="Hà Nội")
    # Alone in its province (as most English stories are): the theme's from elsewhere, only.
    english, _ = translate_into_english(story)
    translate_into_english(elsewhere)
    assert related_titles(client, english) == ["EN Hà Nội"]
    assert card_queries(client, english.url) == 1
    assert card_queries(client, story.url) == 1
    # A few of its own: they come first, the theme's from elsewhere fill the list.
    publish_story(parent=province("24"), theme=Theme.DIGITAL_SOCIETY, title="Cùng tỉnh")
    assert related_titles(client, story) == ["Cùng tỉnh", "Hà Nội"]
    assert card_queries(client, story.url) == 2
    # Enough of its own: only they.
    for number in range(3):
        publish_story(parent=province("24"), title=f"Bắc Giang {number}")
    assert "Hà Nội" not in related_titles(client, story)
    assert card_queries(client, story.url) == 1


def test_an_embedded_video_loads_nothing_from_the_provider_until_asked(client):
    story = publish_story(
        body=[paragraph("Xem video."), embedded_video(330, "https://www.youtube.com/watch?v=t63demo")]
    )
    tree = page_tree(client, story.url)
    [facade] = tree.xpath("//div[@class='video-facade']")
    # Without JavaScript: a link to the video on YouTube.
    assert facade.xpath(".//a/@href") == ["https://www.youtube.com/watch?v=t63demo"]
    assert facade.get("data-player-src") == "https://www.youtube-nocookie.com/embed/t63demo?autoplay=1"
    assert story.title in facade.get("data-player-title")  # the iframe's accessible name
    assert not tree.xpath("//iframe") and not tree.xpath("//*[contains(@src, 'youtube')]")
    assert tree.xpath("//script[contains(@src, 'video-player.js')]")


@pytest.mark.parametrize(
    ("url", "player"),
    [
        ("https://youtu.be/abc_123", "https://www.youtube-nocookie.com/embed/abc_123?autoplay=1"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"),
        ("https://www.youtube.com/@channel", None),  # not a video: the link alone
    ],
)
def test_privacy_friendly_players(url, player):
    assert private_player_url(url) == player


def test_an_uploaded_video_waits_for_the_reader(client):
    from tests.factories import make_video_media, uploaded_video

    media = make_video_media(5)
    story = publish_story(body=[paragraph("Xem video."), uploaded_video(media)])
    [video] = page_tree(client, story.url).xpath("//video")
    assert video.get("preload") == "none" and video.get("controls") is not None
    assert video.get("poster")  # the frame measured from the file


def test_the_index_lists_34_units_with_the_provinces_merged_into_them(client):
    publish_story(parent=province("74"))  # Bình Dương, now part of Hồ Chí Minh City
    publish_story(parent=province("79"))
    tree = page_tree(client, ProvinceIndexPage.objects.get(locale__language_code="vi").url)
    units = tree.xpath("//ul[@class='units']/li")
    assert len(units) == 34
    [hcm] = [unit for unit in units if unit.xpath(".//h2/a/@href") == [province("79").url]]
    # The provinces it was made of, before 1 July 2025: Hồ Chí Minh of then alone, under its unit's page.
    merged = hcm.xpath(".//ul[@class='merged']/li/a/@href")
    assert merged == [province("77").url, province("74").url, province("79").url + "tinh-cu/"]
    assert "2" in hcm.xpath("string(.//p[@class='unit-stories'])")
    # The 29 merged provinces and the 23 units that absorbed them; 11 units are unchanged.
    assert sum(len(unit.xpath(".//ul[@class='merged']/li")) for unit in units) == 29 + 23
    assert sum(1 for unit in units if not unit.xpath(".//ul[@class='merged']")) == 11


def test_a_unit_lists_the_stories_of_the_provinces_merged_into_it_page_by_page(client):
    for number in range(10):
        publish_story(parent=province("74"), title=f"Bình Dương {number}")
    for number in range(4):
        publish_story(parent=province("79"), title=f"Hồ Chí Minh {number}")
    first = card_titles(page_tree(client, province("79").url))
    second = card_titles(page_tree(client, province("79").url + "?page=2"))
    assert len(first) == 12 and len(second) == 2
    assert {t.split()[0] for t in first + second} == {"Bình", "Hồ"}
    # A merged province's page shows only its own stories.
    assert len(card_titles(page_tree(client, province("74").url))) == 10


QUERY_BUDGET = 20
# A story rendered uncached after a change: the story with its language versions 1, private
# sections 2, related stories 1 (2 while its province has a few stories of its own but not enough)
# and the renditions of pictures not made yet 1; and, read once per change (story_pages.site_wide),
# the site and its home page 3, the home page's locale 1, the provinces 1, the stories per
# province 1, its ancestors' language versions 1, the site owner and its About and Contact pages 2.
STORY_QUERY_BUDGET = 15
PROVINCES = cycle(["24", "24", "01", "74", "79"])


def test_a_story_and_a_province_page_cost_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    image = Image.objects.create(title="Hero", file=get_test_image_file(size=(1600, 900)))
    story = publish_story(
        parent=province("24"), hero_image=image, body=[embedded_video(60), paragraph("Ảnh.")]
    )

    def publish(count):
        for number in range(count):
            publish_story(parent=province(next(PROVINCES)), hero_image=image, theme=Theme.values[number % 3])

    publish(4)
    before = [queries_to_render(client, url) for url in (story.url, province("79").url)]
    publish(25)
    after = [queries_to_render(client, url) for url in (story.url, province("79").url)]
    # More stories never cost more: once the province's own fill the related list, one query less.
    assert after[0] <= before[0] <= STORY_QUERY_BUDGET
    assert after[1] == before[1]
    for url in (story.url, province("79").url):
        with django_assert_max_num_queries(QUERY_BUDGET):
            client.get(url)
