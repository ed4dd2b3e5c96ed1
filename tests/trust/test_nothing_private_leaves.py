"""The adversary's walk: every URL an anonymous reader or a machine can reach, tried against every
private case (a draft, a later unpublished edit, a password, a login, a private section, a
private translation, and the English alias of each), finds none of their words, ids or files."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, PageViewRestriction
from wagtail.rich_text import RichText

from story_pages.models import Theme
from tests.factories import StoryPageFactory, province, publish_story, translate_into_english

# One word per private case, unusual enough that finding it anywhere means a leak.
CASES = ["bannhapmat", "chinhsuachuadang", "matkhaumat", "dangnhapmat", "khuvucmat", "bandichmat"]


def body(word: str, document: Document) -> list:
    link = f'<a linktype="document" id="{document.pk}">{word}</a>'
    return [("paragraph", RichText(f"<p>Chuyện {word} kể về {link} của tỉnh.</p>"))]


def attachments(word: str) -> tuple[Document, Image]:
    document = Document.objects.create(title=word, file=ContentFile(f"%PDF {word}".encode(), f"{word}.pdf"))
    return document, Image.objects.create(title=word, file=get_test_image_file(filename=f"{word}.png"))


@pytest.fixture
def world(db):
    english = Locale.objects.get(language_code="en")
    made = {}

    def story(word, parent_code="24", publish=True):
        document, image = attachments(word)
        page = StoryPageFactory(
            parent=province(parent_code),
            title=f"Tin {word}",
            summary=word,
            body=body(word, document),
            hero_image=image,
        )
        revision = page.save_revision()
        if publish:
            revision.publish()
        made[word] = {"page": page, "document": document, "image": image}
        return page

    public = story("congkhai")
    story("bannhapmat", publish=False)
    edited = publish_story(parent=province("24"), title="Tin sửa")
    document, image = attachments("chinhsuachuadang")
    edited.title, edited.body, edited.hero_image = (
        "Tin chinhsuachuadang",
        body("chinhsuachuadang", document),
        image,
    )
    edited.save_revision()  # an edit not yet reviewed
    made["chinhsuachuadang"] = {"page": edited, "document": document, "image": image}
    PageViewRestriction.objects.create(page=story("matkhaumat"), restriction_type="password", password="mk")
    PageViewRestriction.objects.create(page=story("dangnhapmat"), restriction_type="login")
    story("khuvucmat", parent_code="01")
    PageViewRestriction.objects.create(page=province("01"), restriction_type="login")
    source = story("bandichgoc", parent_code="46")
    translation, _ = translate_into_english(
        source, translate=lambda text: text.replace("bandichgoc", "bandichmat")
    )
    PageViewRestriction.objects.create(page=translation, restriction_type="password", password="mk")
    made["bandichmat"] = {"page": translation, "document": made["bandichgoc"]["document"], "image": None}

    hidden = [made[word]["page"] for word in CASES if word != "chinhsuachuadang"]
    aliases = [page.get_translation(english) for page in hidden if page.locale_id != english.pk]
    return {"public": public, "made": made, "hidden": hidden, "aliases": aliases}


def leak_markers(word: str, status: int) -> list[str]:
    """What a private case's content looks like: its title, summary, body and file names (a search
    for the word itself echoes it, and a "not found" page the address asked for: no leaks)."""
    return [f"tin {word}", f"tóm tắt {word}", f"chuyện {word}"] + ([f"{word}."] if status != 404 else [])


def reader_urls(world) -> list[str]:
    urls = ["/", "/en/", "/tinh-thanh/", "/en/provinces/", "/robots.txt", "/sitemap.xml"]
    for code_slug in ("bac-giang", "ha-noi", "thua-thien-hue"):
        urls += [f"/tinh-thanh/{code_slug}/", f"/en/provinces/{code_slug}/"]
    urls += [f"/chu-de/{theme}/" for theme in Theme.values]
    for word in CASES:
        urls += [f"/search/?q={word}", f"/en/search/?q={word}"]
    for page in [*world["hidden"], *world["aliases"], world["made"]["chinhsuachuadang"]["page"]]:
        urls.append(page.url)
    return urls


def machine_urls(world) -> list[str]:
    urls = ["/api/v2/stories/?limit=100", "/api/v2/provinces/", "/api/v2/images/", "/api/v2/documents/"]
    urls += [
        "/api/v2/media/",
        "/api/v2/pages/?limit=100",
        "/api/v2/pages/?type=story_pages.StoryPage&fields=*",
    ]
    for language in ("vi", "en"):
        urls += [f"/feeds/{language}/rss/", f"/feeds/{language}/atom/", f"/api/v2/stories/?locale={language}"]
        urls += [f"/feeds/{language}/province/{code}/rss/" for code in ("24", "01", "46")]
        urls += [f"/feeds/{language}/theme/{theme}/atom/" for theme in Theme.values]
    for word in CASES:
        urls.append(f"/api/v2/stories/?search={word}")
        urls.append(f"/api/v2/pages/?search={word}")
    for page in [*world["hidden"], *world["aliases"], world["made"]["chinhsuachuadang"]["page"]]:
        urls += [
            f"/api/v2/stories/{page.pk}/",
            f"/api/v2/stories/{page.pk}/ninjs/",
            f"/api/v2/pages/{page.pk}/",
        ]
        urls += [f"/api/v2/stories/{page.pk}/ninjs/?version=1", f"/oembed/?url={page.full_url}"]
        urls += [f"/embed/stories/{page.pk}/", f"/qr/stories/{page.pk}.svg"]
    for word in CASES:
        files = world["made"][word]
        urls += [files["document"].url, f"/api/v2/documents/{files['document'].pk}/"]
        if files["image"] is not None:
            urls.append(f"/api/v2/images/{files['image'].pk}/")
    return urls


def test_the_adversary_finds_nothing_private(client, world):
    hidden_ids = {page.pk for page in [*world["hidden"], *world["aliases"]]}
    read = 0
    for url in reader_urls(world) + machine_urls(world):
        response = client.get(url)
        assert response.status_code < 500, url
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        content = raw.decode(errors="replace").lower()
        for word in CASES:
            for marker in leak_markers(word, response.status_code):
                assert marker not in content, f"{word} leaked at {url}"
        if response.status_code == 200 and response["Content-Type"].startswith("application/json"):
            ids = {int(found) for found in re.findall(r'"id":\s*(\d+)', content)}
            assert not ids & hidden_ids, url
        read += response.status_code == 200
    assert read > 40  # the walk really read public pages
    assert "congkhai" in client.get("/api/v2/stories/?limit=100").content.decode()  # the control is found


def test_private_pages_never_reach_a_shared_cache(client, world):
    for page in [*world["hidden"], *world["aliases"]]:
        response = client.get(page.url)
        if response.status_code == 200:  # the password form
            assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"], page.url
