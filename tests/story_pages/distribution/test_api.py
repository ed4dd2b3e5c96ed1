"""The outlets' API: /api/v2/stories/, /api/v2/provinces/ and /api/v2/media/."""

from datetime import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from story_pages.models import StoryPage
from tests.factories import (
    StoryPageFactory,
    embedded_video,
    make_video_media,
    paragraph,
    province,
    translate_into_english,
    uploaded_video,
)

from .conftest import STORIES, publish


def slugs(client, query=""):
    response = client.get(STORIES + query)
    assert response.status_code == 200, response.content
    return [
        item["url"].rstrip("/").rsplit("/", 1)[1] + ("-en" if item["locale"] == "en" else "")
        for item in response.json()["items"]
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["bac-giang-en", "bac-giang", "hcm-video", "binh-duong", "bac-ninh"]),
        ("?locale=vi", ["bac-giang", "hcm-video", "binh-duong", "bac-ninh"]),
        ("?locale=en", ["bac-giang-en"]),
        ("?province=79", ["hcm-video"]),
        ("?province=74", ["binh-duong"]),
        ("?unit=79", ["hcm-video", "binh-duong"]),  # Bình Dương was merged into Hồ Chí Minh City
        ("?unit=24", ["bac-giang-en", "bac-giang", "bac-ninh"]),
        ("?theme=kinh-te-so", ["binh-duong", "bac-ninh"]),
        ("?format=video", ["hcm-video"]),
        ("?format=both", ["bac-giang-en", "bac-giang"]),
        ("?format=text", ["binh-duong", "bac-ninh"]),
        ("?published_after=2025-01-01&locale=vi", ["bac-giang", "hcm-video"]),
        ("?published_before=2024-03-01", ["binh-duong", "bac-ninh"]),
        (
            "?published_after=2024-01-01T00:00:00%2B07:00&published_before=2025-08-31",
            ["hcm-video", "binh-duong"],
        ),
        ("?order=first_published_at&locale=vi", ["bac-ninh", "binh-duong", "hcm-video", "bac-giang"]),
        ("?unit=79&theme=xa-hoi-so&format=video", ["hcm-video"]),
        ("?unit=24&locale=vi&published_after=2024-01-01", ["bac-giang"]),
        ("?search=COVID&locale=vi", ["bac-giang"]),
        ("?locale=vi&limit=2&offset=1", ["hcm-video", "binh-duong"]),
    ],
)
def test_filters_alone_and_combined(client, stories, query, expected):
    # The English translation was published after the originals' back-dated dates.
    StoryPage.objects.filter(pk=stories["bac-giang-en"].pk).update(
        first_published_at=timezone.make_aware(datetime(2025, 9, 16, 9))
    )
    assert slugs(client, query) == expected


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("?province=99", "province"),
        ("?province=Hà Nội", "province"),
        ("?unit=74", "unit"),
        ("?theme=ai", "theme"),
        ("?format=audio", "format"),
        ("?locale=fr", "locale"),
        ("?published_after=2025-02-30", "published_after"),
        ("?published_before=yesterday", "published_before"),
        ("?order=title", "order"),
        ("?limit=101", "limit"),
        ("?search=" + "số " * 67, "search"),  # 201 characters
        ("?limit=-1", "limit"),
        ("?offset=x", "offset"),
        ("?tinh=79", "tinh"),
    ],
)
def test_bad_queries_answer_400_naming_the_parameter(client, db, query, parameter):
    response = client.get(STORIES + query)
    assert response.status_code == 400
    assert parameter in response.json()["message"]


