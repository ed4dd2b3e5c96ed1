"""Only what is public leaves: a crawler walks every machine URL and finds no draft, unpublished,
private or untranslated-alias content."""

import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, PageViewRestriction
from wagtail.rich_text import RichText

from story_pages.models import Theme
from tests.factories import (
    StoryPageFactory,
    make_video_media,
    paragraph,
    province,
    publish_story,
    uploaded_video,
)

SECRETS = ["BẢN NHÁP BÍ MẬT", "ĐÃ GỠ XUỐNG", "CÂU CHUYỆN RIÊNG TƯ", "CHỈNH SỬA CHƯA ĐĂNG"]


@pytest.fixture
def world(db):
    parent = province("24")
    public = StoryPageFactory(parent=parent, title="Câu chuyện công khai", body=[paragraph("Công khai")])
    public.save_revision().publish()
    public.refresh_from_db()
    public.title = "CHỈNH SỬA CHƯA ĐĂNG"  # a later draft of a live story
    public.save_revision()

    draft = StoryPageFactory(parent=parent, title="BẢN NHÁP BÍ MẬT", body=[paragraph("Nháp")])
    draft.save_revision()

    withdrawn = StoryPageFactory(parent=parent, title="ĐÃ GỠ XUỐNG", body=[paragraph("Gỡ")])
    withdrawn.save_revision().publish()
    withdrawn.refresh_from_db()
    withdrawn.unpublish()

    private = StoryPageFactory(parent=parent, title="CÂU CHUYỆN RIÊNG TƯ", body=[paragraph("Riêng")])
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="mật khẩu")

    english = Locale.objects.get(language_code="en")
    aliases = [page.get_translation(english) for page in (public, draft, withdrawn, private)]
    hidden = [draft, withdrawn, private, *aliases]
    return {"public": public, "hidden": hidden}


def machine_urls(client, world):
    urls = ["/sitemap.xml", "/api/v2/stories/?limit=100", "/api/v2/pages/?limit=100", "/api/v2/provinces/"]
    urls.append("/api/v2/pages/?type=story_pages.StoryPage&fields=*&limit=100")
    for language in ("vi", "en"):
        urls += [f"/feeds/{language}/rss/", f"/feeds/{language}/atom/", f"/api/v2/stories/?locale={language}"]
        urls += [f"/feeds/{language}/province/24/rss/", f"/feeds/{language}/province/24/atom/"]
        urls += [f"/feeds/{language}/theme/{theme}/rss/" for theme in Theme.values]
    for item in client.get("/api/v2/stories/?limit=100").json()["items"]:
        urls += [f"/api/v2/stories/{item['id']}/", f"/api/v2/stories/{item['id']}/ninjs/"]
        urls += [f"/api/v2/stories/{item['id']}/ninjs/?version=1", f"/oembed/?url={item['url']}"]
    for page in [world["public"], *world["hidden"]]:
        urls += [
            f"/api/v2/stories/{page.pk}/",
            f"/api/v2/stories/{page.pk}/ninjs/",
            f"/api/v2/pages/{page.pk}/",
        ]
        urls.append(f"/oembed/?url={page.full_url}")
    return urls


def test_the_crawler_finds_nothing_that_is_not_public(client, world):
    seen_ok = 0
    for url in machine_urls(client, world):
        response = client.get(url)
        body = response.content.decode()
        for secret in SECRETS:
            assert secret not in body, f"{secret} leaked at {url}"
        if response.status_code == 200:
            seen_ok += 1
            ids = {int(found) for found in re.findall(r'"id":\s*(\d+)', body)}
            assert not ids & {page.pk for page in world["hidden"]}, url
    assert seen_ok > 20  # the crawler really read the public content


def test_hidden_stories_are_not_found_one_by_one(client, world):
    withdrawn = ("ĐÃ GỠ XUỐNG", "CÂU CHUYỆN RIÊNG TƯ")  # published once: unpublished, made private
    once_public = {page.pk for page in world["hidden"] if page.title in withdrawn and not page.alias_of_id}
    for page in world["hidden"]:
        assert client.get(f"/api/v2/stories/{page.pk}/").status_code == 404
        # Published once, withdrawn since: its ninjs is gone (410, canceled, no content).
        assert client.get(f"/api/v2/stories/{page.pk}/ninjs/").status_code == (
            410 if page.pk in once_public else 404
        )
        assert client.get("/oembed/", {"url": page.full_url}).status_code == 404
    public = world["public"]
    assert client.get(f"/api/v2/stories/{public.pk}/").json()["title"] == "Câu chuyện công khai"


