"""Nothing private leaves through another address: an alias (the English tree's copy of an
untranslated story) is as private as its source, and no public page points at a private
language version."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Locale, PageViewRestriction
from wagtail.rich_text import RichText

from story_pages import visibility
from tests.factories import province, publish_story, translate_into_english

SECRET = "NỘI DUNG CHỈ DÀNH CHO NGƯỜI ĐƯỢC PHÉP"


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def restricted_story(english):
    """A story in a province whose Vietnamese page is behind a login, with its English alias."""
    document = Document.objects.create(title="Báo cáo nội bộ", file=ContentFile(b"%PDF-1.4", "noi-bo.pdf"))
    link = f'<p>{SECRET} <a linktype="document" id="{document.pk}">báo cáo</a></p>'
    story = publish_story(
        parent=province("24"), title="Câu chuyện nội bộ", body=[("paragraph", RichText(link))]
    )
    PageViewRestriction.objects.create(page=province("24"), restriction_type=PageViewRestriction.LOGIN)
    alias = story.get_translation(english)
    assert alias.alias_of_id == story.pk and alias.live
    return story, alias


@pytest.mark.parametrize("restriction_type", ["login", "password"])
def test_an_alias_of_a_story_in_a_private_section_is_private(client, english, restriction_type):
    story = publish_story(
        parent=province("24"), title="Bí mật", body=[("paragraph", RichText(f"<p>{SECRET}</p>"))]
    )
    extra = {"password": "mật-khẩu"} if restriction_type == "password" else {}
    PageViewRestriction.objects.create(page=province("24"), restriction_type=restriction_type, **extra)
    alias = story.get_translation(english)
    for url in (story.url, alias.url):
        response = client.get(url)
        assert SECRET not in response.content.decode(), url
        assert response.status_code in (200, 302), url  # the password form, or the way to sign in
        assert "no-store" in response["Cache-Control"] or response.status_code == 302


def test_the_password_opens_the_alias_too(client, english):
    story = publish_story(parent=province("24"), body=[("paragraph", RichText(f"<p>{SECRET}</p>"))])
    restriction = PageViewRestriction.objects.create(
        page=province("24"), restriction_type="password", password="mật-khẩu"
    )
    alias = story.get_translation(english)
    form = client.get(alias.url).content.decode()
    action = re.search(r'<form action="([^"]+)"', form).group(1)
    assert f"/{restriction.pk}/" in action
    client.post(action, {"password": "mật-khẩu", "return_url": alias.url})
    assert SECRET in client.get(alias.url).content.decode()


def test_the_rule_lives_in_one_place(restricted_story):
    story, alias = restricted_story
    assert visibility.is_private(story) and visibility.is_private(alias)
    assert list(visibility.view_restrictions(alias)) == list(visibility.view_restrictions(story))
    assert list(alias.specific.get_view_restrictions()) == list(visibility.view_restrictions(story))


def test_machines_find_no_alias_of_a_private_story(client, restricted_story):
    story, alias = restricted_story
    urls = [
        "/sitemap.xml",
        "/api/v2/stories/?limit=100",
        "/api/v2/stories/?locale=en",
        "/api/v2/pages/?limit=100",
        "/feeds/en/rss/",
        "/feeds/vi/rss/",
        "/feeds/en/province/24/rss/",
        f"/api/v2/pages/{alias.pk}/",
        f"/api/v2/stories/{alias.pk}/",
        f"/oembed/?url={alias.full_url}",
        f"/embed/stories/{alias.pk}/",
        f"/qr/stories/{alias.pk}.svg",
        f"/embed/stories/{story.pk}/",
        f"/qr/stories/{story.pk}.svg",
    ]
    for url in urls:
        response = client.get(url)
        body = response.content.decode(errors="replace")
        assert SECRET not in body and alias.url_path not in body, url
        assert response.status_code in (200, 404), url


def test_a_public_page_does_not_advertise_a_private_translation(client, english):
    story = publish_story(parent=province("46"), slug="hue-s", title="Hue-S")
    translation, _ = translate_into_english(story)
    PageViewRestriction.objects.create(page=translation, restriction_type="password", password="mật-khẩu")
    html = client.get(story.url).content.decode()
    assert translation.full_url not in html and "/en/provinces/thua-thien-hue/hue-s/" not in html
    assert 'hreflang="en"' not in html.split("</head>")[0] or "/en/provinces/thua-thien-hue/" in html
    assert "og:locale:alternate" not in html
    item = client.get(f"/api/v2/stories/{story.pk}/").json()
    assert item["translations"] == []


def test_the_language_versions_are_one_rule(english):
    story = publish_story(parent=province("46"))
    translation, _ = translate_into_english(story)
    keys = [story.translation_key]
    assert set(visibility.real_versions(keys)) == {story.page_ptr, translation.page_ptr}
    PageViewRestriction.objects.create(page=translation, restriction_type="login")
    assert list(visibility.real_versions(keys)) == [story.page_ptr]


def test_an_untranslated_address_does_not_show_a_private_original(client, english):
    """At the English address of a story whose translation is still a draft, readers get the
    Vietnamese original: not when the original is private."""
    story = publish_story(parent=province("24"), body=[("paragraph", RichText(f"<p>{SECRET}</p>"))])
    translate_into_english(story, publish=False)
    english_url = story.get_translation(english).url
    assert SECRET in client.get(english_url).content.decode()  # the original, while public
    PageViewRestriction.objects.create(page=province("24"), restriction_type=PageViewRestriction.LOGIN)
    assert SECRET not in client.get(english_url).content.decode()
