"""The admin's password reset mail: in the account holder's language (else Vietnamese), whatever
language the browser asks for; the link on the configured site address, not the request's host;
plain text and HTML."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

SITE = "https://t63.example.vn"


@pytest.fixture(autouse=True)
def site_address(settings):
    settings.WAGTAILADMIN_BASE_URL = SITE


def account(username, language=""):
    user = get_user_model().objects.create_user(username, f"{username}@mic.gov.vn", "mật-khẩu-dài-123")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.mark.parametrize(
    ("language", "browser", "subject", "sentence"),
    [
        ("", "en", "[T63] Đặt lại mật khẩu", "Xin mở liên kết sau để chọn mật khẩu mới:"),
        ("en", "vi", "[T63] Reset your password", "Follow this link to choose a new one:"),
    ],
)
def test_the_reset_mail_is_in_the_account_holders_language(client, language, browser, subject, sentence):
    user = account("bacgiang", language)
    response = client.post(
        reverse("wagtailadmin_password_reset"),
        {"email": user.email},
        HTTP_HOST="127.0.0.1:8000",  # a request host that must not leak into the link
        HTTP_ACCEPT_LANGUAGE=browser,
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [user.email] and message.subject == subject
    assert sentence in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html" and sentence in html and f'<html lang="{language or "vi"}">' in html

    prefix = f"{SITE}/admin/password_reset/confirm/"
    [link] = [word for word in message.body.split() if word.startswith("http")]
    assert link.startswith(prefix) and f'href="{link}"' in html
    assert "127.0.0.1" not in message.body + html and "localhost" not in message.body + html
    # The link works: it leads to the form for a new password.
    followed = client.get(link.removeprefix(SITE), follow=True)
    assert followed.status_code == 200 and "new_password1" in followed.content.decode()
