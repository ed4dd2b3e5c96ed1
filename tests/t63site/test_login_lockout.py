"""Guessing an editor's password: after 5 failures for one username from one address, signing in
as that user from there is refused for 15 minutes with a message that says so, even with the
right password. The editor at another address is not locked out."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "bientap", "bientap@bacgiang.gov.vn", "mat-khau-dung", is_superuser=True
    )


def sign_in(client, password, address=ATTACKER, username="bientap"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def signed_in(client) -> bool:
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def test_five_failures_lock_the_username_at_that_address(client, editor, settings, vietnamese):
    for _ in range(settings.T63_LOGIN_MAX_FAILURES):
        assert sign_in(client, "doan-sai").status_code == 200  # the form again, with an error
    response = sign_in(client, "mat-khau-dung")
    assert not signed_in(client)
    form = response.context["form"]
    assert form.errors.as_data()["__all__"][0].code == "locked"
    message = form.non_field_errors()[0]
    assert "15" in message  # says for how long
    assert message in response.content.decode()  # shown on the sign-in page


def test_the_editor_elsewhere_can_still_sign_in(client, editor, settings):
    for _ in range(settings.T63_LOGIN_MAX_FAILURES):
        sign_in(client, "doan-sai")
    response = sign_in(client, "mat-khau-dung", address="198.51.100.24")
    assert response.status_code == 302
    assert signed_in(client)


def test_a_correct_password_before_the_limit_starts_the_count_again(client, editor, settings):
    for _ in range(settings.T63_LOGIN_MAX_FAILURES - 1):
        sign_in(client, "doan-sai")
    assert sign_in(client, "mat-khau-dung").status_code == 302
    client.logout()
    for _ in range(settings.T63_LOGIN_MAX_FAILURES - 1):
        sign_in(client, "doan-sai")
    assert sign_in(client, "mat-khau-dung").status_code == 302


def test_the_username_is_locked_however_it_is_capitalised(client, editor, settings):
    for _ in range(settings.T63_LOGIN_MAX_FAILURES):
        sign_in(client, "doan-sai", username="BienTap")
    response = sign_in(client, "mat-khau-dung")
    assert response.status_code == 200 and not signed_in(client)


def test_the_lock_holds_on_the_readers_sign_in_too(client, editor, settings):
    """Wagtail's own sign-in page (for login-restricted sections) checks the same lock."""
    for _ in range(settings.T63_LOGIN_MAX_FAILURES):
        sign_in(client, "doan-sai")
    response = client.post(
        "/_util/login/", {"username": "bientap", "password": "mat-khau-dung"}, REMOTE_ADDR=ATTACKER
    )
    assert response.status_code == 200  # the form again, not the redirect of a sign-in
    assert not signed_in(client)
    assert (
        client.post(
            "/_util/login/", {"username": "bientap", "password": "mat-khau-dung"}, REMOTE_ADDR="198.51.100.7"
        ).status_code
        == 302
    )
