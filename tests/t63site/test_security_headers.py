"""Headers that make the browser refuse what T63 never does: run foreign scripts, be framed,
guess content types, leak full URLs to other sites."""

import pytest

from tests.factories import publish_story

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, str]:
    directives = (part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return {name: value for name, value in directives}


def test_a_story_page_allows_only_its_own_scripts_and_the_private_video_players(client):
    response = client.get(publish_story().url)
    assert response.status_code == 200
    csp = policy(response)
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'" and csp["style-src"] == "'self'"
    assert csp["object-src"] == "'none'" and csp["base-uri"] == "'self'"
    assert csp["img-src"] == "'self' data:" and csp["media-src"] == "'self'"
    assert "https://www.youtube-nocookie.com" in csp["frame-src"]
    assert "https://player.vimeo.com" in csp["frame-src"]
    assert csp["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_the_embed_card_may_be_framed_by_any_site(client):
    story = publish_story()
    response = client.get(f"/embed/stories/{story.pk}/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert policy(response)["frame-ancestors"] == "*"
    assert policy(response)["script-src"] == "'self'"


def test_the_admin_has_no_policy_its_inline_scripts_would_break(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"


def test_development_reports_violations_instead_of_blocking(client, settings):
    settings.DEBUG = True
    response = client.get("/")
    assert "Content-Security-Policy" not in response
    assert "script-src 'self'" in response["Content-Security-Policy-Report-Only"]
