"""Case facts on a story: what the editor may enter, the facts box readers see, listings by stage."""

from datetime import date

import lxml.html
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from story_pages.models import StoryPage
from tests.factories import province, publish_story, translate_into_english
from tests.rendering import queries_to_render
from tests.story_pages.admin_forms import paragraph_data, story_form_data

FACTS = {
    "case_problem": "Phản ánh của người dân đến nhiều nơi và xử lý chậm.",
    "case_started": date(2018, 10, 1),
    "case_stage": "scaled",
    "case_cost": "2,5 tỷ đồng",
    "case_partners": "VNPT Thừa Thiên Huế\nTrung tâm Giám sát, điều hành đô thị thông minh",
    "case_contact_email": "hues@thuathienhue.gov.vn",
    "case_contact_phone": "0234 3822 123",
}


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", parent.pk))


def facts_box(html: str):
    tree = lxml.html.fromstring(html)
    sections = tree.xpath("//section[@aria-labelledby='case-facts-heading']")
    if not sections:
        return None
    section = sections[0]
    terms = [dt.text_content().strip() for dt in section.xpath(".//dl/dt")]
    details = [" ".join(" ".join(dd.itertext()).split()) for dd in section.xpath(".//dl/dd")]
    return section.xpath(".//h2")[0].text_content(), dict(zip(terms, details, strict=True))


def test_an_end_before_the_start_is_refused_in_the_editors_language(db, vietnamese):
    story = StoryPage(case_started=date(2022, 5, 1), case_ended=date(2021, 5, 1))
    with pytest.raises(ValidationError) as refused:
        story.clean()
    assert refused.value.message_dict["case_ended"] == [
        "Ngày kết thúc sớm hơn ngày bắt đầu: dự án phải kết thúc sau khi bắt đầu."
    ]
    StoryPage(case_started=date(2021, 5, 1), case_ended=date(2021, 5, 1)).clean()  # one day is a period


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("case_contact_email", "nguyenvana@gmail.com", "gmail.com là hộp thư cá nhân"),
        ("case_contact_email", "khong-phai-thu", "địa chỉ email hợp lệ"),
        ("case_contact_phone", "gọi anh Nam", "Không phải số điện thoại"),
        ("case_contact_phone", "12345", "Không phải số điện thoại"),
    ],
)
def test_the_admin_refuses_a_private_mailbox_or_a_bad_phone(
    admin_client, db, vietnamese, field, value, message
):
    data = story_form_data([paragraph_data("Hue-S.")], **{field: value})
    response = admin_client.post(add_url(province("46")), data)
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert any(message in error for error in errors), errors
    assert not StoryPage.objects.filter(slug="bac-giang-so-hoa-xet-nghiem").exists()


def test_the_admin_saves_the_facts_and_a_story_without_them(admin_client, db):
    facts = {
        **FACTS,
        "case_started": "2018-10-01",
        "case_ended": "",
        "case_contact_phone": "+84 234 3822 123",
    }
    response = admin_client.post(
        add_url(province("46")), story_form_data([paragraph_data("Hue-S.")], **facts)
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="bac-giang-so-hoa-xet-nghiem", locale__language_code="vi")
    assert story.case_stage == "scaled"
    assert story.case_partner_list == [
        "VNPT Thừa Thiên Huế",
        "Trung tâm Giám sát, điều hành đô thị thông minh",
    ]
    assert story.case_phone_href == "+842343822123"
    response = admin_client.post(
        add_url(province("24")), story_form_data([paragraph_data("Bắc Giang.")], slug="khong-co-thong-tin")
    )
    assert response.status_code == 302


def test_the_facts_box_in_vietnamese_and_in_english(client, db):
    story = publish_story(parent=province("46"), **FACTS, case_ended=date(2024, 12, 31))
    heading, facts = facts_box(client.get(story.url).content.decode())
    assert heading == "Thông tin triển khai"
    assert facts == {
        "Vấn đề đã giải quyết": FACTS["case_problem"],
        "Thời gian": "01/10/2018 – 31/12/2024",
        "Giai đoạn": "Nhân rộng toàn tỉnh",
        "Kinh phí": "2,5 tỷ đồng",
        "Đơn vị phối hợp": "VNPT Thừa Thiên Huế Trung tâm Giám sát, điều hành đô thị thông minh",
        "Liên hệ đơn vị triển khai": "hues@thuathienhue.gov.vn · 0234 3822 123",
    }
    english, _ = translate_into_english(story)
    html = client.get(english.url).content.decode()
    heading, facts = facts_box(html)
    assert heading == "Implementation facts"
    assert facts["Problem solved"] == f"EN {FACTS['case_problem']}"  # translated with the story
    assert facts["Stage"] == "Scaled to the whole province"
    assert facts["Partners"].startswith("EN VNPT")
    assert facts["Contact the team"] == "hues@thuathienhue.gov.vn · 0234 3822 123"  # synchronised
    assert 'href="tel:02343822123"' in html


def test_a_story_without_facts_has_no_box_and_an_open_period_says_so(client, db):
    bare = publish_story(parent=province("24"))
    assert facts_box(client.get(bare.url).content.decode()) is None
    running = publish_story(parent=province("20"), case_started=date(2021, 12, 1))
    assert facts_box(client.get(running.url).content.decode())[1] == {"Thời gian": "01/12/2021 – nay"}


def test_the_facts_cost_no_query_per_fact(client, db):
    bare = publish_story(parent=province("24"))
    with_facts = publish_story(parent=province("20"), **FACTS)
    assert queries_to_render(client, with_facts.url) <= queries_to_render(client, bare.url)


def test_province_and_theme_listings_filter_by_stage(client, db):
    pilot = publish_story(parent=province("46"), title="Thí điểm Hue-S", case_stage="pilot")
    scaled = publish_story(parent=province("46"), title="Hue-S toàn tỉnh", case_stage="scaled")
    hue = province("46").url
    for url in (hue, "/chu-de/chinh-quyen-so/"):
        titles = [s.title for s in client.get(f"{url}?stage=pilot").context["stories"]]
        assert titles == [pilot.title]
        all_titles = {s.title for s in client.get(f"{url}?stage=unknown").context["stories"]}
        assert {pilot.title, scaled.title} <= all_titles  # an unknown stage filters nothing
        tree = lxml.html.fromstring(client.get(f"{url}?stage=scaled").content)
        nav = tree.xpath("//nav[@aria-label='Lọc câu chuyện']//*[contains(@class, 'filter-stage')]")[0]
        assert nav.xpath(".//a[@aria-current='page']")[0].text == "Nhân rộng toàn tỉnh"
        assert f"{url}?stage=pilot" in nav.xpath(".//a/@href")
