"""All stories (/cau-chuyen/, /en/stories/): each filter alone and together in both languages,
unknown values, the order by usefulness, pagination, the no-JavaScript form, the feed and its
title, the language switcher, JSON-LD, queries."""

import datetime
from urllib.parse import urlsplit

import extruct
import feedparser
import lxml.html
import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from story_pages.learning.usefulness import UsefulnessDay
from story_pages.models import StoryPage, Theme
from tests.factories import embedded_video, paragraph, province, publish_story, translate_into_english

pytestmark = pytest.mark.django_db

VI, EN = "/cau-chuyen/", "/en/stories/"


def titles(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return [story.title for story in response.context["stories"]]


def dated(story, year: int, month: int = 6):
    when = timezone.make_aware(datetime.datetime(year, month, 1, 12))
    StoryPage.objects.filter(pk=story.pk).update(first_published_at=when)
    return story


@pytest.fixture
def stories(db):
    video = [embedded_video(300), paragraph("Lời kể")]
    return {
        # Hà Giang (02) was merged into Tuyên Quang (08); Huế (46) is a current unit.
        "ha_giang": dated(
            publish_story(
                parent=province("02"), title="Hà Giang số", theme=Theme.DIGITAL_ECONOMY, case_stage="pilot"
            ),
            2024,
        ),
        "tuyen_quang": dated(
            publish_story(parent=province("08"), title="Tuyên Quang số", theme=Theme.DIGITAL_GOVERNMENT), 2025
        ),
        "hue": dated(
            publish_story(
                parent=province("46"),
                title="Huế số",
                theme=Theme.DIGITAL_SOCIETY,
                body=video,
                case_stage="scaled",
            ),
            2026,
        ),
    }


def test_the_page_lists_every_story_newest_first(client, stories):
    assert titles(client, VI) == ["Huế số", "Tuyên Quang số", "Hà Giang số"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?theme=kinh-te-so", ["Hà Giang số"]),
        ("?unit=08", ["Tuyên Quang số", "Hà Giang số"]),  # a unit includes the provinces merged into it
        ("?province=02", ["Hà Giang số"]),
        ("?province=08", ["Tuyên Quang số"]),  # a province alone
        ("?format=both", ["Huế số"]),
        ("?format=text", ["Tuyên Quang số", "Hà Giang số"]),
        ("?year=2025", ["Tuyên Quang số"]),
        ("?stage=scaled", ["Huế số"]),
        ("?unit=08&year=2024", ["Hà Giang số"]),
        ("?theme=chinh-quyen-so&unit=08&format=text&year=2025", ["Tuyên Quang số"]),
        ("?theme=xa-hoi-so&stage=pilot", []),
    ],
)
def test_each_filter_alone_and_together(client, stories, query, expected):
    assert titles(client, VI + query) == expected


def test_filters_in_english(client, stories):
    for story in stories.values():
        translate_into_english(story)
    assert titles(client, EN + "?unit=08&stage=pilot") == ["EN Hà Giang số"]
    assert titles(client, EN + "?format=both") == ["EN Huế số"]
    page = client.get(EN + "?theme=nonsense").content.decode()
    assert "not understood" in page


@pytest.mark.parametrize(
    "query",
    [
        "?theme=nonsense",
        "?unit=02",
        "?province=99",
        "?format=audio",
        "?year=20x4",
        "?stage=x",
        "?sort=random",
    ],
)
def test_an_unknown_value_gives_a_message_and_the_whole_list(client, stories, query):
    response = client.get(VI + query)
    assert response.status_code == 200
    assert len(response.context["stories"]) == 3
    notice = lxml.html.fromstring(response.content).xpath("//p[@role='status']")
    assert notice and "không hiểu" in notice[0].text_content().lower()


def test_most_useful_first_ties_newest_first(client, stories):
    today = timezone.localdate()
    UsefulnessDay.objects.create(story=stories["ha_giang"], day=today, useful=3)
    UsefulnessDay.objects.create(story=stories["ha_giang"], day=today - datetime.timedelta(days=1), useful=2)
    UsefulnessDay.objects.create(story=stories["tuyen_quang"], day=today, useful=4, not_useful=9)
    assert titles(client, VI + "?sort=useful") == ["Hà Giang số", "Tuyên Quang số", "Huế số"]
    UsefulnessDay.objects.create(story=stories["hue"], day=today, useful=5)
    # Answers do not bump the content version: the cached order stands until a publish or an hour.
    for cache in caches.all():
        cache.clear()
    assert titles(client, VI + "?sort=useful") == ["Huế số", "Hà Giang số", "Tuyên Quang số"]


