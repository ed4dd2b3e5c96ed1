"""The OpenAPI document is kept true: schemathesis fuzzes the live API against it."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from tests.factories import StoryPageFactory, embedded_video, paragraph, province

schema = schemathesis.openapi.from_wsgi("/api/v2/openapi.json", get_wsgi_application())


@pytest.fixture
def some_stories(db):
    for code, body in (("24", [paragraph("Bắc Giang")]), ("74", [embedded_video(300)])):
        StoryPageFactory(parent=province(code), body=body).save_revision().publish()


@schema.parametrize()
# Derandomised so that CI runs the same examples every time; change the seed to explore more.
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_documented_promises(case, some_stories):
    # No 5xx, every status and body as documented.
    case.call_and_validate()
