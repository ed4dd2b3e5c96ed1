"""Calls for stories: the stories answering a call, and the ministry's report of the units."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from story_pages.editorial.teams import MODERATORS, editors_group_name, sync_teams
from story_pages.learning.calls import unit_answers
from tests.factories import StoryPageFactory, province, publish_story, translate_into_english
from tests.rendering import queries_to_render
from tests.story_pages.learning.events_pages import call_for_stories

pytestmark = pytest.mark.django_db


def test_the_call_lists_the_published_stories_that_answer_it_in_each_language(client):
    call = call_for_stories()
    answer = publish_story(title="Bắc Giang trả lời lời kêu gọi", answers_call=call)
    draft = StoryPageFactory(title="Bản nháp trả lời", answers_call=call)
    other = publish_story(title="Câu chuyện khác")
    html = client.get(call.url).content.decode()
    assert answer.title in html
    assert draft.title not in html and other.title not in html

    english_call, _ = translate_into_english(call)
    english_answer, _ = translate_into_english(answer)
    english_html = client.get(english_call.url).content.decode()
    assert english_answer.title in english_html  # the story's own call field stays the Vietnamese call
    assert answer.title not in english_html.replace(english_answer.title, "")


def test_the_ministry_sees_which_of_the_34_units_answered():
    call = call_for_stories()
    publish_story(parent=province("24"), answers_call=call)  # Bắc Giang: the unit now named Bắc Ninh
    publish_story(parent=province("77"), answers_call=call)  # Bà Rịa – Vũng Tàu, merged into Hồ Chí Minh City
    StoryPageFactory(parent=province("46"), answers_call=call)  # Huế: a draft still counts as working on it
    publish_story(parent=province("01"))  # Hà Nội: a story, but not for this call
    answers = {a.unit.code: a for a in unit_answers(call)}
    assert len(answers) == 34
    assert answers["24"].published == 1 and answers["24"].unit.display_current_name == "Tỉnh Bắc Ninh"
    assert answers["79"].published == 1  # the merged province counts for its unit
    assert answers["46"].in_progress == 1 and answers["46"].answered
    assert not answers["01"].answered
    assert sum(a.answered for a in answers.values()) == 3
    # Those who answered come first.
    assert all(a.answered for a in unit_answers(call)[:3])


def test_only_moderators_read_the_report(client, django_user_model):
    call = call_for_stories()
    sync_teams()  # the moderators curate the conference index, where the call is
    publish_story(parent=province("24"), answers_call=call)
    url = reverse("t63_call_unit_answers", args=(call.pk,))
    editor = django_user_model.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name=editors_group_name(province("24"))))
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)

    moderator = django_user_model.objects.create_user("moderator", password="x")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 of 34" in html or "1 trên 34" in html or "1/34" in html
    assert '<th scope="row">Tỉnh Bắc Ninh</th><td>1</td>' in html  # Bắc Giang's story, counted for its unit
    # The call's admin page offers the report to moderators.
    assert url in client.get(reverse("wagtailadmin_pages:edit", args=(call.pk,))).content.decode()


def test_the_call_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    call = call_for_stories()
    for _ in range(2):
        publish_story(answers_call=call)
    before = queries_to_render(client, call.url)
    for code in ("01", "46", "79", "77"):
        publish_story(parent=province(code), answers_call=call)
    assert queries_to_render(client, call.url) == before
    with django_assert_max_num_queries(20):
        client.get(call.url)
