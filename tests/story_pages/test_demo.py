"""The demo content: curated stories once each, and synthetic stories in bulk."""

from django.core.management import call_command
from wagtail.models import Page

from story_pages.models import StoryPage


def test_load_demo_publishes_a_dozen_stories_over_every_theme_once(db):
    call_command("load_demo", verbosity=0)
    stories = StoryPage.objects.live()
    assert stories.count() >= 12
    assert set(stories.values_list("theme", flat=True)) == {"chinh-quyen-so", "kinh-te-so", "xa-hoi-so"}
    assert stories.values("path").distinct().count() == stories.count()
    assert len({story.get_parent().pk for story in stories}) >= 10
    assert all(story.rule_violations() == [] for story in stories)

    call_command("load_demo", verbosity=0)
    assert StoryPage.objects.count() == stories.count()


def test_a_demo_story_carries_a_real_uploaded_video(db):
    call_command("load_demo", verbosity=0)
    hue_s = StoryPage.objects.get(slug="hue-s-nen-tang-cong-dan-thua-thien-hue")
    videos = [block.value for block in hue_s.body if block.block_type == "video"]
    assert videos and videos[0].source == "upload"
    assert 4.5 < videos[0].duration < 5.5
    assert hue_s.story_format == "both"


def test_synthetic_stories_are_real_pages(db, client):
    call_command("load_demo", stories=40, verbosity=0)
    synthetic = StoryPage.objects.filter(slug__startswith="cau-chuyen-mau-")
    assert synthetic.count() == 40
    assert Page.find_problems() == ([], [], [], [], [])
    story = synthetic.first()
    assert client.get(story.url).status_code == 200
    assert story.get_parent().specific.numchild == story.get_parent().get_children().count()
    assert story in list(StoryPage.objects.search(story.title.split(" – ")[0], operator="and"))


def test_synthetic_stories_go_on_after_stories_were_deleted(db):
    call_command("load_demo", stories=130, verbosity=0)
    synthetic = StoryPage.objects.filter(slug__startswith="cau-chuyen-mau-")
    # An editor deletes a few, including the last story of a province.
    for story in synthetic.order_by("-path")[:3]:
        story.delete()
    synthetic.filter(slug="cau-chuyen-mau-5").delete()
    call_command("load_demo", stories=70, verbosity=0)
    assert synthetic.count() == 130 - 4 + 70
    assert synthetic.values("slug").distinct().count() == synthetic.count()
    assert Page.find_problems() == ([], [], [], [], [])