def test_the_media_guide_lists_the_feeds_and_the_credit(client, db):
    for url, language in (("/cho-bao-chi/", "vi"), ("/en/for-media/", "en")):
        html = client.get(url).content.decode()
        assert "Nguồn: Cổng T63 – Sở TT&amp;TT tỉnh" in html
        assert f"/feeds/{language}/rss/" in html and f"/feeds/{language}/province/79/rss/" in html
        assert "/api/v2/openapi.json" in html
        assert len(re.findall(rf"/feeds/{language}/province/\d\d/rss/", html)) == 34


@pytest.fixture
def files(db):
    """Images, a document and videos used by a published story, a draft, a later draft of a
    live story, and a private story."""
    made = {name: Image.objects.create(title=name, file=get_test_image_file()) for name in IMAGES}
    made["public document"] = Document.objects.create(
        title="Báo cáo", file=ContentFile(b"%PDF", "bao-cao.pdf")
    )
    made["public video"], made["draft video"] = make_video_media(2, "Công khai"), make_video_media(2, "Nháp")
    link = f'<p><a linktype="document" id="{made["public document"].pk}">Báo cáo</a></p>'
    published = StoryPageFactory(
        hero_image=made["public hero"],
        body=[
            ("paragraph", RichText(link)),
            ("image", {"image": made["public body"], "alt_text": "", "caption": "", "credit": ""}),
            uploaded_video(made["public video"]),
        ],
    )
    published.save_revision().publish()
    published.refresh_from_db()
    published.hero_image = made["later draft"]  # an edit not yet published
    published.save_revision()
    StoryPageFactory(hero_image=made["draft"], body=[uploaded_video(made["draft video"])]).save_revision()
    private = StoryPageFactory(hero_image=made["private"])
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="mật khẩu")
    return made


IMAGES = ["public hero", "public body", "later draft", "draft", "private"]


@pytest.mark.parametrize(
    ("endpoint", "public", "hidden"),
    [
        ("images", ["public hero", "public body"], ["later draft", "draft", "private"]),
        ("documents", ["public document"], []),
        ("media", ["public video"], ["draft video"]),
    ],
)
def test_files_leave_only_once_a_public_page_uses_them(client, files, endpoint, public, hidden):
    listed = {item["id"] for item in client.get(f"/api/v2/{endpoint}/").json()["items"]}
    assert listed == {files[name].pk for name in public}
    for name in public:
        assert client.get(f"/api/v2/{endpoint}/{files[name].pk}/").status_code == 200
    for name in hidden:
        assert client.get(f"/api/v2/{endpoint}/{files[name].pk}/").status_code == 404
        assert client.get(f"/api/v2/{endpoint}/find/", {"id": files[name].pk}).status_code == 404


def test_media_search_is_refused_rather_than_leaking(client, files):
    # wagtailmedia does not index media ids, so a search could not keep the restriction.
    response = client.get("/api/v2/media/", {"search": "Nháp"})
    assert response.status_code == 400 and "search" in response.json()["message"]


def test_an_unused_document_is_not_found(client, db):
    document = Document.objects.create(title="Nội bộ", file=ContentFile(b"%PDF", "noi-bo.pdf"))
    assert client.get("/api/v2/documents/").json()["items"] == []
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404


def test_file_listings_cost_a_fixed_number_of_queries(client, db):
    counts = {}
    for number in range(1, 7):
        image = Image.objects.create(title=f"Ảnh {number}", file=get_test_image_file())
        image.tags.add(f"tỉnh {number}", "chuyển đổi số")
        publish_story(hero_image=image, body=[uploaded_video(make_video_media(1))])
        if number in (2, 6):
            for endpoint in ("images", "media"):
                with CaptureQueriesContext(connection) as queries:
                    items = client.get(f"/api/v2/{endpoint}/").json()["items"]
                assert len(items) == number
                counts[endpoint, number] = len(queries)
    assert counts["images", 2] == counts["images", 6] and counts["media", 2] == counts["media", 6], counts