def test_a_story_carries_what_an_outlet_needs(client, stories):
    image = Image.objects.create(title="Bắc Giang", file=get_test_image_file(size=(1600, 900)))
    story = stories["bac-giang"]
    link = f'<a linktype="page" id="{province("24").pk}">Bắc Giang</a>'
    story.hero_image, story.hero_image_alt = image, "Cán bộ y tế lấy mẫu xét nghiệm"
    story.body = [
        ("paragraph", RichText(f"<p>Tỉnh {link} số hoá xét nghiệm.</p>")),
        uploaded_video(make_video_media(5)),
    ]
    story.save_revision().publish()
    item = client.get(f"{STORIES}{story.pk}/").json()
    assert item["guid"].startswith("urn:uuid:")
    assert item["theme"] == {"code": "chinh-quyen-so", "label": "Chính quyền số"}
    assert item["format"] == "both"
    assert item["province"]["code"] == "24"
    assert item["province"]["current_unit"] == {"code": "24", "name": "Tỉnh Bắc Ninh"}  # today's name
    assert item["word_count"] == 7 and item["reading_minutes"] == 1
    assert f'Tỉnh <a href="{province("24").full_url}">Bắc Giang</a> số hoá' in item["body_html"]
    assert "linktype" not in item["body_html"] and "<embed" not in item["body_html"]
    assert item["body"][0]["type"] == "paragraph"
    renditions = item["hero_image"]["renditions"]
    assert set(renditions) == {"original", "share", "medium"}
    assert renditions["share"]["width"] == 1200 and renditions["medium"]["width"] == 800
    assert all(r["url"].startswith("http://") for r in renditions.values())
    assert item["hero_image"]["alt"] == "Cán bộ y tế lấy mẫu xét nghiệm"
    video = item["video"]
    assert video["source"] == "upload" and video["mime_type"] == "video/mp4"
    assert video["duration"] == pytest.approx(5, abs=0.1) and video["url"].startswith("http://")
    assert item["licence"] == {"id": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert item["credit_line"] == story.credit_line
    assert [t["locale"] for t in item["translations"]] == ["en"]
    assert item["url"] == story.full_url


def test_urls_are_the_ones_wagtail_builds(client, stories):
    story = stories["bac-giang"]
    link = f'<a linktype="page" id="{province("24").pk}">Bắc Giang</a>'
    story.body = [("paragraph", RichText(f"<p>Tỉnh {link}.</p>"))]
    story.save_revision().publish()
    english, _ = translate_into_english(story)
    items = client.get(STORIES + "?limit=100").json()["items"]
    for item in items:
        assert item["url"] == Page.objects.get(pk=item["id"]).full_url
        for other in item["translations"]:
            assert other["url"] == Page.objects.get(pk=other["id"]).full_url
    by_id = {item["id"]: item for item in items}
    assert by_id[english.pk]["url"] == english.full_url and "/en/" in english.full_url
    assert f'<a href="{province("24", "en").full_url}">' in by_id[english.pk]["body_html"]
    assert f'<a href="{province("24").full_url}">' in by_id[story.pk]["body_html"]


def test_english_stories_carry_english_labels(client, stories):
    item = client.get(f"{STORIES}{stories['bac-giang-en'].pk}/").json()
    assert item["locale"] == "en"
    assert item["theme"]["label"] == "Digital government"
    assert item["province"]["name"] == "Bắc Giang Province"
    assert [t["locale"] for t in item["translations"]] == ["vi"]


def test_only_public_stories_leave(client, stories):
    private = stories["binh-duong"]
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    unpublished = stories["bac-ninh"]
    unpublished.unpublish()
    listed = client.get(STORIES + "?limit=100").json()["items"]
    ids = {item["id"] for item in listed}
    assert private.pk not in ids and unpublished.pk not in ids
    assert client.get(f"{STORIES}{private.pk}/").status_code == 404
    draft = StoryPage.objects.get(slug="nhap", locale__language_code="vi")
    assert client.get(f"{STORIES}{draft.pk}/").status_code == 404
    aliases = StoryPage.objects.filter(alias_of__isnull=False)
    assert aliases.exists() and not ids & set(aliases.values_list("pk", flat=True))


def test_a_private_translation_is_not_listed_among_a_storys_versions(client, stories):
    english = stories["bac-giang-en"]
    PageViewRestriction.objects.create(page=english, restriction_type="password", password="secret")
    item = client.get(f"{STORIES}{stories['bac-giang'].pk}/").json()
    assert item["translations"] == []


def test_a_block_of_a_type_since_removed_is_skipped(client, stories):
    story = stories["bac-giang"]
    stored = [
        {"type": "poll", "value": {"question": "?"}, "id": "old"},  # no such block type today
        {"type": "heading", "value": "Kết quả", "id": "new"},
    ]
    StoryPage.objects.filter(pk=story.pk).update(body=stored)
    item = client.get(f"{STORIES}{story.pk}/").json()
    assert [block["type"] for block in item["body"]] == ["heading"]
    assert item["body_html"] == "<h2>Kết quả</h2>"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?locale=vi",
        "?locale=en",
        "?published_after=2024-01-01",
        "?order=first_published_at",
        "?theme=chinh-quyen-so",
        "?unit=79",
        "?province=24&locale=vi",
        "?search=B%E1%BA%AFc%20Giang",  # "Bắc Giang" also matches the province's own page
    ],
)
def test_the_total_counts_exactly_the_stories_listed(client, stories, query):
    # Counted on the page table for page-level filters: drafts, aliases, private and
    # unpublished pages must stay out of the total as they stay out of the list.
    PageViewRestriction.objects.create(page=stories["binh-duong"], restriction_type="password", password="x")
    stories["bac-ninh"].unpublish()
    body = client.get(STORIES + query + ("&" if query else "?") + "limit=100").json()
    assert body["meta"]["total_count"] == len(body["items"]) > 0


