"""Thousands of synthetic stories in bulk, for benchmarks.

Creating pages one by one through treebeard costs dozens of queries each; here the tree paths
are computed directly and rows are inserted in batches, so 10,000 stories take a minute or two.
Synthetic stories are live but have no revisions; the admin edits them like any other page.
"""

import random
import re
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search.indexing import index_pages
from story_pages.demo.assets import theme_image
from story_pages.demo.curated import load_curated_stories
from story_pages.models import ProvincePage, StoryPage, Theme
from story_pages.rules import content as rules

BATCH_SIZE = 500
SLUG_PREFIX = "cau-chuyen-mau-"


def _sentence_pool() -> list[str]:
    """Paragraphs of the curated stories: real Vietnamese to shuffle into synthetic bodies."""
    return [
        block["value"]
        for story in load_curated_stories()
        for block in story["body"]
        if block["type"] == "paragraph"
    ]


def _synthetic_body(rng: random.Random, paragraphs: list[str], number: int) -> list[dict]:
    body = [{"type": "heading", "value": f"Câu chuyện mẫu số {number}"}]
    body += [{"type": "paragraph", "value": p} for p in rng.sample(paragraphs, k=min(4, len(paragraphs)))]
    body.append(
        {
            "type": "key_result",
            "value": {"figure": f"{rng.randint(10, 99)}%", "label": "hồ sơ xử lý trực tuyến"},
        }
    )
    body.append({"type": "lesson", "value": {"title": "Bắt đầu từ nhu cầu của người dân", "text": ""}})
    if number % 5 == 0:
        body.append(
            {
                "type": "video",
                "value": {
                    "embed_url": f"https://www.youtube.com/watch?v=demo{number:06d}",
                    "embed_duration": 300 + number % 400,
                    "transcript": "Cán bộ và người dân kể lại cách tỉnh đưa dịch vụ công lên mạng.",
                },
            }
        )
    return body


def create_synthetic_stories(count: int, seed: int = 63) -> int:
    """Add ``count`` live synthetic stories spread over the 63 provinces; returns how many."""
    rng = random.Random(seed)
    paragraphs = _sentence_pool()
    provinces = list(ProvincePage.objects.filter(locale=Locale.get_default()).order_by("code"))
    last_steps = {province.pk: _last_child_step(province) for province in provinces}
    images = {theme: theme_image(theme) for theme in Theme.values}
    content_type = ContentType.objects.get_for_model(StoryPage)
    first_number = _highest_number() + 1
    last_number = first_number + count
    now = timezone.now()
    for batch_start in range(first_number, last_number, BATCH_SIZE):
        with transaction.atomic():
            stories, touched = [], {}
            for number in range(batch_start, min(batch_start + BATCH_SIZE, last_number)):
                province = provinces[number % len(provinces)]
                last_steps[province.pk] += 1
                story = StoryPage(
                    path=StoryPage._get_path(province.path, province.depth + 1, last_steps[province.pk]),
                    depth=province.depth + 1,
                    content_type=content_type,
                    locale_id=province.locale_id,
                    first_published_at=now - timedelta(minutes=number),
                    last_published_at=now - timedelta(minutes=number),
                    **_synthetic_content(province, number, rng, paragraphs, images),
                )
                story.story_format = rules.story_format(story.body) or ""
                story.body_words = story.word_count
                stories.append(story)
                province.numchild += 1
                touched[province.pk] = province
            _insert_stories(stories)
            for province in touched.values():
                Page.objects.filter(pk=province.pk).update(numchild=province.numchild)
            get_search_backend().add_bulk(StoryPage, stories)
            index_pages(stories)
    with connection.cursor() as cursor:
        # Fresh statistics (or PostgreSQL plans story listings as if the tables were empty) and,
        # outside a transaction, a vacuum so counts can use index-only scans.
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    return count


def _highest_number() -> int:
    """Synthetic stories are numbered on from the highest number used, even after deletions."""
    slugs = Page.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True)
    numbers = [int(match.group(1)) for slug in slugs if (match := re.fullmatch(rf"{SLUG_PREFIX}(\d+)", slug))]
    return max(numbers, default=0)


def _last_child_step(province) -> int:
    """The tree step of the province's last child: new paths go after it, whatever was deleted."""
    last_child = province.get_last_child()
    return StoryPage._str2int(last_child.path[-StoryPage.steplen :]) if last_child else 0


def _synthetic_content(province, number, rng, paragraphs, images) -> dict:
    theme = Theme.values[number % len(Theme.values)]
    slug = f"{SLUG_PREFIX}{number}"
    title = f"Câu chuyện chuyển đổi số mẫu {number} – {province.title}"
    return {
        "title": title,
        "draft_title": title,
        "slug": slug,
        "url_path": f"{province.url_path}{slug}/",
        "translation_key": uuid.uuid4(),
        "live": True,
        "has_unpublished_changes": False,
        "summary": "Một câu chuyện mẫu, tạo tự động để đo hiệu năng của T63.",
        "theme": theme,
        "hero_image": images[theme],
        "body": _synthetic_body(rng, paragraphs, number),
        "credit_line": f"Sở Thông tin và Truyền thông {province.official_name}",
    }


def _insert_stories(stories: list[StoryPage]) -> None:
    """Insert the page rows, then the story rows that extend them (Django won't bulk-create MTI)."""
    pages = Page.objects.bulk_create([_base_page(story) for story in stories])
    for story, page in zip(stories, pages, strict=True):
        story.pk = story.page_ptr_id = page.pk
    fields = list(StoryPage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(StoryPage._meta.db_table)
    rows = [[f.get_db_prep_save(getattr(story, f.attname), connection) for f in fields] for story in stories]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)


def _base_page(story: StoryPage) -> Page:
    return Page(
        **{f.attname: getattr(story, f.attname) for f in Page._meta.concrete_fields if f.attname != "id"}
    )
