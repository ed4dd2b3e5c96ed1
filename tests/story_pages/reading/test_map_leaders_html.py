"""The map's "most stories" list as readers get it: a tie is one line with a shared rank."""

from django.template.loader import render_to_string
from django.utils import translation
from lxml import html

from story_pages.reading import cartogram
from tests.story_pages.reading.test_cartogram import labelled_places


def leaders_list(counts: dict[str, int]):
    drawn = cartogram.build(labelled_places(counts))
    with translation.override("en"):
        page = html.fromstring(render_to_string("story_pages/province_map.html", {"map": drawn}))
    return page.xpath("//ol[@class='map-leaders']/li")


def test_tied_provinces_share_one_line_marked_as_a_tie():
    # Hà Nội leads; Đà Nẵng, Huế and Cần Thơ tie at 2; Lào Cai and Thái Nguyên (1) would make six.
    items = leaders_list({"01": 4, "48": 2, "46": 2, "92": 2, "10": 1, "19": 1})
    assert [item.get("value") for item in items] == ["1", "2"]
    assert [item.get("class") for item in items] == [None, "is-tie"]
    assert items[0].text_content() == "Hà Nội (4)"
    assert items[1].text_content() == "Cần Thơ, Đà Nẵng, Thừa Thiên Huế (2 stories each)"
    assert len(items[1].xpath(".//a")) == 3


def test_a_lead_shared_by_more_than_five_names_five_and_counts_the_rest():
    (item,) = leaders_list({code: 1 for code in ("01", "10", "19", "20", "22", "24", "48")})
    assert item.get("value") == "1" and item.get("class") == "is-tie"
    assert len(item.xpath(".//a")) == 5 and item.text_content().endswith("and 2 more (1 story each)")
