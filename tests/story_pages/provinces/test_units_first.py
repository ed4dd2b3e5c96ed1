"""Readers meet today's 34 units by their names, and the 63 provinces of before as history.

The new sentences are tried in English (the Vietnamese catalogue is merged by the lead); the
Vietnamese names come from the register ("Tỉnh Bắc Ninh").
"""

import lxml.html
import pytest
from django.utils import translation
from django.utils.translation import ngettext

from story_pages.models import ProvinceIndexPage
from story_pages.provinces.names import sorted_by_name
from story_pages.reading.search_form import StorySearchForm
from tests.factories import province, publish_story
from tests.rendering import queries_to_render

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content.decode())


def text(tree, xpath) -> str:
    return " ".join(" ".join(node.text_content().split()) for node in tree.xpath(xpath))


def links(tree, xpath) -> list[tuple[str, str]]:
    return [(" ".join(a.text_content().split()), a.get("href")) for a in tree.xpath(xpath)]


def test_vietnamese_alphabetical_order_letters_first_then_tones():
    shuffled = ["Đồng Tháp", "Điện Biên", "Âu Cơ", "Ăn Quả", "An Giang", "Bà Rịa", "Bắc Ninh", "Ba Vì"]
    shuffled += ["Dak", "Cà Mau", "Bá", "Bạ", "Bả", "Bã", "Bà"]
    assert sorted_by_name(shuffled) == [
        "An Giang",
        "Ăn Quả",
        "Âu Cơ",
        "Bà",  # Ba… before Bă…; among "ba", the tones in dictionary order
        "Bả",
        "Bã",
        "Bá",
        "Bạ",
        "Bà Rịa",  # the letters decide before the tones: r before v
        "Ba Vì",
        "Bắc Ninh",
        "Cà Mau",
        "Dak",
        "Điện Biên",
        "Đồng Tháp",
    ]


def test_the_index_names_units_of_today_and_the_provinces_they_were_made_of(client):
    index = ProvinceIndexPage.objects.get(locale__language_code="vi")
    tree = page(client, index.url)
    units = [name for name, _href in links(tree, "//h2[@class='unit-name']/a")]
    assert len(units) == 34
    assert units == sorted_by_name(units, lambda name: name.removeprefix("Thành phố ").removeprefix("Tỉnh "))
    assert ("Tỉnh Bắc Ninh", province("24").url) in links(tree, "//h2[@class='unit-name']/a")
    assert "Tỉnh Bắc Giang" not in units and "Tỉnh Kiên Giang" not in units
    bac_ninh = tree.xpath("//li[h2/a[.='Tỉnh Bắc Ninh']]")[0]
    assert links(bac_ninh, ".//ul[@class='merged']/li/a") == [
        ("Tỉnh Bắc Giang", province("24").url + "tinh-cu/"),
        ("Tỉnh Bắc Ninh", province("27").url),
    ]
    assert "formerly" not in bac_ninh.text_content() and "trước đây" not in bac_ninh.text_content()
    ha_noi = tree.xpath("//li[h2/a[.='Thành phố Hà Nội']]")[0]
    assert not ha_noi.xpath(".//ul[@class='merged']")  # made of itself alone: nothing to list


def test_the_index_and_the_map_say_what_they_count(client):
    with translation.override("en"):
        tree = page(client, ProvinceIndexPage.objects.get(locale__language_code="en").url)
        assert "34 province-level units since 1 July 2025, made of the 63 provinces and cities" in text(
            tree, "//p[@class='unit-count']"
        )
        legend = text(page(client, "/en/"), "//figcaption[@class='map-legend']/p[1]")
    assert legend == "0 of the 34 units (provinces and cities since 1 July 2025) have published stories."
    publish_story(parent=province("27"))  # Bắc Ninh before the merger: a story of today's Bắc Ninh
    home = page(client, "/")
    assert len(home.xpath("//a[contains(@class, 'map-dot')]")) == 34
    dot = home.xpath(f"//a[contains(@class, 'map-dot')][@href='{province('24').url}']")[0]
    with translation.override("vi"):
        assert dot.get("aria-label") == ngettext(
            "%(name)s: %(counter)s story", "%(name)s: %(counter)s stories", 1
        ) % {"name": "Bắc Ninh", "counter": 1}


def test_a_renamed_unit_is_headed_by_its_name_of_today(client):
    bac_giang = publish_story(parent=province("24"), title="Câu chuyện Bắc Giang")
    publish_story(parent=province("27"), title="Câu chuyện Bắc Ninh")
    tree = page(client, province("24").url)
    assert text(tree, "//h1") == "Tỉnh Bắc Ninh"
    assert links(tree, "//nav[@class='breadcrumbs']//a") == [("Tỉnh, thành phố", "/tinh-thanh/")]
    assert links(tree, "//section[@class='former-provinces']//li/a") == [
        ("Tỉnh Bắc Giang", "/tinh-thanh/bac-giang/tinh-cu/"),
        ("Tỉnh Bắc Ninh", "/tinh-thanh/bac-ninh/"),
    ]
    cards = text(tree, "//article[@class='story-card']")
    assert "Câu chuyện Bắc Giang" in cards and "Câu chuyện Bắc Ninh" in cards
    assert "Bắc Ninh (Bắc Giang cũ)" in cards  # a card names today's unit, then the province of then
    story = page(client, bac_giang.url)
    assert links(story, "//p[@class='story-places']/a")[:2] == [
        ("Tỉnh Bắc Ninh", "/tinh-thanh/bac-giang/"),
        ("Tỉnh Bắc Giang (đến 30/6/2025)", "/tinh-thanh/bac-giang/tinh-cu/"),
    ]


