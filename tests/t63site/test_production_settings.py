"""Production settings: Django's deployment checklist passes, and the site refuses to start
without its secrets."""

import json
import os
import secrets
import socket
import string
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


# The server's own environment, not the test run's (the browser tests allow async-unsafe ORM calls).
NOT_INHERITED = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")


def manage(*args, **environment):
    env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    env.update(DJANGO_SETTINGS_MODULE="t63site.settings.production", REDIS_URL="redis://127.0.0.1:6379/5")
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def random_key() -> str:
    return "".join(secrets.choice(string.ascii_letters + string.digits + "!@#%^&*(-_=+)") for _ in range(60))


def test_the_deployment_checklist_reports_nothing():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=random_key(),
        ALLOWED_HOSTS="t63.vn",
        T63_SITE_URL="https://t63.vn",
        EMAIL_URL="submission://t63:secret@smtp.t63.vn",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_deployment_checklist_warns_without_email_or_the_public_address():
    result = manage("check", "--deploy", SECRET_KEY=random_key(), ALLOWED_HOSTS="t63.vn")
    assert result.returncode == 0, result.stderr
    assert "(t63.W001) E-mail is not configured" in result.stderr + result.stdout
    assert "(t63.W002) T63_SITE_URL is http://127.0.0.1:8000" in result.stderr + result.stdout
    result = manage(
        "check",
        "--deploy",
        SECRET_KEY=random_key(),
        ALLOWED_HOSTS="t63.vn",
        T63_SITE_URL="https://t63.gov.vn",
    )
    assert (
        "(t63.W003) T63_SITE_URL's host t63.gov.vn is not in ALLOWED_HOSTS" in result.stderr + result.stdout
    )


EMAIL_SETTINGS = (
    "EMAIL_BACKEND T63_EMAIL_BACKEND EMAIL_HOST EMAIL_PORT EMAIL_HOST_USER EMAIL_HOST_PASSWORD "
    "EMAIL_USE_TLS EMAIL_USE_SSL EMAIL_TIMEOUT DEFAULT_FROM_EMAIL SERVER_EMAIL"
).split()


def production_settings(names, **environment) -> dict:
    script = (
        "import json; from django.conf import settings;"
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))"
    )
    result = manage("shell", "-c", script, SECRET_KEY=random_key(), ALLOWED_HOSTS="t63.vn", **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "smtp://mail.internal",
            {
                "T63_EMAIL_BACKEND": SMTP,
                "EMAIL_HOST": "mail.internal",
                "EMAIL_PORT": 25,
                "EMAIL_USE_TLS": False,
            },
        ),
        (
            # A user and password with @ and : in them, percent-encoded; STARTTLS on 587.
            "submission://t63%40mic.gov.vn:p%40ss%3Aw0rd@smtp.mic.gov.vn?timeout=5",
            {
                "T63_EMAIL_BACKEND": SMTP,
                "EMAIL_HOST": "smtp.mic.gov.vn",
                "EMAIL_PORT": 587,
                "EMAIL_HOST_USER": "t63@mic.gov.vn",
                "EMAIL_HOST_PASSWORD": "p@ss:w0rd",
                "EMAIL_USE_TLS": True,
                "EMAIL_USE_SSL": False,
                "EMAIL_TIMEOUT": 5,
            },
        ),
        (
            # TLS from the first byte, on 465 (RFC 8314), not STARTTLS.
            "smtps://t63:secret@smtp.mic.gov.vn",
            {"EMAIL_PORT": 465, "EMAIL_USE_SSL": True, "EMAIL_USE_TLS": False, "EMAIL_TIMEOUT": 10},
        ),
        ("smtps://t63:secret@smtp.mic.gov.vn:2465", {"EMAIL_PORT": 2465, "EMAIL_USE_SSL": True}),
        ("console://", {"T63_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
        ("locmem://", {"T63_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}),
        (
            "smtp://mail.internal?_default_from_email=T63%20%3Ct63%40mic.gov.vn%3E",
            {"DEFAULT_FROM_EMAIL": "T63 <t63@mic.gov.vn>", "SERVER_EMAIL": "T63 <t63@mic.gov.vn>"},
        ),
    ],
)
def test_email_url_becomes_the_email_settings(url, expected):
    found = production_settings(EMAIL_SETTINGS, EMAIL_URL=url, T63_SITE_URL="https://t63.example.vn")
    assert found["EMAIL_BACKEND"] == "t63site.mail.LoggingEmailBackend"  # failures are logged
    assert {name: found[name] for name in expected} == expected
    if "DEFAULT_FROM_EMAIL" not in expected:
        assert found["DEFAULT_FROM_EMAIL"] == "T63 <no-reply@t63.example.vn>"


def test_the_sender_is_set_apart_from_email_url():
    found = production_settings(
        EMAIL_SETTINGS, EMAIL_URL="smtp://mail.internal", T63_FROM_EMAIL="Cổng T63 <t63@mic.gov.vn>"
    )
    assert found["DEFAULT_FROM_EMAIL"] == found["SERVER_EMAIL"] == "Cổng T63 <t63@mic.gov.vn>"


def test_without_email_url_production_delivers_nowhere_and_says_so():
    found = production_settings(EMAIL_SETTINGS)
    assert found["EMAIL_BACKEND"] == "t63site.mail.LoggingEmailBackend" and found["T63_EMAIL_BACKEND"] is None


@pytest.mark.parametrize(
    ("variable", "url", "message"),
    [
        ("EMAIL_URL", "imap://mail.internal", "EMAIL_URL: unknown scheme 'imap'"),
        ("EMAIL_URL", "submission://t63:secret@", "needs the mail server's host name"),
        ("T63_SITE_URL", "https://t63.example.vn:8443", "HTTPS on port 443 only"),
        ("T63_SITE_URL", "https://t63.example.vn/t63/", "no path"),
        ("T63_SITE_URL", "t63.example.vn", "must be http(s)://host[:port]"),
    ],
)
def test_production_refuses_an_address_it_cannot_use(variable, url, message):
    result = manage("check", SECRET_KEY=random_key(), ALLOWED_HOSTS="t63.vn", **{variable: url})
    assert result.returncode != 0
    assert message in result.stderr
    assert "secret" not in result.stderr.replace("SECRET_KEY", "")


def test_the_site_url_makes_the_admin_and_api_base_urls():
    names = ["T63_SITE_URL", "WAGTAILADMIN_BASE_URL", "WAGTAILAPI_BASE_URL"]
    found = production_settings(names, T63_SITE_URL="https://t63.example.vn/")
    assert found == dict.fromkeys(names, "https://t63.example.vn")
    # The variable's former name still works, for installations set up before it.
    found = production_settings(names, WAGTAILADMIN_BASE_URL="https://t63.mic.gov.vn")
    assert found == dict.fromkeys(names, "https://t63.mic.gov.vn")
    assert production_settings(names, T63_SITE_URL="http://10.0.0.5:8080")["T63_SITE_URL"] == (
        "http://10.0.0.5:8080"
    )


def test_readyz_says_email_is_configured_without_its_credentials():
    script = (
        "from django.test import Client;"
        "r = Client().get('/readyz', headers={'X-Forwarded-Proto': 'https'}); print(r.content.decode())"
    )
    result = manage(
        "shell",
        "-c",
        script,
        SECRET_KEY=random_key(),
        ALLOWED_HOSTS="testserver",
        EMAIL_URL="submission://t63:s3cr3t-passw0rd@smtp.mic.gov.vn",
    )
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout.strip().splitlines()[-1])
    assert body["email"] == "smtp (STARTTLS)"
    assert "s3cr3t" not in result.stdout and "smtp.mic.gov.vn" not in result.stdout


def test_a_refused_smtp_connection_is_logged_and_the_sender_goes_on():
    script = (
        "from django.core.mail import send_mail;"
        "sent = send_mail('Đặt lại mật khẩu', 'Nội dung', None, ['bientap@bacgiang.gov.vn']);"
        "print('sent', sent)"
    )
    result = manage(
        "shell",
        "-c",
        script,
        SECRET_KEY=random_key(),
        ALLOWED_HOSTS="t63.vn",
        EMAIL_URL=f"smtp://t63:s3cr3t@127.0.0.1:{free_port()}?timeout=2",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "sent 0"
    entries = [
        json.loads(line) for line in (result.stdout + result.stderr).splitlines() if line.startswith("{")
    ]
    errors = [entry for entry in entries if entry["logger"] == "t63.mail" and entry["level"] == "ERROR"]
    assert any("ConnectionRefusedError" in entry["message"] for entry in errors), entries
    assert any(entry.get("email_recipients") == "bientap@bacgiang.gov.vn" for entry in errors)
    assert "s3cr3t" not in result.stdout + result.stderr


def free_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="t63.vn")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=random_key())
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_refuses_a_cache_per_process():
    result = manage("check", SECRET_KEY=random_key(), ALLOWED_HOSTS="t63.vn", REDIS_URL="")
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