def test_a_listing_names_each_province_as_the_story_itself_does(client, stories):
    # Listings read the province with the story's row, a story alone reads it on its own.
    listed = client.get(STORIES + "?limit=100").json()["items"]
    assert {item["province"]["code"] for item in listed} == {"74", "79", "24", "27"}
    for item in listed:
        assert item["province"] == client.get(f"{STORIES}{item['id']}/").json()["province"]
    binh_duong = next(item for item in listed if item["province"]["code"] == "74")
    assert binh_duong["province"]["current_unit"]["code"] == "79"  # merged into Hồ Chí Minh City


@pytest.mark.parametrize("query", ["?locale=vi", "?unit=24", "?search=COVID"])
def test_a_page_past_the_end_still_counts_the_listing(client, stories, query):
    whole = client.get(STORIES + query).json()
    past_the_end = client.get(STORIES + query + "&offset=50").json()
    assert past_the_end["items"] == [] and whole["items"]
    assert past_the_end["meta"]["total_count"] == whole["meta"]["total_count"] == len(whole["items"])


def test_the_number_of_queries_does_not_grow_with_limit(client, db):
    image = Image.objects.create(title="Ảnh", file=get_test_image_file())
    video = make_video_media(5)
    for number in range(100):
        body = [
            paragraph(f"Câu chuyện {number}"),
            uploaded_video(video) if number % 3 else embedded_video(60),
        ]
        story = StoryPageFactory(parent=province(("24", "79", "46")[number % 3]), body=body)
        story.hero_image = image
        story.save_revision().publish()
    client.get(STORIES + "?limit=100")  # renditions are made once, on first use
    counts = {}
    for limit in (10, 100):
        caches["responses"].clear()  # measure the work of building the response, not the response cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{STORIES}?limit={limit}").status_code == 200
        counts[limit] = len(queries)
    assert abs(counts[100] - counts[10]) <= 2, counts
    assert max(counts.values()) <= 15, counts


def queries_for(client, url) -> int:
    caches["responses"].clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_each_place_filter_costs_one_query(client, stories):
    plain = queries_for(client, STORIES)
    assert (
        queries_for(client, f"{STORIES}?locale=vi&theme=kinh-te-so&format=text&published_after=2020-01-01")
        == plain
    )
    assert (
        queries_for(client, f"{STORIES}?unit=79&locale=vi") == plain + 1
    )  # the unit and what merged into it
    assert queries_for(client, f"{STORIES}?province=74&unit=79") == plain + 2


def test_provinces_lists_the_63_with_their_story_counts(client, stories):
    items = client.get("/api/v2/provinces/").json()["items"]
    assert len(items) == 63
    by_code = {item["code"]: item for item in items}
    assert by_code["74"]["status"] == "merged" and by_code["74"]["current_unit"]["code"] == "79"
    assert by_code["24"]["published_stories"] == {"vi": 1, "en": 1}
    assert by_code["01"]["published_stories"] == {"vi": 0, "en": 0}
    assert len(client.get("/api/v2/provinces/?status=current").json()["items"]) == 34
    assert client.get("/api/v2/provinces/?status=gone").status_code == 400


def test_media_endpoint_carries_the_measured_duration(client, db):
    video = make_video_media(5, title="Hue-S")
    publish(StoryPageFactory(body=[uploaded_video(video)]), on="2025-08-01 09:00")  # only used files leave
    item = client.get(f"/api/v2/media/{video.pk}/").json()
    assert item["duration"] == pytest.approx(5, abs=0.1)
    assert client.get("/api/v2/media/").json()["items"][0]["duration"] == pytest.approx(5, abs=0.1)


def test_json_keeps_drf_shapes_utc_as_z_and_unescaped_vietnamese(client, stories):
    response = client.get(f"{STORIES}{stories['bac-giang'].pk}/")
    assert response["Content-Type"] == "application/json"
    item = response.json()
    assert item["first_published_at"] == "2025-09-15T02:00:00Z"  # 09:00 in Hà Nội
    assert "Xét nghiệm COVID-19 ở Bắc Giang".encode() in response.content  # UTF-8, not \\u escapes
    assert b"\n" not in response.content.strip()  # compact: one line


def test_private_sections_are_looked_up_once_per_request(client, stories):
    def restriction_lookups(path):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        # Both the listing and its total exclude private sections: one lookup serves both.
        return sum('FROM "wagtailcore_pageviewrestriction" INNER JOIN' in q["sql"] for q in queries)

    assert restriction_lookups(STORIES + "?locale=vi") == 1
    assert restriction_lookups("/") == 1  # the home page lists stories through several querysets
    # The lookup does not outlive its request: a restriction made since applies to the next one.
    PageViewRestriction.objects.create(page=stories["binh-duong"], restriction_type="password", password="x")
    caches["responses"].clear()  # the work of building the listing, not the cached response
    ids = {item["id"] for item in client.get(STORIES + "?locale=vi").json()["items"]}
    assert stories["binh-duong"].pk not in ids and stories["bac-ninh"].pk in ids
