"""The load balancer's probes: /healthz (the process answers) and /readyz (it can serve readers)."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.db.utils import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_ok_when_the_database_and_the_cache_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "email": "locmem"}
    assert "no-store" in response["Cache-Control"]


def test_readyz_says_where_email_goes_and_stays_ready_without_it(client, settings):
    settings.EMAIL_BACKEND = "t63site.mail.LoggingEmailBackend"
    settings.T63_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_PASSWORD = True, "s3cr3t"
    response = client.get("/readyz")
    assert response.json() == {"status": "ok", "email": "smtp (STARTTLS)"}
    assert b"s3cr3t" not in response.content and settings.EMAIL_HOST.encode() not in response.content
    settings.T63_EMAIL_BACKEND = None  # production without EMAIL_URL: readers are still served
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "email": "not configured"}


def test_readyz_names_the_database_when_it_is_down(client):
    with mock.patch("t63site.health.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert list(response.json()["failed"]) == ["database"]
    assert "connection refused" in response.json()["failed"]["database"]


def test_readyz_names_the_cache_when_redis_is_unreachable(client, settings):
    # A port where nothing listens: the cache client fails to connect.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    with mock.patch("t63site.health.cache", new=_fresh_cache()):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert list(response.json()["failed"]) == ["cache"]


def _fresh_cache():
    return caches.create_connection("default")
