"""A database connection that died between requests (PostgreSQL restarted, a connection killed
by an administrator or a proxy) is replaced on the next request instead of failing it: persistent
connections are health-checked before reuse."""

import pytest
from django.conf import settings
from django.db import connection, connections
from django.db.utils import Error

pytestmark = pytest.mark.django_db


def app_connection(health_checks: bool):
    """A persistent connection as a gunicorn worker holds one (DB_CONN_MAX_AGE > 0)."""
    wrapper = connections.create_connection("default")
    wrapper.settings_dict = {**wrapper.settings_dict, "CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": health_checks}
    return wrapper


def serve_request(wrapper) -> int:
    """What Django does around each request, then one query."""
    wrapper.close_if_unusable_or_obsolete()  # request_started
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0]


def kill(wrapper) -> None:
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    wrapper.close_if_unusable_or_obsolete()  # request_finished: a persistent one stays open


def test_connections_are_health_checked_in_every_environment():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_the_request_after_a_killed_connection_succeeds():
    if connection.vendor != "postgresql":
        # SQLite has no server to lose; a new connection per process is all there is.
        assert serve_request(app_connection(health_checks=True)) == 1
        return
    worker = app_connection(health_checks=True)
    try:
        assert serve_request(worker) == 1
        kill(worker)
        assert serve_request(worker) == 1  # reconnected, the reader saw nothing
    finally:
        worker.close()


def test_without_health_checks_the_next_request_would_fail():
    if connection.vendor != "postgresql":
        assert serve_request(app_connection(health_checks=False)) == 1
        return
    worker = app_connection(health_checks=False)
    try:
        serve_request(worker)
        kill(worker)
        with pytest.raises(Error):
            serve_request(worker)
    finally:
        worker.close()
