"""Measuring what a reader page costs to render."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from story_pages import content_version


def queries_to_render(client, url: str) -> int:
    """SQL queries of one render of ``url``, as a reader after the first one causes it."""
    client.get(url)  # the first view makes the image renditions; readers after that only read them
    content_version.bump()  # a new version: the reader page cache must render the page again
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
