"""The demo content: curated stories once each, and synthetic stories in bulk."""

from django.core.management import call_command
from wagtail.models import Locale, Page

from story_pages.models import StoryPage


def test_load_demo_publishes_a_dozen_stories_over_every_theme_once(db):
    call_command("load_demo", verbosity=0)
    stories = StoryPage.objects.live().filter(locale__language_code="vi")
    assert stories.count() == 12
    assert set(stories.values_list("theme", flat=True)) == {"chinh-quyen-so", "kinh-te-so", "xa-hoi-so"}
    assert len({story.get_parent().pk for story in stories}) >= 10
    assert all(story.rule_violations() == [] for story in stories)

    total = StoryPage.objects.count()
    call_command("load_demo", verbosity=0)
    assert StoryPage.objects.count() == total


def test_four_demo_stories_are_published_in_english(db, django_capture_on_commit_callbacks, client):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    english = StoryPage.objects.filter(locale__language_code="en")
    assert english.count() == 12  # every story has its place in the English tree…
    translated = english.published()
    assert translated.count() == 4  # …and four are translated and published
    hue_s = translated.get(slug="hue-s-nen-tang-cong-dan-thua-thien-hue")
    assert hue_s.title.startswith("Hue-S: how")
    assert "Ms Lê Thị Mai" in client.get(hue_s.url).content.decode()
    front_page = client.get("/en/").context  # the newest of each theme featured, then the others
    shown = front_page["featured_stories"] + front_page["latest_stories"]
    assert sorted(s.title for s in shown) == sorted(s.title for s in translated)


def test_a_demo_story_carries_a_real_uploaded_video_with_captions_in_both_languages(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    hue_s = StoryPage.objects.get(slug="hue-s-nen-tang-cong-dan-thua-thien-hue", locale__language_code="vi")
    videos = [block.value for block in hue_s.body if block.block_type == "video"]
    assert videos and videos[0].source == "upload"
    assert 59.5 < videos[0].duration < 60.5
    assert hue_s.story_format == "both"
    assert videos[0]["media"].processing.is_ready and videos[0].web_renditions
    vietnamese = videos[0].cues
    assert len(vietnamese) >= 12 and vietnamese[0].text.startswith("Ở Huế")
    english = hue_s.get_translation(Locale.objects.get(language_code="en")).specific
    english_cues = next(block.value for block in english.body if block.block_type == "video").cues
    assert [(cue.start, cue.end) for cue in english_cues] == [(cue.start, cue.end) for cue in vietnamese]
    assert english_cues[0].text == "In Huế, every resident can help look after the city."


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


def test_demo_solutions_are_adopted_in_several_provinces_on_the_map_and_in_the_api(
    db, django_capture_on_commit_callbacks, client
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    items = client.get("/api/v2/solutions/?locale=vi").json()["items"]
    assert len(items) >= 5
    spread = [item for item in items if len({a["unit"]["code"] for a in item["adopters"]}) >= 2]
    assert len(spread) >= 3
    for item in spread:  # besides the origin: the origin's unit never adopts its own solution
        assert item["origin"]["unit"]["code"] not in {a["unit"]["code"] for a in item["adopters"]}
        assert item["stories"]
    call_centre = next(item for item in items if item["origin"]["province"]["code"] == "77")
    assert call_centre["origin"]["unit"]["code"] == "79"  # Bà Rịa – Vũng Tàu, now part of TP.HCM
    handbook = next(item for item in items if item["origin"]["province"]["code"] == "19")
    thai_binh = next(a for a in handbook["adopters"] if a["story"])
    assert thai_binh["unit"]["code"] == "33"  # Thái Bình adopted it; it merged into Hưng Yên
    english = client.get("/api/v2/solutions/?locale=en").json()["items"]
    assert {item["title"] for item in english} >= {"Hue-S – the digital citizen platform"}
    page = client.get("/en/solutions/hue-s/")
    assert page.status_code == 200 and page.content.decode().count('class="map-dot is-adopter"') == 3

    total = len(items)
    call_command("load_demo", verbosity=0)  # idempotent
    assert len(client.get("/api/v2/solutions/?locale=vi").json()["items"]) == total


def test_demo_conferences_call_and_learning_path_in_both_languages(
    db, client, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from story_pages.learning.calls import CallForStoriesPage
    from story_pages.learning.conferences import ConferencePage
    from story_pages.learning.paths import LearningPathPage

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    held = ConferencePage.objects.get(locale__language_code="vi", start__year=2022)
    assert held.title.startswith("Hội nghị chia sẻ, phổ biến kinh nghiệm chuyển đổi số")
    assert timezone.localtime(held.start).date().isoformat() == "2022-01-13" and held.attendance == "online"
    papers = [block.value for block in held.papers]
    assert len(papers) == 6 and len({paper["theme"] for paper in papers}) == 3
    assert {paper["province"].code for paper in papers} == {"19", "34", "46", "24", "77", "79"}
    assert all(paper["story"].live for paper in papers)
    held_html = client.get(held.url).content.decode()
    assert "Kết quả hội nghị" in client.get(f"{held.url}ket-qua/").content.decode()
    for paper in papers:  # each paper leads to its story and to the solution the story tells of
        solutions = [link.solution for link in paper["story"].solution_links.all()]
        assert solutions and all(f'href="{solution.url}"' in held_html for solution in solutions)
    english_held = held.get_translation(Locale.objects.get(language_code="en"))
    assert client.get(english_held.url).status_code == 200 and english_held.url.startswith("/en/")

    assert ConferencePage.objects.filter(locale__language_code="vi", start__gt=timezone.now()).count() == 1
    assert "events-heading" in client.get("/").content.decode()

    call = CallForStoriesPage.objects.get(locale__language_code="vi")
    assert len(call.answers().published()) == 2

    paths = LearningPathPage.objects.live().filter(title__contains="5")
    assert sorted(paths.values_list("locale__language_code", flat=True)) == ["en", "vi"]
    for path in paths:
        assert len(list(path.steps)) == 5 and client.get(path.url).status_code == 200

    pages = Page.objects.count()
    call_command("load_demo", verbosity=0)
    assert Page.objects.count() == pages
