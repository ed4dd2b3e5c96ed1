"""Share links under a story, the page's own scripts only, and JSON-LD that no title can break."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.staticfiles import finders
from wagtail.models import Locale

from story_pages.distribution.structured_data import json_ld_script
from story_pages.rules.durations import iso_duration
from story_pages.video.story_video import player_url
from tests.story_pages.page_metadata import metadata, published

pytestmark = pytest.mark.django_db

TITLE = "Bắc Giang: 100% hồ sơ & thủ tục trực tuyến?"


def share_hrefs(page) -> dict[str, str]:
    links = page.tree.xpath("//section[contains(@class, 'story-share')]//a[contains(@class, 'share-link')]")
    return {link.get("class").split()[-1]: link.get("href") for link in links}


def query(href: str) -> dict[str, str]:
    return {key: value for key, [value] in parse_qs(urlsplit(href).query).items()}


def test_each_share_link_carries_the_stories_address_and_title_encoded(client):
    story = published(title=TITLE)
    hrefs = share_hrefs(metadata(client, story.url))
    url = story.full_url
    assert query(hrefs["share-facebook"]) == {"u": url}
    assert hrefs["share-facebook"].startswith("https://www.facebook.com/sharer/sharer.php?")
    assert query(hrefs["share-zalo"]) == {"url": url}
    assert hrefs["share-zalo"].startswith("https://sp.zalo.me/share_to_zalo?")
    assert query(hrefs["share-x"]) == {"url": url, "text": TITLE}
    assert hrefs["share-x"].startswith("https://x.com/intent/tweet?")
    assert query(hrefs["share-linkedin"]) == {"url": url}
    assert hrefs["share-linkedin"].startswith("https://www.linkedin.com/sharing/share-offsite/?")
    assert hrefs["share-email"].startswith("mailto:?")
    assert query(hrefs["share-email"]) == {"subject": TITLE, "body": url}
    assert "%20" in hrefs["share-email"] and "+" not in hrefs["share-email"]  # mail clients keep "+"
    assert hrefs["share-copy"] == url  # without JavaScript, a plain link to copy


def test_share_links_have_names_that_say_what_they_do(client):
    page = metadata(client, published().url)
    section = page.tree.xpath("//section[contains(@class, 'story-share')]")[0]
    assert section.get("aria-labelledby") == section.xpath(".//h2/@id")[0]
    links = section.xpath(".//a[contains(@class, 'share-link')][@aria-label]")
    names = [link.get("aria-label") for link in links]
    assert "Chia sẻ lên Zalo" in names and "Chia sẻ qua thư điện tử" in names  # in the page's language
    # WCAG 2.5.3 (label in name): a voice user says what they see.
    assert all(link.text_content().strip().lower() in link.get("aria-label").lower() for link in links)
    [copy] = section.xpath(".//a[@data-copy-link]")
    assert copy.get("data-copy-label") and copy.get("data-copied")
    assert section.xpath(".//*[@role='status']")  # where the copy button reports success


def test_the_copy_button_comes_from_a_script_of_our_own(client):
    page = metadata(client, published().url)
    sources = page.tree.xpath("//script/@src")
    assert "/static/story_pages/js/share.js" in sources
    for src in sources:
        assert src.startswith("/static/") and finders.find(src.removeprefix("/static/")), src
    assert all(
        script.get("type") == "application/ld+json" for script in page.tree.xpath("//script[not(@src)]")
    )
    for href in page.tree.xpath("//link[@rel='stylesheet' or @rel='preload']/@href"):
        assert href.startswith("/static/"), href  # fonts and styles are served by T63 itself


def test_the_qr_code_is_linked_from_the_story(client):
    story = published()
    page = metadata(client, story.url)
    assert page.tree.xpath("//section[contains(@class, 'story-share')]//a[@type='image/svg+xml']/@href") == [
        f"/qr/stories/{story.pk}.svg"
    ]


def test_an_untranslated_english_address_shares_the_vietnamese_original(client, english):
    story = published(title=TITLE)
    alias = story.get_translation(Locale.objects.get(language_code="en"))
    hrefs = share_hrefs(metadata(client, alias.url))
    assert query(hrefs["share-facebook"]) == {"u": story.full_url}
    assert hrefs["share-copy"] == story.full_url


def test_a_title_cannot_break_out_of_the_json_ld(client):
    title = "Chuyển đổi số </script><script>alert(1)</script> & <!-- hết"
    story = published(title=title)
    page = metadata(client, story.url)
    assert "<script>alert(1)" not in page.html
    assert page.article()["headline"] == title
    # Nothing injected: every script is the JSON-LD or a file of ours.
    assert all(
        script.get("src") or script.get("type") == "application/ld+json"
        for script in page.tree.xpath("//script")
    )
    assert len(page.tree.xpath("//script[@type='application/ld+json']")) == 1


@pytest.mark.parametrize("text", ["</script>", "<!--<script>", "a & b", "\u2028"])
def test_json_ld_escapes_what_could_end_the_script_element(text):
    html = str(json_ld_script({"headline": text}))
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == {"headline": text}


@pytest.mark.parametrize(
    "seconds,iso",
    [(330, "PT5M30S"), (0, "PT0S"), (59.9, "PT59S"), (600, "PT10M"), (719.9, "PT11M59S"), (3723, "PT1H2M3S")],
)
def test_durations_are_iso_8601(seconds, iso):
    assert iso_duration(seconds) == iso


@pytest.mark.parametrize(
    "url,player",
    [
        ("https://youtu.be/t63demo?t=5", "https://www.youtube.com/embed/t63demo"),
        ("https://m.youtube.com/shorts/t63demo", "https://www.youtube.com/embed/t63demo"),
        ("https://www.youtube.com/watch?v=<script>", "https://www.youtube.com/watch?v=<script>"),  # no id
        ("https://vimeo.com/channels/staffpicks/76979871", "https://player.vimeo.com/video/76979871"),
    ],
)
def test_embedded_videos_are_described_by_their_players(url, player):
    assert player_url(url) == player
