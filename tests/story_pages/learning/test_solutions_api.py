"""/api/v2/solutions/ and the solutions a story tells of, in the stories API."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from story_pages import content_version
from story_pages.learning.adoptions import AdoptionStatus
from tests.factories import province, publish_story
from tests.story_pages.learning.solution_factories import adopt, english_of, make_solution, tell_of


def queries_for(client, url):
    content_version.bump()  # past the API's response cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.json()


def test_the_listing_gives_adopters_by_unit_code_in_a_fixed_number_of_queries(db, client):
    hue_s = make_solution("Hue-S", origin="46")
    adopt(hue_s, "49", AdoptionStatus.PILOTING)  # Quảng Nam: recorded for Đà Nẵng, its unit
    adopt(hue_s, "01")
    adopt(hue_s, "20", approved=False)  # waiting: not public
    make_solution("Sổ tay đảng viên", origin="19")
    tell_of(publish_story(parent=province("46")), hue_s)

    few, body = queries_for(client, "/api/v2/solutions/?locale=vi")
    assert body["meta"]["total_count"] == 2
    first = body["items"][0]
    assert first["title"] == "Hue-S"
    assert [(a["unit"]["code"], a["status"]["code"]) for a in first["adopters"]] == [
        ("01", "in-use"),
        ("48", "piloting"),
    ]
    assert first["adopters"][0]["since"] == "2022-05-01"
    assert first["origin"] == {
        "province": {"code": "46", "name": "Thừa Thiên Huế"},
        "unit": {"code": "46", "name": first["origin"]["unit"]["name"]},
    }
    assert body["items"][1]["adopters"] == []  # no adopter: still its origin
    assert body["items"][1]["origin"]["province"]["code"] == "19"

    for n in range(3):
        extra = make_solution(f"Giải pháp {n}", origin="24")
        adopt(extra, "01")
        tell_of(publish_story(parent=province("24")), extra)
    more, body = queries_for(client, "/api/v2/solutions/?locale=vi")
    assert body["meta"]["total_count"] == 5
    assert more == few <= 8


def test_the_detail_in_english_and_its_stories(db, client):
    hue_s = make_solution("Hue-S", origin="46")
    adopt(hue_s, "48")
    story = tell_of(publish_story(title="Hue-S ở Huế", parent=province("46")), hue_s)
    english = english_of(hue_s)

    count, body = queries_for(client, f"/api/v2/solutions/{english.pk}/")
    assert body["locale"] == "en" and body["title"] == "EN Hue-S"
    assert [a["unit"]["code"] for a in body["adopters"]] == ["48"]
    assert body["stories"] == []  # the story has no English translation
    assert count <= 8
    _, body = queries_for(client, f"/api/v2/solutions/{hue_s.pk}/")
    assert [(s["id"], s["title"]) for s in body["stories"]] == [(story.pk, "Hue-S ở Huế")]


def test_filters_and_unknown_values(db, client):
    hue_s = make_solution("Hue-S", origin="46")
    adopt(hue_s, "48", AdoptionStatus.PILOTING)
    adopt(hue_s, "01", AdoptionStatus.PILOTING)
    make_solution("Xét nghiệm", origin="24", theme="xa-hoi-so", english=False)

    def titles(query):
        response = client.get(f"/api/v2/solutions/?locale=vi&{query}")
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["items"]]

    assert titles("theme=xa-hoi-so") == ["Xét nghiệm"]
    assert titles("status=piloting") == ["Hue-S"]
    assert titles("status=in-use") == []
    assert titles("min_provinces=2") == ["Hue-S"]
    assert titles("min_provinces=0") == ["Hue-S", "Xét nghiệm"]
    assert titles("unit=48") == ["Hue-S"]
    for bad in ("theme=so", "status=used", "min_provinces=²", "min_provinces=-1", "unit=4", "colour=red"):
        response = client.get(f"/api/v2/solutions/?{bad}")
        assert response.status_code == 400, bad
        assert bad.split("=")[0] in response.json()["message"]
    assert client.get("/api/v2/solutions/?locale=fr").status_code == 400
    assert client.get(f"/api/v2/solutions/{hue_s.pk}/?theme=x").status_code == 400
    assert client.get("/api/v2/solutions/99999999999999999999/").status_code == 404


def test_a_story_lists_its_solutions_in_the_stories_api(db, client):
    hue_s = make_solution("Hue-S", origin="46")
    story = tell_of(publish_story(parent=province("46")), hue_s)
    plain = publish_story(parent=province("46"))

    detail = client.get(f"/api/v2/stories/{story.pk}/").json()
    assert detail["solutions"] == [{"id": hue_s.pk, "title": "Hue-S", "url": hue_s.full_url}]
    assert client.get(f"/api/v2/stories/{plain.pk}/").json()["solutions"] == []
    listing = client.get("/api/v2/stories/?province=46").json()
    assert {item["id"]: len(item["solutions"]) for item in listing["items"]} == {story.pk: 1, plain.pk: 0}
