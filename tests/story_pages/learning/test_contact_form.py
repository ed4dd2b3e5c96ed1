"""The "Ask the team" form: a reader's question reaches the province's team and is acknowledged;
robots, floods and header injection are refused in Vietnamese, with nothing stored or sent."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from story_pages.learning.contact_form import issue_token
from story_pages.models import ContactRequest, StoryPage
from tests.factories import province
from tests.story_pages.learning.contact_helpers import PERSON, filled, moderator, quang_nam_story, team_member


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Runs what a request queues once its transaction commits (the e-mail task)."""
    return django_capture_on_commit_callbacks


@pytest.fixture
def story(db):
    return quang_nam_story()


def contact_url(story, language="vi"):
    with translation.override(language):
        return reverse("story_contact", args=[story.pk])


def test_the_story_page_links_to_its_contact_form(client, story):
    page = client.get(story.url).content.decode()
    assert "Hỏi đơn vị triển khai" in page
    assert f'href="/lien-he/{story.pk}/"' in page


def test_an_untranslated_english_alias_links_to_the_originals_form(client, story):
    alias = StoryPage.objects.get(alias_of=story)
    page = client.get(alias.url).content.decode()
    assert f'href="/en/contact-the-team/{story.pk}/"' in page
    assert client.get(f"/en/contact-the-team/{alias.pk}/").status_code == 404  # aliases are not stories


def test_the_form_says_what_is_kept_and_for_how_long_and_is_never_cached(client, story, settings):
    settings.T63_CONTACT_RETENTION_DAYS = 90
    response = client.get(contact_url(story))
    page = response.content.decode()
    assert response.status_code == 200
    assert "90 ngày" in page and "Đà Nẵng" in page
    assert 'class="contact-trap" aria-hidden="true"' in page and 'tabindex="-1"' in page
    assert "csrfmiddlewaretoken" in page
    assert "no-store" in response["Cache-Control"]
    english = client.get(contact_url(story, "en"))
    assert english.status_code == 200 and english.wsgi_request.path == f"/en/contact-the-team/{story.pk}/"
    assert "Ask the team behind this story" in english.content.decode()


def test_a_valid_question_is_stored_and_mailed_to_the_team_and_acknowledged(
    client, story, django_user_model, commits
):
    team_member(django_user_model, "danang1", "48", "bientap1@danang.gov.vn")
    team_member(django_user_model, "danang2", "48", "bientap2@danang.gov.vn")
    team_member(django_user_model, "hanoi", "01", "bientap@hanoi.gov.vn")
    moderator(django_user_model)
    with commits(execute=True):
        response = client.post(contact_url(story), filled(story))
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    assert "Cảm ơn" in client.get(response["Location"]).content.decode()

    contact = ContactRequest.objects.get()
    assert (contact.story, contact.unit) == (story, province("48"))
    assert (contact.name, contact.email) == (PERSON["name"], PERSON["email"])
    assert contact.message == PERSON["message"]
    assert not contact.handled

    team, acknowledgement = mail.outbox
    assert team.to == ["bientap1@danang.gov.vn", "bientap2@danang.gov.vn"]
    assert team.reply_to == [PERSON["email"]]
    assert story.title in team.subject
    assert PERSON["message"] in team.body and PERSON["organisation"] in team.body
    assert f"/admin/contact_inbox/{contact.pk}/" in team.body
    assert acknowledgement.to == [PERSON["email"]]
    assert story.title in acknowledgement.subject and "Đà Nẵng" in acknowledgement.body
    # Not a relay: the sender's own words do not go back out to the address they typed.
    assert PERSON["message"] not in acknowledgement.body and PERSON["name"] not in acknowledgement.body
    assert "180 ngày" in acknowledgement.body


def test_an_english_reader_is_acknowledged_in_english(client, story, commits):
    with commits(execute=True):
        client.post(contact_url(story, "en"), filled(story))
    assert ContactRequest.objects.get().language == "en"
    assert mail.outbox[-1].subject.startswith("T63: your question about")


def test_a_team_without_an_address_reaches_the_moderators(client, story, django_user_model, commits):
    moderator(django_user_model)
    with commits(execute=True):
        client.post(contact_url(story), filled(story))
    assert mail.outbox[0].to == ["kiemduyet@mic.gov.vn"]


def refused(client, story, data, commits, status=400) -> str:
    before = ContactRequest.objects.count()
    with commits(execute=True):
        response = client.post(contact_url(story), data)
    assert response.status_code == status
    assert ContactRequest.objects.count() == before
    assert mail.outbox == []
    return response.content.decode()


def test_a_filled_honeypot_is_refused(client, story, commits):
    page = refused(client, story, filled(story, website="http://spam.example"), commits)
    assert "một ô phải để trống đã được điền" in page


