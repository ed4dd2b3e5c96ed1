"""Case facts where machines read them: the API (with ?stage=), ninjs and the page's JSON-LD."""

from datetime import date

import extruct
import pytest

from tests.factories import province, publish_story, translate_into_english
from tests.story_pages.distribution.test_ninjs import validator

STORIES = "/api/v2/stories/"
FACTS = {
    "case_problem": "Hàng chục nghìn mẫu xét nghiệm mỗi ngày được ghi tay.",
    "case_started": date(2021, 5, 15),
    "case_ended": date(2022, 3, 31),
    "case_stage": "ended",
    "case_cost": "2,5 tỷ đồng",
    "case_partners": "Sở Y tế tỉnh Bắc Giang\nViettel Bắc Giang",
    "case_contact_email": "stttt@bacgiang.gov.vn",
    "case_contact_phone": "0204 3854 163",
}


@pytest.fixture
def with_facts(db):
    return publish_story(parent=province("24"), title="Bắc Giang số hoá xét nghiệm", **FACTS)


@pytest.fixture
def bare(db):
    return publish_story(parent=province("46"), title="Hue-S")


def test_the_story_carries_its_case_in_its_own_language(client, with_facts, bare):
    case = client.get(f"{STORIES}{with_facts.pk}/").json()["case"]
    assert case == {
        "problem": FACTS["case_problem"],
        "started": "2021-05-15",
        "ended": "2022-03-31",
        "stage": {"code": "ended", "label": "Đã kết thúc"},
        "cost": "2,5 tỷ đồng",
        "partners": ["Sở Y tế tỉnh Bắc Giang", "Viettel Bắc Giang"],
        "contact": {"email": "stttt@bacgiang.gov.vn", "phone": "0204 3854 163"},
    }
    english, _ = translate_into_english(with_facts)
    english_case = client.get(f"{STORIES}{english.pk}/").json()["case"]
    assert english_case["stage"] == {"code": "ended", "label": "Ended"}
    assert english_case["problem"] == f"EN {FACTS['case_problem']}"
    assert client.get(f"{STORIES}{bare.pk}/").json()["case"] == {
        "problem": None,
        "started": None,
        "ended": None,
        "stage": None,
        "cost": None,
        "partners": [],
        "contact": {"email": None, "phone": None},
    }


def test_the_listing_filters_by_stage_and_carries_the_case(
    client, with_facts, bare, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        items = client.get(f"{STORIES}?stage=ended").json()["items"]
    assert [item["id"] for item in items] == [with_facts.pk]
    assert items[0]["case"]["stage"]["code"] == "ended"
    assert client.get(f"{STORIES}?stage=pilot").json()["items"] == []
    listed = {item["id"] for item in client.get(STORIES).json()["items"]}
    assert {with_facts.pk, bare.pk} <= listed


def test_an_unknown_stage_is_a_400_naming_the_allowed_values(client, db):
    response = client.get(f"{STORIES}?stage=nhan-rong")
    assert response.status_code == 400
    assert response.json()["message"] == (
        "stage: unknown value 'nhan-rong'; use one of pilot, in-use, scaled, replicated, ended"
    )


def test_the_openapi_description_lists_the_stage_filter_and_the_case(client, db):
    description = client.get("/api/v2/openapi.json").json()
    parameters = description["paths"]["/api/v2/stories/"]["get"]["parameters"]
    stage = next(p for p in parameters if p.get("name") == "stage")
    assert stage["schema"]["enum"] == ["pilot", "in-use", "scaled", "replicated", "ended"]
    assert "case" in description["components"]["schemas"]["Story"]["required"]


@pytest.mark.parametrize(("query", "version"), [("", "3.1"), ("?version=1", "1.6")])
def test_ninjs_with_facts_stays_valid(client, with_facts, bare, query, version):
    for story in (with_facts, bare):
        document = client.get(f"{STORIES}{story.pk}/ninjs/{query}").json()
        assert [error.message for error in validator(version).iter_errors(document)] == []


def test_ninjs_carries_the_facts(client, with_facts):
    three = client.get(f"{STORIES}{with_facts.pk}/ninjs/").json()
    descriptions = {d["role"]: d["value"] for d in three["descriptions"]}
    assert descriptions["problem"] == FACTS["case_problem"]
    assert descriptions["period"] == "2021-05-15/2022-03-31"
    assert descriptions["cost"] == "2,5 tỷ đồng"
    assert {"name": "Đã kết thúc", "rel": "stage", "literal": "ended"} in three["subjects"]
    organisations = three["organisations"]
    assert [o["name"] for o in organisations if o["rel"] == "partner"] == [
        "Sở Y tế tỉnh Bắc Giang",
        "Viettel Bắc Giang",
    ]
    team = next(o for o in organisations if o["rel"] == "implementer")
    assert {c["value"] for c in team["contactInfo"]} == {"stttt@bacgiang.gov.vn", "0204 3854 163"}
    one = client.get(f"{STORIES}{with_facts.pk}/ninjs/?version=1").json()
    assert one["description_problem"] == FACTS["case_problem"]
    assert {"name": "Đã kết thúc", "rel": "stage", "code": "ended"} in one["subject"]
    assert one["description_contact"] == "stttt@bacgiang.gov.vn; 0204 3854 163"


def test_the_json_ld_is_about_the_project(client, with_facts, bare):
    html = client.get(with_facts.url).content.decode()
    [article] = extruct.extract(html, base_url="http://testserver/", syntaxes=["json-ld"])["json-ld"]
    project = article["about"]
    assert project["@type"] == "Project"
    assert project["description"] == FACTS["case_problem"]
    assert (project["foundingDate"], project["dissolutionDate"]) == ("2021-05-15", "2022-03-31")
    assert [m["name"] for m in project["member"]] == ["Sở Y tế tỉnh Bắc Giang", "Viettel Bắc Giang"]
    assert project["contactPoint"]["email"] == "stttt@bacgiang.gov.vn"
    properties = {p["propertyID"]: p for p in project["additionalProperty"]}
    assert properties["stage"]["value"] == "Đã kết thúc" and properties["stage"]["valueReference"] == "ended"
    assert properties["cost"]["value"] == "2,5 tỷ đồng"
    html = client.get(bare.url).content.decode()
    [article] = extruct.extract(html, base_url="http://testserver/", syntaxes=["json-ld"])["json-ld"]
    assert "about" not in article
