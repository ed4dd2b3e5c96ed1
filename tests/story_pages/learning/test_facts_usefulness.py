"""The "Was this useful?" question: anonymous, once per address per story per day, from T63's own pages
only, and seen only by the province's team and the moderators."""

from datetime import timedelta

import lxml.html
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from story_pages.learning.usefulness import UsefulnessDay
from tests.factories import province, publish_story

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture
def story(db):
    return publish_story(parent=province("24"), title="Bắc Giang số hoá xét nghiệm")


def answer_url(story):
    return reverse("story_usefulness", args=(story.pk,))


def counts(story):
    return list(UsefulnessDay.objects.filter(story=story).values_list("day", "useful", "not_useful"))


def test_the_story_page_has_a_plain_form_and_no_cookie(client, story):
    response = client.get(story.url)
    assert not response.cookies
    form = lxml.html.fromstring(response.content).xpath("//section[@id='useful']//form")[0]
    assert form.get("method") == "post" and form.get("action") == answer_url(story)
    assert [b.get("value") for b in form.xpath(".//button")] == ["yes", "no"]
    assert not form.xpath(".//input[@name='csrfmiddlewaretoken']")  # the page is cached for everyone


def test_an_answer_is_counted_once_per_address_per_day_and_the_reader_is_thanked(client, story):
    today = timezone.localdate()
    response = client.post(answer_url(story), {"answer": "yes"}, REMOTE_ADDR="203.0.113.7", **SAME_ORIGIN)
    assert response.status_code == 303
    assert response["Location"] == f"{story.url}?useful=thanks#useful"
    assert not response.cookies
    client.post(answer_url(story), {"answer": "no"}, REMOTE_ADDR="203.0.113.7", **SAME_ORIGIN)  # again
    client.post(answer_url(story), {"answer": "no"}, REMOTE_ADDR="198.51.100.2", **SAME_ORIGIN)
    assert counts(story) == [(today, 1, 1)]
    thanked = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn" in thanked and "203.0.113.7" not in thanked


def test_the_address_is_never_stored(client, story):
    client.post(answer_url(story), {"answer": "yes"}, REMOTE_ADDR="203.0.113.7", **SAME_ORIGIN)
    row = UsefulnessDay.objects.get(story=story)
    assert "203.0.113.7" not in str({f.name: getattr(row, f.attname) for f in row._meta.fields})


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {},  # neither header: not a browser on T63's page
    ],
)
def test_a_post_from_another_site_is_refused(client, story, headers):
    response = client.post(answer_url(story), {"answer": "yes"}, **headers)
    assert response.status_code == 403
    assert counts(story) == []


def test_the_origin_header_alone_is_enough_from_this_site(client, story):
    response = client.post(answer_url(story), {"answer": "yes"}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 303 and counts(story)[0][1] == 1


def test_get_is_refused_and_so_are_bad_answers_and_unknown_stories(client, story):
    assert client.get(answer_url(story)).status_code == 405
    assert client.post(answer_url(story), {"answer": "maybe"}, **SAME_ORIGIN).status_code == 400
    assert (
        client.post(reverse("story_usefulness", args=(999999,)), {"answer": "yes"}, **SAME_ORIGIN).status_code
        == 404
    )
    assert counts(story) == []


def test_the_endpoint_costs_a_few_queries(client, story, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):  # the first answer of the day inserts the row
        client.post(answer_url(story), {"answer": "yes"}, REMOTE_ADDR="203.0.113.1", **SAME_ORIGIN)
    with django_assert_max_num_queries(4):
        client.post(answer_url(story), {"answer": "yes"}, REMOTE_ADDR="203.0.113.2", **SAME_ORIGIN)


def person(client, django_user_model, username, *args):
    call_command("create_editor", username, *args, "--password", "mật-khẩu-dài-123", verbosity=0)
    client.force_login(django_user_model.objects.get(username=username))
    return client


def test_the_figures_are_for_the_provinces_team_and_the_moderators_only(client, django_user_model, story):
    today = timezone.localdate()
    UsefulnessDay.objects.create(story=story, day=today, useful=7, not_useful=2)
    UsefulnessDay.objects.create(story=story, day=today - timedelta(days=40), useful=5, not_useful=1)
    edit = reverse("wagtailadmin_pages:edit", args=(story.pk,))

    def panel(response):
        tree = lxml.html.fromstring(response.content)
        rows = tree.xpath("//div[@class='t63-usefulness']//tbody/tr")
        return [[cell.text_content().strip() for cell in row] for row in rows]

    # Bắc Giang is part of Bắc Ninh (unit 24 today): its team.
    team = person(client, django_user_model, "btbn", "--unit", "24")
    rows = panel(team.get(edit))
    assert rows[0] == ["Từ đầu đến nay", "12", "3"]
    assert rows[1] == ["30 ngày gần nhất", "7", "2"]
    client.logout()
    moderator = person(client, django_user_model, "kd", "--moderator")
    assert panel(moderator.get(edit))[0] == ["Từ đầu đến nay", "12", "3"]
    client.logout()
    other = person(client, django_user_model, "bthue", "--unit", "46")
    response = other.get(edit)
    assert response.status_code in (302, 403) or panel(response) == []
    client.logout()
    assert "t63-usefulness" not in client.get(story.url).content.decode()  # never shown to readers
