"""Each demo story's own illustration: distinct, the same on every run, described in both languages."""

import hashlib
import io

from django.core.management import call_command
from PIL import Image

from story_pages.demo.curated import load_curated_stories
from story_pages.demo.illustration import StoryPicture
from story_pages.models import StoryPage


def test_every_demo_story_has_its_own_described_illustration(db, django_capture_on_commit_callbacks, client):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    stories = list(StoryPage.objects.live().filter(locale__language_code="vi").select_related("hero_image"))
    assert len(stories) == 12
    curated = {story["slug"]: story for story in load_curated_stories()}
    hashes = set()
    for story in stories:
        with story.hero_image.open_file() as stored:
            data = stored.read()
        hashes.add(hashlib.sha256(data).hexdigest())
        assert Image.open(io.BytesIO(data)).size == (1600, 900)
        assert data == StoryPicture.of(curated[story.slug]).png()  # deterministic: the same bytes again
        # Vietnamese alt text names the picture and the province it marks.
        assert story.hero_alt_text.startswith("Hình minh hoạ: ")
        assert story.get_parent().specific.short_name in story.hero_alt_text
    assert len(hashes) == len(stories), "two demo stories share an image"

    english = StoryPage.objects.live().filter(locale__language_code="en", alias_of__isnull=True)
    assert english.count() == 4
    for translation in english:
        assert translation.hero_image_id == translation.get_translation(stories[0].locale).hero_image_id
        assert translation.hero_alt_text.startswith("Illustration: ")
        page = client.get(translation.url).content.decode()
        assert f'alt="{translation.hero_alt_text}"' in page

    call_command("load_demo", verbosity=0)  # a second run adds no image
    assert len({story.hero_image_id for story in StoryPage.objects.filter(locale__language_code="vi")}) == 12


def test_the_same_story_draws_the_same_picture_and_its_neighbour_a_different_one():
    first, second = (StoryPicture.of(story) for story in load_curated_stories()[:2])
    assert first.motif == second.motif  # both handbooks: the province and the seed still tell them apart
    assert first.png() == first.png()
    assert first.png() != second.png()
    assert first.alt_text("vi") != second.alt_text("vi")
    assert "Thái Nguyên" in first.alt_text("en") and "tỉnh Thái Nguyên" in first.alt_text("vi")
