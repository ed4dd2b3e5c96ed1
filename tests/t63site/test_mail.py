"""Outgoing e-mail: moderation notices reach the moderators with links to the site's address, and a
mail server that refuses, stalls or rejects the login is logged and never fails the editor's action."""

import logging
import socket
import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from story_pages.models import StoryPage
from t63site.mail import check_email_configured
from tests.factories import province, words
from tests.story_pages.admin_forms import paragraph_data, story_form_data

pytestmark = pytest.mark.django_db

SITE = "https://t63.example.vn"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def logging_backend(settings):
    """Production's e-mail path: the logging backend in front of the one EMAIL_URL names."""
    settings.EMAIL_BACKEND = "t63site.mail.LoggingEmailBackend"
    settings.T63_EMAIL_BACKEND = LOCMEM
    settings.WAGTAILADMIN_BASE_URL = SITE
    return settings


def person(client, username, *options):
    call_command("create_editor", username, *options, "--password", "mật-khẩu-dài-123", verbosity=0)
    client.force_login(get_user_model().objects.get(username=username))
    return client


def submit_a_story(client) -> tuple:
    """A Bắc Giang editor submits a story for review; the ministry's moderators are notified."""
    for number in (1, 2, 3):
        call_command(
            "create_editor", f"kiemduyet{number}", "--moderator", "--email", f"kiemduyet{number}@mic.gov.vn"
        )
    editor = person(client, "bacgiang", "--unit", "24")
    url = reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", province("24").pk))
    response = editor.post(url, story_form_data([paragraph_data(words(300))], **{"action-submit": "1"}))
    story = StoryPage.objects.filter(slug="bac-giang-so-hoa-xet-nghiem", locale__language_code="vi").first()
    return response, story


def test_a_moderation_notice_reaches_the_moderators_with_links_to_the_site(client, logging_backend):
    response, story = submit_a_story(client)
    assert response.status_code == 302 and story is not None
    notices = [m for m in mail.outbox if "kiemduyet1@mic.gov.vn" in m.to]
    assert notices, [m.to for m in mail.outbox]
    body = notices[0].body
    assert f"{SITE}/admin/pages/{story.pk}/edit/" in body
    assert "http://localhost" not in body and ":8000" not in body
    assert notices[0].from_email == logging_backend.DEFAULT_FROM_EMAIL


@pytest.fixture
def silent_server():
    """A mail server that accepts the connection and never says a word."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield server.getsockname()[1]


@pytest.fixture
def rejecting_server():
    """A mail server that greets, offers AUTH and refuses every login (535)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    stop = threading.Event()

    def converse(connection):
        with connection, connection.makefile("rwb") as stream:
            stream.write(b"220 mail.example.vn ESMTP\r\n")
            stream.flush()
            for line in stream:
                command = line.strip().upper()
                if command.startswith((b"EHLO", b"HELO")):
                    stream.write(b"250-mail.example.vn\r\n250 AUTH PLAIN LOGIN\r\n")
                elif command.startswith(b"AUTH"):
                    stream.write(b"535 5.7.8 Authentication credentials invalid\r\n")
                elif command.startswith(b"QUIT"):
                    stream.write(b"221 Bye\r\n")
                    stream.flush()
                    return
                else:
                    stream.write(b"250 OK\r\n")
                stream.flush()

    def serve():
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            connection.settimeout(5)
            threading.Thread(target=converse, args=(connection,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(timeout=2)
    server.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_smtp(settings, port: int, user: str = "", password: str = "") -> None:
    settings.T63_EMAIL_BACKEND = SMTP
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 1
    settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = user, password
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False


def mail_errors(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "t63.mail" and r.levelno >= logging.ERROR]


def test_a_refused_connection_is_logged_and_send_mail_returns(logging_backend, caplog):
    use_smtp(logging_backend, free_port())
    with caplog.at_level(logging.WARNING, logger="t63.mail"):
        sent = mail.send_mail("Đặt lại mật khẩu", "Nội dung", None, ["bientap@bacgiang.gov.vn"])
    assert sent == 0
    messages = [record.getMessage() for record in mail_errors(caplog)]
    assert any("ConnectionRefusedError" in message for message in messages), messages
    assert any("bientap@bacgiang.gov.vn" in message and "Đặt lại mật khẩu" in message for message in messages)


@pytest.mark.parametrize("server", ["silent_server", "rejecting_server"])
def test_a_mail_server_that_stalls_or_refuses_the_login_does_not_fail_the_submission(
    client, logging_backend, caplog, request, server
):
    # Wagtail catches ConnectionError and TimeoutError around its notices, but smtplib reports a
    # stalled server as SMTPServerDisconnected and a refused login as SMTPAuthenticationError.
    use_smtp(logging_backend, request.getfixturevalue(server), "t63", "s3cr3t")
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="t63.mail"):
        response, story = submit_a_story(client)
    assert response.status_code == 302 and story is not None
    assert story.workflow_states.filter(status="in_progress").exists()
    errors = mail_errors(caplog)
    assert errors and any("kiemduyet1@mic.gov.vn" in record.getMessage() for record in errors)
    assert all("s3cr3t" not in record.getMessage() for record in caplog.records)
    # One failed connection for the whole batch of moderators, not one timeout per recipient.
    assert time.monotonic() - started < 8


def test_without_a_mail_server_each_message_is_logged_as_not_sent(logging_backend, caplog):
    logging_backend.T63_EMAIL_BACKEND = None
    with caplog.at_level(logging.WARNING, logger="t63.mail"):
        assert mail.send_mail("Thông báo", "Nội dung", None, ["a@mic.gov.vn", "b@mic.gov.vn"]) == 0
    warnings = [r.getMessage() for r in caplog.records if r.name == "t63.mail"]
    assert len(warnings) == 1 and "a@mic.gov.vn, b@mic.gov.vn" in warnings[0]
    assert "not configured" in warnings[0]


def test_the_deploy_check_warns_when_email_is_not_configured(logging_backend):
    assert check_email_configured() == []
    logging_backend.T63_EMAIL_BACKEND = None
    assert [warning.id for warning in check_email_configured()] == ["t63.W001"]
