"""Who may record an adoption for which unit, and the moderation that makes it public."""

from django.contrib.auth.models import Group
from django.urls import reverse

from story_pages.editorial.teams import MODERATORS
from story_pages.learning.adoptions import SolutionAdoption
from tests.factories import province, publish_story
from tests.story_pages.learning.solution_factories import adopt, english_of, make_solution


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.vn", "password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def adopt_url(solution):
    return reverse("t63_adopt_solution", args=[solution.pk])


def form_data(unit, **extra):
    return {"unit": unit.pk, "status": "in-use", "since": "2023-04-01", **extra}


def test_an_editor_records_an_adoption_for_their_own_unit_and_it_waits_for_review(
    db, client, django_user_model
):
    hue_s = make_solution("Hue-S", origin="46")
    editor = member_of(django_user_model, "Biên tập – Đà Nẵng", "danang")
    client.force_login(editor)
    assert client.get(adopt_url(hue_s)).status_code == 200

    response = client.post(adopt_url(hue_s), form_data(province("48")))
    assert response.status_code == 302
    adoption = SolutionAdoption.objects.get()
    assert (adoption.unit.code, adoption.state, adoption.submitted_by) == ("48", "submitted", editor)

    client.logout()
    page = client.get(hue_s.url).content.decode()  # not public until approved
    assert 'class="map-dot is-adopter"' not in page
    assert not hue_s.approved_adoptions().exists()


def test_an_editor_cannot_record_for_another_unit(db, client, django_user_model):
    hue_s = make_solution("Hue-S", origin="46")
    client.force_login(member_of(django_user_model, "Biên tập – Đà Nẵng", "danang"))
    response = client.post(adopt_url(hue_s), form_data(province("01")))
    assert response.status_code == 200
    assert "Bạn chỉ được ghi nhận việc áp dụng cho đơn vị của mình." in response.content.decode()
    assert not SolutionAdoption.objects.exists()


def test_a_user_of_no_team_may_not_record_at_all(db, client, django_user_model):
    hue_s = make_solution("Hue-S", origin="46")
    nobody = django_user_model.objects.create_user("nobody", "n@example.vn", "password")
    nobody.groups.add(Group.objects.get(name="Biên dịch"))
    client.force_login(nobody)
    response = client.get(adopt_url(hue_s))  # Wagtail sends the refused back to the dashboard
    assert (response.status_code, response.url) == (302, "/admin/")


def test_the_story_named_must_be_the_units_own(db, client, django_user_model):
    hue_s = make_solution("Hue-S", origin="46")
    other_units_story = publish_story(parent=province("01"))
    client.force_login(member_of(django_user_model, "Biên tập – Đà Nẵng", "danang"))
    response = client.post(adopt_url(hue_s), form_data(province("48"), story=other_units_story.pk))
    assert response.status_code == 200
    assert not SolutionAdoption.objects.exists()
    # A story of Quảng Nam, merged into Đà Nẵng, is the unit's own.
    own = publish_story(parent=province("49"))
    assert client.post(adopt_url(hue_s), form_data(province("48"), story=own.pk)).status_code == 302
    assert SolutionAdoption.objects.get().story == own


def test_the_origin_unit_cannot_adopt_its_own_solution(db, client, admin_client):
    hue_s = make_solution("Hue-S", origin="46")
    response = admin_client.post(adopt_url(hue_s), form_data(province("46")))
    assert response.status_code == 200
    assert not SolutionAdoption.objects.exists()


def test_a_moderator_approves_or_rejects_and_only_approved_records_are_public(db, client, django_user_model):
    hue_s = make_solution("Hue-S", origin="46")
    danang = adopt(hue_s, "48", approved=False)
    hanoi = adopt(hue_s, "01", approved=False)

    editor = member_of(django_user_model, "Biên tập – Đà Nẵng", "danang")
    client.force_login(editor)
    review = reverse("t63_review_adoption", args=[danang.pk])
    refused = client.post(review, {"decision": "approve"})
    assert (refused.status_code, refused.url) == (302, "/admin/")
    danang.refresh_from_db()
    assert danang.state == "submitted"

    moderator = member_of(django_user_model, MODERATORS, "moderator")
    client.force_login(moderator)
    listing = client.get(reverse("t63_adoptions")).content.decode()
    assert "Hà Nội" in listing and "Đà Nẵng" in listing
    assert client.post(review, {"decision": "approve"}).status_code == 302
    client.post(reverse("t63_review_adoption", args=[hanoi.pk]), {"decision": "reject"})

    danang.refresh_from_db()
    assert (danang.state, danang.reviewed_by) == ("approved", moderator)
    assert [a.unit.code for a in hue_s.approved_adoptions()] == ["48"]
    client.logout()
    for page in (hue_s, english_of(hue_s)):
        html = client.get(page.url).content.decode()
        assert html.count('class="map-dot is-adopter"') == 1
    api = client.get(f"/api/v2/solutions/{hue_s.pk}/").json()
    assert [a["unit"]["code"] for a in api["adopters"]] == ["48"]


def test_a_moderators_own_record_is_approved_at_once(db, admin_client):
    hue_s = make_solution("Hue-S", origin="46")
    admin_client.post(adopt_url(hue_s), form_data(province("48")))
    assert SolutionAdoption.objects.get().state == "approved"


def test_an_adoption_for_a_merged_province_goes_to_the_unit_it_merged_into(db):
    hue_s = make_solution("Hue-S", origin="46")
    adoption = adopt(hue_s, "49")  # Quảng Nam, merged into Đà Nẵng on 1 July 2025
    assert adoption.unit == province("48")
    again = adopt(english_of(hue_s), "48")  # the same unit, from the English page: one record
    assert again.pk == adoption.pk and again.solution == hue_s
    assert SolutionAdoption.objects.count() == 1


def test_the_moderators_are_mailed_when_an_adoption_waits_for_them(
    db, client, django_user_model, mailoutbox, django_capture_on_commit_callbacks
):
    hue_s = make_solution("Hue-S", origin="46")
    moderator = member_of(django_user_model, MODERATORS, "bo")
    client.force_login(member_of(django_user_model, "Biên tập – Đà Nẵng", "danang"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(adopt_url(hue_s), form_data(province("48")))
    assert [message.to for message in mailoutbox] == [[moderator.email]]
    message = mailoutbox[0]
    assert "Hue-S" in message.subject and "Đà Nẵng" in message.subject and "chờ duyệt" in message.subject
    assert reverse("t63_adoptions") in message.body

    client.force_login(moderator)  # a moderator's own record needs no review: no e-mail
    with django_capture_on_commit_callbacks(execute=True):
        client.post(adopt_url(hue_s), form_data(province("01")))
    assert len(mailoutbox) == 1


def test_a_moderator_who_chose_english_is_told_in_english(
    db, client, django_user_model, mailoutbox, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    hue_s = make_solution("Hue-S", origin="46")
    vietnamese = member_of(django_user_model, MODERATORS, "bo")
    english = member_of(django_user_model, MODERATORS, "ministry")
    profile = UserProfile.get_for_user(english)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(member_of(django_user_model, "Biên tập – Đà Nẵng", "danang"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(adopt_url(hue_s), form_data(province("48")))
    by_recipient = {tuple(message.to): message.subject for message in mailoutbox}
    assert "chờ duyệt" in by_recipient[(vietnamese.email,)]
    assert "waits for review" in by_recipient[(english.email,)]