def test_a_submit_faster_than_a_person_is_refused(client, story, settings, commits):
    settings.T63_CONTACT_MIN_SECONDS = 5
    page = refused(client, story, filled(story, seconds_ago=1), commits)
    assert "gửi quá nhanh" in page


@pytest.mark.parametrize(
    "started",
    ["", "not-a-token", "tampered"],
)
def test_a_missing_or_tampered_time_is_refused(client, story, started, commits):
    if started == "tampered":  # a valid token with its last character changed
        token = issue_token(story.pk, 0)
        started = token[:-1] + ("A" if token[-1] != "A" else "B")
    page = refused(client, story, filled(story, started=started), commits)
    assert "không kiểm tra được biểu mẫu" in page


def test_a_time_made_for_another_story_is_refused(client, story, commits):
    data = filled(story, started=issue_token(story.pk + 1000, 0))
    assert "không kiểm tra được biểu mẫu" in refused(client, story, data, commits)


@pytest.mark.parametrize(
    ("field", "length"),
    [("name", 101), ("organisation", 201), ("message", 3001), ("email", 255)],
)
def test_oversized_fields_are_refused(client, story, field, length, commits):
    value = "a" * (length - len("@laocai.gov.vn")) + "@laocai.gov.vn" if field == "email" else "a" * length
    page = refused(client, story, filled(story, **{field: value}), commits)
    assert f"tối đa {length - 1} kí tự" in page


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "An\r\nBcc: victim@example.com"),
        ("name", "An\n"),
        ("organisation", "Sở\rX-Spam: yes"),
        ("email", "an@laocai.gov.vn\r\nBcc: victim@example.com"),
        ("email", "an@laocai.gov.vn\n"),
    ],
)
def test_line_breaks_in_header_fields_are_refused(client, story, field, value, commits):
    page = refused(client, story, filled(story, **{field: value}), commits)
    assert "Không được xuống dòng trong ô này." in page


def test_the_limit_per_address_answers_429_in_vietnamese(client, story, settings, commits):
    settings.T63_RATE_LIMIT_CONTACT = "2/3600"
    with commits(execute=True):
        for _ in range(2):
            assert client.post(contact_url(story), filled(story)).status_code == 302
    mail.outbox.clear()
    page = refused(client, story, filled(story), commits, status=429)
    assert "Bạn đã gửi quá nhiều" in page


def test_another_address_is_not_limited_by_the_first(client, story, settings, commits):
    settings.T63_RATE_LIMIT_CONTACT = "1/3600"
    assert client.post(contact_url(story), filled(story), REMOTE_ADDR="203.0.113.1").status_code == 302
    assert client.post(contact_url(story), filled(story), REMOTE_ADDR="203.0.113.1").status_code == 429
    assert client.post(contact_url(story), filled(story), REMOTE_ADDR="203.0.113.2").status_code == 302


def test_csrf_is_checked(story):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(contact_url(story), filled(story))
    assert response.status_code == 403
    assert not ContactRequest.objects.exists()


def test_an_unpublished_story_has_no_form(client, db):
    from tests.factories import StoryPageFactory

    draft = StoryPageFactory(parent=province("49"))
    assert client.get(contact_url(draft)).status_code == 404


def test_the_form_page_costs_a_few_queries(client, story, django_assert_max_num_queries):
    # restrictions, story, province, unit, site; the site's owner and its About and Contact links
    with django_assert_max_num_queries(7):
        assert client.get(contact_url(story)).status_code == 200


def test_each_visitor_gets_a_fresh_form_never_a_cached_one(client, story):
    from django.test import Client

    first = client.get(contact_url(story)).context["form"]["started"].value()
    second = Client().get(contact_url(story)).context["form"]["started"].value()
    assert first and second and first != second


def test_a_refused_form_keeps_what_was_typed_with_a_new_time(client, story, settings, commits):
    settings.T63_CONTACT_MIN_SECONDS = 5
    old = filled(story, seconds_ago=1)
    with commits(execute=True):
        response = client.post(contact_url(story), old)
    form = response.context["form"]
    assert form["message"].value() == PERSON["message"] and form["website"].value() == ""
    assert form["started"].value() != old["started"]


def test_the_cases_public_address_is_mailed_with_the_team(client, story, django_user_model, commits):
    team_member(django_user_model, "danang1", "48", "bientap1@danang.gov.vn")
    story.case_contact_email = "stttt@danang.gov.vn"
    story.save_revision().publish()
    with commits(execute=True):
        client.post(contact_url(story), filled(story))
    team, acknowledgement = mail.outbox
    assert team.to == ["bientap1@danang.gov.vn", "stttt@danang.gov.vn"]
    assert acknowledgement.to == [PERSON["email"]]
