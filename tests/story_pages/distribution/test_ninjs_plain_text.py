"""ninjs 3's plain-text body: paragraphs apart, entities decoded, no markup."""

import pytest
from wagtail.rich_text import RichText

from story_pages.distribution.api.ninjs import plain_text
from tests.factories import province, publish_story

pytestmark = pytest.mark.django_db


def test_the_plain_text_body_keeps_paragraphs_apart_and_decodes_entities(client):
    body = [
        (
            "paragraph",
            RichText(
                "<p>Người dân nói 2 &lt; 3 &amp; &#x27;mọi việc vẫn như trước.&#x27;</p>"
                "<p>Chị <b>Lan</b> kể: &quot;Tôi không phải chờ&quot;.</p>"
            ),
        ),
        ("heading", "Bài học"),
        ("paragraph", RichText("<p>Dòng một<br/>dòng hai</p>")),
    ]
    story = publish_story(parent=province("24"), body=body)
    document = client.get(f"/api/v2/stories/{story.pk}/ninjs/").json()
    [text] = [b["value"] for b in document["bodies"] if b["contentType"] == "text/plain"]
    assert text == (
        "Người dân nói 2 < 3 & 'mọi việc vẫn như trước.'\n\n"
        'Chị Lan kể: "Tôi không phải chờ".\n\n'
        "Bài học\n\n"
        "Dòng một\ndòng hai"
    )
    [html] = [b["value"] for b in document["bodies"] if b["contentType"] == "text/html"]
    assert "&lt;" in html  # the HTML body stays HTML


def test_scripts_and_whitespace_of_the_markup_are_not_text():
    html = (
        '<figure>\n  <video controls><source src="v.mp4"></video>\n<figcaption> Hue-S </figcaption></figure>'
    )
    assert plain_text(html + "<script>alert(1)</script><p>a\n   b</p>") == "Hue-S\n\na b"
