"""A backup restores every page, revision, translation, image and video exactly, on SQLite and
PostgreSQL alike, after content was changed and deleted in between."""

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from story_pages.models import StoryPage
from t63site.operations.fingerprint import content_counts, published_hash
from tests.factories import make_video_media, paragraph, publish_story, translate_into_english, uploaded_video

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    image = get_image_model().objects.create(title="Trung tâm IOC", file=get_test_image_file())
    video = make_video_media(3, "Phóng sự")
    story = publish_story(hero_image=image, body=[paragraph("Một cửa số"), uploaded_video(video)])
    story.title = "Bắc Giang số hoá xét nghiệm"
    story.save_revision().publish()  # a second revision
    english, _translation = translate_into_english(story)
    return story, english, image, video


def test_a_restore_brings_back_exactly_what_was_backed_up(content, tmp_path):
    story, english, image, video = content
    before = (content_counts(), published_hash())
    assert before[0]["translations"] >= 1 and before[0]["images"] >= 1 and before[0]["videos"] >= 1
    archive = tmp_path / "t63.tar.gz"
    call_command("backup", str(archive))

    story.title = "Changed after the backup"
    story.save_revision().publish()
    english.delete()
    default_storage.delete(image.file.name)
    video.delete()
    assert (content_counts(), published_hash()) != before

    call_command("restore", str(archive), no_input=True)
    assert (content_counts(), published_hash()) == before
    assert StoryPage.objects.get(pk=story.pk).title == "Bắc Giang số hoá xét nghiệm"
    assert default_storage.exists(image.file.name)


def test_the_restored_site_serves_the_story_and_finds_it(content, tmp_path, client):
    story = content[0]
    archive = tmp_path / "t63.tar.gz"
    call_command("backup", str(archive))
    story.delete()
    call_command("restore", str(archive), no_input=True)
    restored = StoryPage.objects.get(pk=story.pk)
    assert client.get(restored.url).status_code == 200
    api = client.get("/api/v2/stories/").json()
    assert story.pk in [item["id"] for item in api["items"]]
    assert StoryPage.objects.live().search("Bắc Giang")  # the admin's search index was rebuilt
