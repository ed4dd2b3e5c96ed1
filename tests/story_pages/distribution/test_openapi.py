"""The OpenAPI document is kept true: schemathesis fuzzes the live API against it."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.factories import StoryPageFactory, embedded_video, paragraph, province

schema = schemathesis.openapi.from_wsgi("/api/v2/openapi.json", get_wsgi_application())


@pytest.fixture
def test_connection_kept(db):
    """Django's WSGI handler closes the database connection after each request, which would end
    the test's transaction; the test client avoids that the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def some_stories(test_connection_kept):
    for code, body in (("24", [paragraph("Bắc Giang")]), ("74", [embedded_video(300)])):
        StoryPageFactory(parent=province(code), body=body).save_revision().publish()


@schema.parametrize()
# Derandomised so that CI runs the same examples every time; change the seed to explore more.
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_documented_promises(case, some_stories):
    # No 5xx, every status and body as documented (call_and_validate raises on any violation).
    # A cursor is valid only if the change feed gave it: no schema can say which strings are, so
    # a made-up one is refused (400) though it has a cursor's shape.
    made_up_cursor = case.path == "/api/v2/changes/" and "since" in (case.query or {})
    response = case.call_and_validate(excluded_checks=[positive_data_acceptance] if made_up_cursor else None)
    assert response.status_code < 500