def test_pagination_keeps_the_filters(client, db):
    for number in range(14):
        publish_story(parent=province("46"), title=f"Huế {number}", theme=Theme.DIGITAL_SOCIETY)
    tree = lxml.html.fromstring(client.get(VI + "?theme=xa-hoi-so&sort=useful").content)
    (older,) = tree.xpath("//nav[@class='pagination']//a[@rel='next']/@href")
    assert older == "?theme=xa-hoi-so&sort=useful&page=2"
    assert len(titles(client, VI + older)) == 2


def test_the_form_leads_to_the_url_of_the_links(client, stories):
    tree = lxml.html.fromstring(client.get(VI).content)
    link = tree.xpath("//nav[@class='story-filters']//a[text()='Kinh tế số']/@href")[0]
    form = tree.xpath("//form[@class='filter-form']")[0]
    fields = {select.get("name"): "" for select in form.xpath(".//select")}
    assert list(fields) == ["theme", "unit", "province", "format", "year", "stage", "sort"]
    response = client.get(form.get("action"), {**fields, "theme": "kinh-te-so"})
    assert response.status_code == 302 and response["Location"] == link == VI + "?theme=kinh-te-so"
    response = client.get(VI, {**fields, "year": "2024", "unit": "08"})
    assert response["Location"] == VI + "?unit=08&year=2024"


def test_a_filtered_page_links_its_feed_and_the_feed_is_filtered(client, stories):
    tree = lxml.html.fromstring(client.get(VI + "?unit=08&format=text&sort=useful").content)
    rss = tree.xpath("//head/link[@type='application/rss+xml']/@href")[0]
    assert rss == "/feeds/vi/rss/?unit=08&format=text"  # the order is the page's alone
    assert rss in tree.xpath("//p[@class='feed-link']/a/@href")
    atom = tree.xpath("//head/link[@type='application/atom+xml']/@href")[0]
    for url in (rss, atom, "/feeds/vi/rss/?year=2024", "/feeds/vi/theme/xa-hoi-so/rss/?stage=scaled"):
        parts = urlsplit(url)
        feed = feedparser.parse(
            client.get(parts.path, dict(pair.split("=") for pair in parts.query.split("&"))).content
        )
        assert feed.bozo == 0
        expected = {
            "/feeds/vi/rss/?year=2024": {"Hà Giang số"},
            "/feeds/vi/theme/xa-hoi-so/rss/?stage=scaled": {"Huế số"},
        }
        assert {entry.title for entry in feed.entries} == expected.get(url, {"Hà Giang số", "Tuyên Quang số"})


def feed_title(client, url: str) -> str:
    parts = urlsplit(url)
    return feedparser.parse(client.get(parts.path + "?" + parts.query).content).feed.title


def test_a_filtered_feed_says_its_filters_in_its_title(client, stories):
    tree = lxml.html.fromstring(client.get(VI + "?theme=kinh-te-so&unit=08&year=2024").content)
    [link] = tree.xpath("//head/link[@type='application/rss+xml']")
    assert link.get("title") == "T63 – Kinh tế số, Tỉnh Tuyên Quang, 2024 (RSS)"
    assert feed_title(client, link.get("href")) + " (RSS)" == link.get("title")
    assert feed_title(client, "/feeds/vi/rss/") == "T63 – câu chuyện mới nhất"
    assert feed_title(client, "/feeds/vi/theme/xa-hoi-so/rss/?stage=scaled").endswith(": Nhân rộng toàn tỉnh")
    translate_into_english(stories["tuyen_quang"])
    assert feed_title(client, "/feeds/en/rss/?format=text&province=08") == "T63 – Tuyên Quang Province, Text"


def test_the_language_switcher_keeps_the_filters(client, stories):
    translate_into_english(stories["tuyen_quang"])
    query = "?theme=chinh-quyen-so&unit=08&sort=useful"

    def switch_to(url: str, language: str) -> str:
        tree = lxml.html.fromstring(client.get(url).content)
        return tree.xpath(f"//nav[@class='language-switcher']//a[@hreflang='{language}']/@href")[0]

    assert switch_to(VI + query + "&page=1", "en").endswith(EN + query)  # not the page number
    assert switch_to(EN + query, "vi").endswith(VI + query)
    assert switch_to(VI + "?theme=nonsense", "en").endswith(EN)  # an unknown value is dropped
    tree = lxml.html.fromstring(client.get(VI + query).content)
    assert tree.xpath("//link[@rel='canonical']/@href")[0].endswith(VI)  # one canonical list


