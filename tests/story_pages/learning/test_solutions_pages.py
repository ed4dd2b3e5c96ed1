"""The solution pages readers see, in both languages."""

from story_pages.learning.adoptions import AdoptionStatus
from tests.factories import publish_story
from tests.story_pages.learning.solution_factories import adopt, english_of, make_solution, tell_of


def test_a_solution_page_shows_what_who_origin_adopters_and_stories_in_both_languages(db, client):
    hue_s = make_solution("Hue-S", origin="46", built_by="Trung tâm điều hành đô thị thông minh Huế")
    adopt(hue_s, "48", AdoptionStatus.PILOTING)
    adopt(hue_s, "44", AdoptionStatus.IN_USE)
    story = publish_story(title="Hue-S ở Huế", parent=__import__("tests.factories").factories.province("46"))
    tell_of(story, hue_s)

    page = client.get(hue_s.url).content.decode()
    assert "Trung tâm điều hành đô thị thông minh Huế" in page
    assert "Hue-S ở Huế" in page
    assert ("Đà Nẵng" in page and "Quảng Bình" in page) or "Quảng Trị" in page
    assert 'class="map-dot is-origin"' in page
    assert page.count('class="map-dot is-adopter"') == 2

    english = client.get(english_of(hue_s).url)
    assert english.status_code == 200
    assert "EN Hue-S" in english.content.decode()
