"""Only what is public leaves: a crawler walks every machine URL and finds no draft, unpublished,
private or untranslated-alias content."""

import re

import pytest
from wagtail.models import Locale, PageViewRestriction

from story_pages.models import Theme
from tests.factories import StoryPageFactory, paragraph, province

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
    for page in world["hidden"]:
        assert client.get(f"/api/v2/stories/{page.pk}/").status_code == 404
        assert client.get(f"/api/v2/stories/{page.pk}/ninjs/").status_code == 404
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
