"""The solution pages readers see, in both languages."""

from django.contrib.auth.models import Group

from story_pages.editorial.teams import MODERATORS
from story_pages.learning.adoptions import AdoptionStatus
from story_pages.learning.solution_setup import ensure_solution_index
from tests.factories import province, publish_story
from tests.rendering import queries_to_render
from tests.story_pages.learning.solution_factories import adopt, english_of, make_solution, tell_of


def test_a_solution_page_shows_what_who_origin_adopters_and_stories_in_both_languages(db, client):
    hue_s = make_solution("Hue-S", origin="46", built_by="Trung tâm điều hành đô thị thông minh Huế")
    adopt(
        hue_s,
        "48",
        AdoptionStatus.PILOTING,
        story=publish_story(title="Hue-S ở Đà Nẵng", parent=province("49")),
    )
    adopt(hue_s, "44", AdoptionStatus.IN_USE)
    tell_of(publish_story(title="Hue-S ở Huế", parent=province("46")), hue_s)

    page = client.get(hue_s.url).content.decode()
    assert "Trung tâm điều hành đô thị thông minh Huế" in page
    assert "Hue-S ở Huế" in page  # the story that tells of it
    assert "Hue-S ở Đà Nẵng" not in page.split('class="adopters"')[0]
    assert 'href="/tinh-thanh/quang-nam/' in page.split('class="adopters"')[1]  # the adopter's story
    assert 'class="map-dot is-origin"' in page
    assert page.count('class="map-dot is-adopter"') == 2
    assert page.count('class="map-dot is-empty"') == 34 - 3

    english = client.get(english_of(hue_s).url)
    assert english.status_code == 200
    html = english.content.decode()
    assert "EN Hue-S" in html and html.count('class="map-dot is-adopter"') == 2
    assert 'href="/en/provinces/' in html.split('class="adopters"')[1]  # units in English


def test_a_solution_with_no_adopters_still_shows_its_origin_even_a_merged_one(db, client):
    call_centre = make_solution("Tổng đài AI", origin="77")  # Bà Rịa – Vũng Tàu, merged into TP.HCM
    page = client.get(call_centre.url).content.decode()
    assert "Bà Rịa" in page
    assert "Hồ Chí Minh" in page  # the unit it is part of today
    assert page.count('class="map-dot is-origin"') == 1
    assert 'class="map-dot is-adopter"' not in page
    assert "Chưa có tỉnh, thành phố nào khác ghi nhận áp dụng." in page


def test_solution_pages_cost_a_fixed_number_of_queries(db, client):
    hue_s = make_solution("Hue-S", origin="46")
    tell_of(publish_story(parent=province("46")), hue_s)
    adopt(hue_s, "48", story=publish_story(parent=province("48")))
    few = queries_to_render(client, hue_s.url)
    for code in ("01", "20", "22", "37"):
        adopt(hue_s, code, story=publish_story(parent=province(code)))
        tell_of(publish_story(parent=province(code)), hue_s)
    assert queries_to_render(client, hue_s.url) == few <= 20
    assert queries_to_render(client, english_of(hue_s).url) <= 20

    index = ensure_solution_index()
    one = queries_to_render(client, index.url)
    for n in range(3):
        adopt(make_solution(f"Giải pháp {n}", origin="24"), "01")
    # 14: the index's 12, and the site's owner with its About and Contact links (once per version)
    assert queries_to_render(client, index.url) == one <= 14
    assert queries_to_render(client, english_of(index).url) <= 14


def test_the_index_filters_by_theme_status_and_number_of_provinces(db, client):
    hue_s = make_solution("Hue-S", origin="46")
    adopt(hue_s, "48", AdoptionStatus.PILOTING)
    adopt(hue_s, "01", AdoptionStatus.IN_USE)
    testing = make_solution("Xét nghiệm", origin="24", theme="xa-hoi-so")
    adopt(testing, "20", AdoptionStatus.EXPLORING)
    make_solution("Chưa ai dùng", origin="19", theme="kinh-te-so")
    index = ensure_solution_index()

    def listed(query=""):
        response = client.get(f"{index.url}?{query}")
        assert response.status_code == 200
        return [s.title for s in response.context["solutions"]], response.content.decode()

    assert listed()[0] == ["Hue-S", "Xét nghiệm", "Chưa ai dùng"]  # the most adopted first
    assert listed("theme=xa-hoi-so")[0] == ["Xét nghiệm"]
    assert listed("status=piloting")[0] == ["Hue-S"]
    assert listed("status=exploring")[0] == ["Xét nghiệm"]
    assert listed("provinces=2")[0] == ["Hue-S"]
    assert listed("provinces=1&theme=chinh-quyen-so")[0] == ["Hue-S"]
    _, html = listed("theme=chinh-quyen-so")
    assert '<option value="chinh-quyen-so" selected>' in html
    assert "chưa được nơi khác áp dụng" not in html
    assert "chưa được nơi khác áp dụng" in listed("theme=kinh-te-so")[1]
    html = client.get(english_of(index).url + "?provinces=1").content.decode()
    assert "EN Hue-S" in html and "EN Xét nghiệm" in html and "EN Chưa ai dùng" not in html


def test_unknown_filter_values_are_named_and_left_out(db, client):
    make_solution("Hue-S", origin="46")
    index = ensure_solution_index()
    for query, named in (
        ("theme=chinh-quyen", "chinh-quyen"),
        ("status=<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ("provinces=4", "4"),
        ("provinces=" + "9" * 500, "9" * 40),
    ):
        response = client.get(f"{index.url}?{query}")
        assert response.status_code == 200
        html = response.content.decode()
        assert 'role="alert"' in html and f"“{named}”" in html
        assert [s.title for s in response.context["solutions"]] == ["Hue-S"]


def test_editors_and_moderators_see_who_may_write_solutions(db, django_user_model):
    index = ensure_solution_index()
    moderator = django_user_model.objects.create_user("m", "m@example.vn", "password")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    assert index.permissions_for_user(moderator).can_add_subpage()
    assert english_of(index).permissions_for_user(moderator).can_publish()
    editor = django_user_model.objects.create_user("e", "e@example.vn", "password")
    editor.groups.add(Group.objects.get(name="Biên tập – Đà Nẵng"))
    assert not index.permissions_for_user(editor).can_add_subpage()