def test_a_former_province_is_shown_as_history_with_its_own_stories(client):
    publish_story(parent=province("24"), title="Câu chuyện Bắc Giang")
    publish_story(parent=province("27"), title="Câu chuyện Bắc Ninh")
    with translation.override("en"):
        tree = page(client, province("24", "en").url + "former-province/")
    assert text(tree, "//h1") == "Bắc Giang Province (until 30 June 2025) – now part of Bắc Ninh Province"
    cards = text(page(client, "/tinh-thanh/bac-giang/tinh-cu/"), "//article[@class='story-card']")
    assert "Câu chuyện Bắc Giang" in cards and "Câu chuyện Bắc Ninh" not in cards
    assert text(tree, "//header/p[@class='lead']") == (
        "Merged on 1 July 2025 with: Bắc Ninh Province. All stories of Bắc Ninh Province"
    )
    assert [name for name, _ in links(tree, "//nav[@class='breadcrumbs']//a")] == [
        "Provinces and cities",
        "Bắc Ninh Province",
    ]
    assert client.get(province("01").url + "tinh-cu/").status_code == 404  # Hà Nội has no history


def test_nothing_says_a_unit_merged_into_itself(client):
    with translation.override("en"):
        bac_ninh = page(client, province("27", "en").url)  # the Bắc Ninh of before the merger
        an_giang = page(client, province("91", "en").url)  # today's An Giang: Kiên Giang's code
        tuyen_quang = page(client, province("08", "en").url)  # kept its name, Hà Giang joined it
    heading = "Bắc Ninh Province (until 30 June 2025) – now part of the new Bắc Ninh Province"
    assert text(bac_ninh, "//h1") == heading
    lead = text(bac_ninh, "//header/p[@class='lead']")
    assert lead.startswith("Merged on 1 July 2025 with: Bắc Giang Province.")
    assert "merged into" not in bac_ninh.text_content()
    assert text(an_giang, "//h1") == "An Giang Province"
    former = text(an_giang, "//section[@class='former-provinces']")
    assert "An Giang Province was formed on 1 July 2025 from 2 provinces" in former
    assert [name for name, _ in links(an_giang, "//section[@class='former-provinces']//li/a")] == [
        "An Giang Province",
        "Kiên Giang Province",
    ]
    joined = links(tuyen_quang, "//section[@class='former-provinces']//li/a")
    assert "On 1 July 2025 these provinces joined Tuyên Quang Province" in tuyen_quang.text_content()
    assert [name for name, _ in joined] == ["Hà Giang Province"]  # not Tuyên Quang into itself


def test_every_fact_label_of_a_unit_or_former_province_starts_with_a_capital(client):
    # "GSO code" is also the field's name in the admin, lowercase there as Django wants it.
    for url in (province("24").url, province("24").url + "tinh-cu/", province("46").url):
        labels = [" ".join(dt.text_content().split()) for dt in page(client, url).xpath("//dl//dt")]
        assert "Mã đơn vị hành chính" in labels, url
        assert all(label[:1].isupper() for label in labels), (url, labels)
    with translation.override("en"):
        labels = page(client, province("24", "en").url).xpath("//dl[@class='province-facts']/dt/text()")
    assert "GSO code" in labels


def test_the_api_names_the_unit_of_today(client):
    publish_story(parent=province("27"))
    publish_story(parent=province("89"))
    items = client.get("/api/v2/stories/?locale=vi").json()["items"]
    units = {item["province"]["code"]: item["province"]["current_unit"] for item in items}
    assert units["27"] == {"code": "24", "name": "Tỉnh Bắc Ninh"}
    assert units["89"] == {"code": "91", "name": "Tỉnh An Giang"}


def test_the_search_place_list_says_unit_of_today_or_one_former_province():
    with translation.override("en"):
        form = StorySearchForm(locale=province("01", "en").locale)
        groups = dict(form.fields["place"].choices[1:])
        # Yên Bái, whose code today's Lào Cai kept, can be chosen alone too.
        assert groups["Lào Cai Province"] == [
            ("15", "Lào Cai Province today: all its 2 former provinces"),
            ("10", "Lào Cai Province alone (before 1 July 2025)"),
            ("province-15", "Yên Bái Province alone (before 1 July 2025)"),
        ]
        assert groups["Cao Bằng Province"] == [("04", "Cao Bằng Province")]
        assert groups["Hồ Chí Minh City"][1:] == [
            ("77", "Bà Rịa - Vũng Tàu Province alone (before 1 July 2025)"),
            ("74", "Bình Dương Province alone (before 1 July 2025)"),
            ("province-79", "Hồ Chí Minh City alone (before 1 July 2025)"),
        ]
        assert groups["Huế City"] == [("46", "Huế City")]  # renamed, made of itself alone
        units = list(groups)
    short = [name.removesuffix(" Province").removesuffix(" City") for name in units]
    assert len(units) == 34 and short == sorted_by_name(short)
    assert short.index("Đồng Tháp") == short.index("Đồng Nai") + 1 < short.index("Gia Lai")


def test_unit_and_former_province_pages_cost_as_many_queries_with_more_stories(client):
    urls = (province("24").url, province("24").url + "tinh-cu/", province("27").url)
    for code in ("24", "27"):
        publish_story(parent=province(code))
    before = [queries_to_render(client, url) for url in urls]
    for code in ("24", "27", "24"):
        publish_story(parent=province(code))
    assert [queries_to_render(client, url) for url in urls] == before