def test_the_list_is_a_collection_page_with_its_stories_in_order(client, stories):
    html = client.get(VI + "?format=text").content.decode()
    [data] = extruct.extract(html, base_url="http://testserver/", syntaxes=["json-ld"])["json-ld"]
    assert data["@type"] == "CollectionPage" and data["inLanguage"] == "vi"
    assert data["name"] == "Tất cả câu chuyện: Bài viết"
    assert data["url"].endswith(VI + "?format=text")
    items = data["mainEntity"]["itemListElement"]
    assert data["mainEntity"]["@type"] == "ItemList" and data["mainEntity"]["numberOfItems"] == 2
    assert [(item["position"], item["name"]) for item in items] == [(1, "Tuyên Quang số"), (2, "Hà Giang số")]
    assert items[0]["url"] == stories["tuyen_quang"].get_full_url()


def test_json_ld_positions_count_on_across_pages(client, db):
    for number in range(14):
        publish_story(parent=province("46"), title=f"Huế {number}")
    html = client.get(VI + "?page=2").content.decode()
    [data] = extruct.extract(html, base_url="http://testserver/", syntaxes=["json-ld"])["json-ld"]
    assert [item["position"] for item in data["mainEntity"]["itemListElement"]] == [13, 14]


def test_theme_and_province_pages_take_the_same_filters(client, stories):
    assert titles(client, "/chu-de/chinh-quyen-so/?unit=08") == ["Tuyên Quang số"]
    assert titles(client, "/chu-de/kinh-te-so/?year=2025") == []
    tuyen_quang = province("08").url
    assert titles(client, tuyen_quang + "?year=2024") == ["Hà Giang số"]
    assert titles(client, tuyen_quang + "?format=both") == []
    tree = lxml.html.fromstring(client.get(tuyen_quang + "?stage=pilot").content)
    assert tree.xpath("//head/link[@type='application/rss+xml']/@href") == [
        "/feeds/vi/province/08/rss/?stage=pilot"
    ]
    assert "không hiểu" in client.get(tuyen_quang + "?format=x").content.decode().lower()


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_queries_do_not_grow_with_the_stories(client, db):
    def publish(start, count):
        for number in range(count):
            code = ("02", "08", "46")[number % 3]
            publish_story(parent=province(code), title=f"Câu chuyện {start + number}")

    url = VI + "?unit=08&sort=useful"
    publish(0, 3)
    few = queries(client, url), queries(client, VI)
    publish(3, 27)
    many = queries(client, url), queries(client, VI)
    assert many == few


def filter_panel(client, url):
    tree = lxml.html.fromstring(client.get(url).content)
    return (
        tree.xpath("//nav[@class='story-filters']"),
        tree.xpath("//form[@class='filter-form']"),
        tree.xpath("//p[@class='feed-link']/a/@href"),
    )


def test_a_list_without_stories_and_filters_shows_no_filter_panel_but_its_feed(client, stories):
    nav, form, feed = filter_panel(client, province("04").url)  # Cao Bằng: no story yet
    assert nav == [] and form == []
    assert feed[0] == "/feeds/vi/province/04/rss/"


def test_a_filter_that_finds_nothing_keeps_the_panel_to_undo_it(client, stories):
    for url in (VI + "?theme=kinh-te-so&unit=46", province("46").url + "?year=2024"):
        response = client.get(url)
        assert len(response.context["stories"]) == 0, url
        nav, form, feed = filter_panel(client, url)
        assert nav and form and feed, url
    nav, form, _feed = filter_panel(client, "/chu-de/kinh-te-so/?year=2026")
    assert nav and form


def test_the_form_is_folded_away_under_its_summary(client, stories):
    tree = lxml.html.fromstring(client.get(VI).content)
    [details] = tree.xpath("//details[@class='filter-form-panel']")
    assert details.get("open") is None  # closed until the reader opens it
    assert details[0].tag == "summary" and details[0].text_content().strip() == "Chọn nhiều bộ lọc cùng lúc"
    assert details.xpath("./form[@class='filter-form']//select")
