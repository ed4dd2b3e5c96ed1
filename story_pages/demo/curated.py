"""The curated demo stories of ``demo_data/stories.json``, created once each."""

import json
from pathlib import Path

from django.db import transaction
from wagtail_localize.synctree import create_aliases_for_new_page

from story_pages.demo.assets import demo_video, story_image
from story_pages.demo.illustration import StoryPicture
from story_pages.models import ProvincePage, StoryPage

STORIES_FILE = Path(__file__).resolve().parent.parent / "demo_data" / "stories.json"


def load_curated_stories() -> list[dict]:
    return json.loads(STORIES_FILE.read_text(encoding="utf-8"))


@transaction.atomic
def create_curated_stories() -> tuple[int, int]:
    """Create and publish each curated story that does not exist yet; (created, skipped)."""
    created = skipped = 0
    for story in load_curated_stories():
        province = ProvincePage.objects.get(code=story["province_code"], locale__language_code="vi")
        if StoryPage.objects.child_of(province).filter(slug=story["slug"]).exists():
            skipped += 1
            continue
        body = list(story["body"])
        if story.get("with_video"):
            # After the first paragraph, where a reader expects it.
            video = {
                "media": demo_video().pk,
                "cues": story.get("video_captions", []),
                "caption": story.get("video_caption", ""),
            }
            body.insert(1, {"type": "video", "value": video})
        page = StoryPage(
            title=story["title"],
            slug=story["slug"],
            summary=story["summary"],
            theme=story["theme"],
            hero_image=story_image(story),
            hero_image_alt=StoryPicture.of(story).alt_text("vi"),
            body=json.dumps(body),
            credit_line=story["credit_line"],
        )
        province.add_child(instance=page)
        create_aliases_for_new_page(page)  # its place in the English tree, as the admin would make
        page.save_revision().publish()
        created += 1
    return created, skipped
