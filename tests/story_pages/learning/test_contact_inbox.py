"""Who reads which questions: each of the 34 units' teams only its own, the ministry's moderators
all of them, nobody else any."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from story_pages.models import ContactRequest, ProvincePage, ProvinceStatus
from tests.story_pages.learning.contact_helpers import moderator, team_member

INBOX = reverse("contact_inbox:index")


def detail_url(contact):
    return reverse("contact_inbox:detail", args=[contact.pk])


@pytest.fixture
def questions(db):
    """One question waiting for each of the 34 current units, from a reader named after it."""
    units = ProvincePage.objects.filter(locale__language_code="vi", status=ProvinceStatus.CURRENT)
    made = {
        unit.code: ContactRequest.objects.create(
            unit=unit,
            story_title=f"Câu chuyện của {unit.title}",
            name=f"Bạn đọc hỏi {unit.code}",
            email=f"reader{unit.code}@example.vn",
            message="Xin hỏi cách triển khai.",
        )
        for unit in units
    }
    assert len(made) == 34
    return made


def test_each_of_the_34_teams_reads_only_its_own_questions(client, django_user_model, questions):
    codes = sorted(questions)
    for position, code in enumerate(codes):
        client.force_login(team_member(django_user_model, f"team{code}", code))
        listing = client.get(INBOX + "?state=all").content.decode()
        shown = {other for other in codes if f"Bạn đọc hỏi {other}<" in listing}
        assert shown == {code}, code
        assert client.get(detail_url(questions[code])).status_code == 200
        another = questions[codes[(position + 1) % len(codes)]]
        assert client.get(detail_url(another)).status_code == 403, code
        assert client.post(detail_url(another), {"handled": "1"}).status_code == 403, code
    assert not ContactRequest.objects.filter(handled=True).exists()


def test_a_merged_provinces_code_joins_its_units_team(client, django_user_model, questions):
    """Quảng Nam's editors are Đà Nẵng's team (create_editor takes either code)."""
    client.force_login(team_member(django_user_model, "quangnam", "49"))
    assert client.get(detail_url(questions["48"])).status_code == 200


def test_moderators_read_every_question(client, django_user_model, questions):
    client.force_login(moderator(django_user_model))
    listing = client.get(INBOX).content.decode()
    assert all(f"Bạn đọc hỏi {code}<" in listing for code in questions)
    assert client.get(detail_url(questions["01"])).status_code == 200


@pytest.mark.parametrize("kind", ["translator", "no group"])
def test_nobody_else_reads_any(client, django_user_model, questions, kind):
    if kind == "translator":
        call_command("create_editor", "biendich", "--translator", verbosity=0)
        user = django_user_model.objects.get(username="biendich")
    else:
        from django.contrib.auth.models import Permission

        user = django_user_model.objects.create_user("staff")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refusal = client.get(INBOX)
    assert refusal.status_code == 403 and "Chỉ đơn vị triển khai" in refusal.content.decode()
    assert client.get(detail_url(questions["01"])).status_code == 403
    assert INBOX not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, questions):
    response = client.get(detail_url(questions["01"]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_team_sees_the_inbox_in_its_menu_and_marks_a_question_handled(
    client, django_user_model, questions
):
    user = team_member(django_user_model, "hanoi", "01")
    client.force_login(user)
    assert INBOX in client.get(reverse("wagtailadmin_home")).content.decode()
    page = client.get(detail_url(questions["01"])).content.decode()
    assert "reader01@example.vn" in page and "Xin hỏi cách triển khai." in page
    response = client.post(detail_url(questions["01"]), {"handled": "1"})
    assert response.status_code == 302
    questions["01"].refresh_from_db()
    assert questions["01"].handled and questions["01"].handled_by == user
    assert "Bạn đọc hỏi 01<" not in client.get(INBOX).content.decode()  # open ones by default
    assert "Bạn đọc hỏi 01<" in client.get(INBOX + "?state=handled").content.decode()


def queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_inbox_costs_the_same_for_one_question_or_many(client, django_user_model, questions):
    client.force_login(moderator(django_user_model))
    many = queries(client, INBOX)
    ContactRequest.objects.exclude(pk=questions["01"].pk).delete()
    assert queries(client, INBOX) == many
    assert many <= 13  # the admin's own (session, user, menu, locale) and ours: who, count, page
    assert queries(client, detail_url(questions["01"])) <= 13
