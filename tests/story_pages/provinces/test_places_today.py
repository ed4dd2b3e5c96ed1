"""Beyond the province and story pages, readers and editors meet a place by today's unit, with the
province of the 63 as history: solutions, conference papers, search results, the media guide, and
the admin's adoption pages and write-story panel.

Bắc Giang's code (24) is today's Bắc Ninh; Bà Rịa – Vũng Tàu (77) is part of Hồ Chí Minh City.
"""

import lxml.html
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from story_pages.editorial.teams import MODERATORS
from story_pages.learning.adoption_views import AdoptionForm
from story_pages.learning.solution_setup import ensure_solution_index
from tests.factories import province, publish_story
from tests.story_pages.learning.events_pages import conference, paper
from tests.story_pages.learning.solution_factories import adopt, english_of, make_solution

pytestmark = pytest.mark.django_db


def tree(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content.decode())


def text(node) -> str:
    return " ".join(node.text_content().split())


def links(node) -> list[tuple[str, str]]:
    return [(text(a), a.get("href")) for a in node.xpath(".//a")]


def test_a_solution_names_its_origin_by_todays_unit_then_the_former_province(client):
    testing = make_solution("Xét nghiệm", origin="24")
    adopt(testing, "77")  # recorded for the unit Bà Rịa – Vũng Tàu is part of: Hồ Chí Minh City
    adopt(testing, "46")
    [origin] = tree(client, testing.url).xpath("//dd[@class='solution-origin']")
    assert links(origin) == [
        ("Tỉnh Bắc Ninh", "/tinh-thanh/bac-giang/"),
        ("Tỉnh Bắc Giang (đến 30/6/2025)", "/tinh-thanh/bac-giang/tinh-cu/"),
    ]
    with translation.override("en"):
        page = tree(client, english_of(testing).url)
    [origin] = page.xpath("//dd[@class='solution-origin']")
    assert links(origin) == [
        ("Bắc Ninh Province", "/en/provinces/bac-giang/"),
        ("Bắc Giang Province (until 30 June 2025)", "/en/provinces/bac-giang/former-province/"),
    ]
    # Today's units, in the reader's language and in the order of today's names.
    adopters = [text(li) for li in page.xpath("//ul[@class='adopters']/li")]
    assert adopters[0].startswith("Bắc Ninh Province – ")
    assert [name.split(" – ")[0] for name in adopters[1:]] == ["Hồ Chí Minh City", "Huế City"]


def test_a_merged_origin_is_its_unit_then_itself_and_a_renamed_one_its_name_of_today(client):
    def origin(code):
        solution = make_solution(f"Giải pháp {code}", origin=code)
        return text(tree(client, solution.url).xpath("//dd[@class='solution-origin']")[0])

    assert origin("77") == "Thành phố Hồ Chí Minh › Tỉnh Bà Rịa - Vũng Tàu (đến 30/6/2025)"
    assert origin("46") == "Thành phố Huế"


def test_the_solution_index_and_conference_papers_say_todays_unit(client):
    make_solution("Xét nghiệm", origin="24")
    listing = text(tree(client, ensure_solution_index().url).xpath("//main")[0])
    assert "của Bắc Ninh (Bắc Giang cũ)" in listing
    story = publish_story(title="Bắc Giang số hóa xét nghiệm", parent=province("24"))
    hue = publish_story(title="Hue-S", parent=province("46"))
    page = conference(papers=[paper(story), paper(hue)])
    metas = [text(p) for p in tree(client, page.url).xpath("//p[@class='meta']") if "Đại diện" in text(p)]
    assert metas == [
        "Đại diện Sở Thông tin và Truyền thông · Bắc Ninh (Bắc Giang cũ)",
        "Đại diện Sở Thông tin và Truyền thông · Huế (Thừa Thiên Huế cũ)",  # as on the cards
    ]


def test_search_results_say_todays_unit(client):
    publish_story(title="Bắc Giang số hóa xét nghiệm", parent=province("24"))
    [meta] = tree(client, "/search/?place=24").xpath("//ol[@class='results']//p[@class='meta']")
    assert text(meta).startswith("Bắc Ninh (Bắc Giang cũ) · ")


def test_the_media_guide_names_each_units_feed_by_todays_name(client):
    units = links(tree(client, "/cho-bao-chi/").xpath("//ul[@class='feed-units']")[0])
    assert ("Tỉnh Bắc Ninh", "http://testserver/feeds/vi/province/24/rss/") in units
    assert ("Thành phố Huế", "http://testserver/feeds/vi/province/46/rss/") in units
    assert not [name for name, _url in units if "Bắc Giang" in name or "Thừa Thiên" in name]
    assert units.index(("Tỉnh Bắc Ninh", "http://testserver/feeds/vi/province/24/rss/")) < [
        name for name, _url in units
    ].index("Tỉnh Cà Mau")


def test_the_admins_adoption_pages_name_the_origin_by_todays_unit(client, django_user_model):
    testing = make_solution("Xét nghiệm", origin="24", english=False)
    adopt(testing, "01")
    moderator = django_user_model.objects.create_user("m", "m@example.vn", "password")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    for url in ("/admin/", reverse("t63_adoptions"), reverse("t63_adopt_solution", args=[testing.pk])):
        assert "Tỉnh Bắc Ninh (Bắc Giang cũ)" in client.get(url).content.decode(), url
    # The units to choose from, by today's names in alphabetical order: Bắc Ninh among the B's.
    form = AdoptionForm(user=moderator, solution=testing)
    labels = [label for _value, label in form.fields["unit"].choices]
    assert labels[0] == "---------" and labels[1:4] == ["Tỉnh An Giang", "Tỉnh Bắc Ninh", "Tỉnh Cà Mau"]


def test_a_single_unit_editor_is_told_the_unit_by_its_name_of_today(client, django_user_model):
    call_command("create_editor", "hue", "--unit", "46", verbosity=0)
    client.force_login(django_user_model.objects.get(username="hue"))
    html = client.get("/admin/").content.decode()
    assert "Thành phố Huế (Thừa Thiên Huế cũ)" in html
