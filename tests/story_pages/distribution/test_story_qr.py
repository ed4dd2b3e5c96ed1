"""The QR code of a story's address, for print and TV: only for stories the public can read."""

import io
import xml.etree.ElementTree as ET

import pytest
import segno
from wagtail.models import Locale, PageViewRestriction

from tests.factories import StoryPageFactory
from tests.story_pages.page_metadata import published

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def qr_path(pk: int) -> str:
    return f"/qr/stories/{pk}.svg"


def test_a_published_story_has_a_scalable_svg_qr_code_of_its_address(client):
    story = published(title="Tổ công nghệ số cộng đồng")
    response = client.get(qr_path(story.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    svg = ET.fromstring(response.content)
    assert svg.tag == f"{SVG}svg"
    assert svg.get("viewBox")  # scales to a poster or a TV screen
    assert "Tổ công nghệ số cộng đồng" in svg.findtext(f"{SVG}title")
    # The modules drawn are those of the story's canonical URL, encoded at level M.
    [modules] = ET.fromstring(_svg_of(story.full_url)).iter(f"{SVG}path")
    assert [path.get("d") for path in svg.iter(f"{SVG}path")][-1] == modules.get("d")


def _svg_of(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make_qr(url, error="m").save(buffer, kind="svg", border=4, omitsize=True)
    return buffer.getvalue()


def test_no_qr_code_for_what_the_public_cannot_read(client):
    draft = StoryPageFactory()
    withdrawn = published()
    withdrawn.unpublish()
    restricted = published()
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="t63")
    alias = published().get_translation(Locale.objects.get(language_code="en"))
    for pk in (draft.pk, withdrawn.pk, restricted.pk, alias.pk, 999999):
        assert client.get(qr_path(pk)).status_code == 404, pk