def test_media_go_to_the_bucket_when_one_is_named_and_the_policy_allows_it():
    script = (
        "from django.conf import settings; from django.core.files.storage import storages;"
        "print(type(storages['default']).__name__, storages['default'].bucket_name);"
        "print(settings.T63_CONTENT_SECURITY_POLICY['img-src'])"
    )
    result = manage(
        "shell",
        "-c",
        script,
        SECRET_KEY=random_key(),
        ALLOWED_HOSTS="t63.vn",
        AWS_STORAGE_BUCKET_NAME="t63-media",
        AWS_S3_CUSTOM_DOMAIN="media.t63.vn",
    )
    assert result.returncode == 0, result.stderr
    storage, policy = result.stdout.splitlines()[-2:]
    assert storage == "S3Storage t63-media"
    assert "https://media.t63.vn" in policy


def test_production_logs_are_one_json_object_per_line():
    script = "import logging; logging.getLogger('t63').warning('Xin chào %s', 'Huế', extra={'story': 7})"
    result = manage("shell", "-c", script, SECRET_KEY=random_key(), ALLOWED_HOSTS="t63.vn")
    assert result.returncode == 0, result.stderr
    entry = json.loads((result.stdout + result.stderr).strip().splitlines()[-1])
    assert entry["level"] == "WARNING" and entry["message"] == "Xin chào Huế" and entry["story"] == 7


def test_behind_the_tls_proxy_plain_http_is_redirected_except_the_probes():
    script = (
        "from django.test import Client; c = Client();"
        "r = c.get('/robots.txt'); print(r.status_code, r['Location']);"
        "r = c.get('/healthz'); print(r.status_code);"
        "r = c.get('/healthz', headers={'X-Forwarded-Proto': 'https'});"
        "print(r.status_code, r['Strict-Transport-Security'])"
    )
    result = manage("shell", "-c", script, SECRET_KEY=random_key(), ALLOWED_HOSTS="testserver")
    assert result.returncode == 0, result.stderr
    redirect, probe, secure = result.stdout.splitlines()[-3:]
    assert redirect == "301 https://testserver/robots.txt"
    assert probe == "200"  # the load balancer probes over plain HTTP inside the network
    assert secure == "200 max-age=31536000; includeSubDomains; preload"
