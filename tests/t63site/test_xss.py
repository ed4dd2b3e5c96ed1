"""The usual script-injection payloads, typed by an editor into every text field and block of a
story and published through the admin, come out inert on the page, the embed card, the API,
ninjs and every feed."""

import html5lib
import pytest
from django.urls import reverse
from lxml import etree
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import rich_text

from story_pages.models import StoryPage
from tests.factories import province
from tests.story_pages.admin_forms import story_form_data, video_data
from tests.t63site.xss_checks import (
    executable_parts,
    executable_parts_in_feed,
    executable_parts_in_json,
    html_values,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
CLOSE = "</script><script>alert(1)</script>"
PAYLOAD = f"{SCRIPT} {IMG} {CLOSE}"


def body_data(image_id: int) -> list:
    paragraph = (
        f"<p>{PAYLOAD.replace('<', '&lt;').replace('>', '&gt;')}"
        ' <a href="javascript:alert(1)">bấm vào đây</a>'
        ' <a href="jav&#x09;ascript:alert(1)">và đây</a></p>'
        f'<p>{SCRIPT}<img src="x" onerror="alert(1)"/></p>'
    )
    return [
        ("paragraph", rich_text(paragraph)),
        ("heading", CLOSE),
        ("image", {"image": image_id, "alt_text": IMG, "caption": PAYLOAD, "credit": CLOSE}),
        ("quote", {"text": PAYLOAD, "attribution": IMG}),
        ("key_result", {"figure": IMG, "label": PAYLOAD}),
        ("lesson", {"title": CLOSE, "text": PAYLOAD}),
        video_data(embed_url="https://www.youtube.com/watch?v=t63demo", duration="2:30", caption=PAYLOAD),
    ]


@pytest.fixture
def story(admin_client):
    image = get_image_model().objects.create(title=IMG, file=get_test_image_file())
    parent = province("24")
    data = story_form_data(
        body_data(image.pk),
        title=f"Bắc Giang {CLOSE}",
        summary=PAYLOAD,
        credit_line=IMG,
        hero_image=image.pk,
        hero_image_alt=PAYLOAD,
        seo_title=CLOSE,
        search_description=PAYLOAD,
        **{"action-publish": "1"},
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", parent.pk)), data
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    story = StoryPage.objects.get(slug="bac-giang-so-hoa-xet-nghiem", locale__language_code="vi")
    assert story.live
    admin_client.logout()  # readers and machines see what follows
    return story


def test_the_story_page_shows_the_payloads_as_text_only(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert executable_parts(html) == []
    heading = html5lib.parse(html, treebuilder="lxml", namespaceHTMLElements=False).find(".//h1")
    assert CLOSE in "".join(heading.itertext())  # the title is there, as text


def test_the_embed_card_and_oembed_are_inert(client, story):
    assert executable_parts(client.get(f"/embed/stories/{story.pk}/").content.decode()) == []
    oembed = client.get("/oembed/", {"url": story.full_url})
    assert oembed["Content-Type"].startswith("application/json")
    assert oembed.json()["title"] == f"Bắc Giang {CLOSE}"
    # Its html frames our own embed card, checked above.
    assert executable_parts_in_json(oembed.json(), frames=("http://testserver/embed/",)) == []


def test_the_api_serves_json_whose_html_is_inert(client, story):
    response = client.get(f"/api/v2/stories/{story.pk}/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"  # never sniffed and rendered as HTML
    document = response.json()
    assert document["title"] == f"Bắc Giang {CLOSE}"  # text stays text, for consumers to escape
    paragraphs = [block["value"] for block in document["body"] if block["type"] == "paragraph"]
    assert paragraphs and "alert(1)" in paragraphs[0]  # the payload is there, as inert text
    assert executable_parts_in_json(document) == []


@pytest.mark.parametrize("query", ["", "?version=1"])
def test_ninjs_is_inert(client, story, query):
    response = client.get(f"/api/v2/stories/{story.pk}/ninjs/{query}")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    document = response.json()
    assert any("alert(1)" in html for html in html_values(document))  # the body, as inert text
    assert executable_parts_in_json(document) == []


@pytest.mark.parametrize(
    "path",
    ["/feeds/vi/rss/", "/feeds/vi/atom/", "/feeds/vi/province/24/rss/", "/feeds/vi/theme/xa-hoi-so/atom/"],
)
def test_every_feed_is_inert(client, story, path):
    response = client.get(path)
    assert response.status_code == 200
    texts = [e.text or "" for e in etree.fromstring(response.content).iter() if "alert(1)" in (e.text or "")]
    assert texts  # the story and its payloads are in the feed
    assert executable_parts_in_feed(response.content) == []
