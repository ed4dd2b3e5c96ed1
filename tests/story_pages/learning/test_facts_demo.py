"""The demo shows the case facts a learning province looks for, in both languages, once."""

from django.core.management import call_command
from wagtail.models import Locale

from story_pages.learning.usefulness import UsefulnessDay
from story_pages.models import StoryPage


def test_demo_stories_carry_case_facts_in_every_stage_and_in_english(db, client):
    call_command("load_demo", verbosity=0)
    with_facts = StoryPage.objects.live().filter(locale__language_code="vi").exclude(case_stage="")
    assert with_facts.count() == 7
    assert {"pilot", "in-use", "scaled", "replicated", "ended"} <= set(
        with_facts.values_list("case_stage", flat=True)
    )
    assert UsefulnessDay.objects.filter(story__in=with_facts).exists()

    hue_s = with_facts.get(slug="hue-s-nen-tang-cong-dan-thua-thien-hue")
    page = client.get(hue_s.url).content.decode()
    assert "Thông tin triển khai" in page and "Nhân rộng toàn tỉnh" in page

    english = hue_s.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.case_stage == "scaled" and english.case_problem != hue_s.case_problem
    assert "Implementation facts" in client.get(english.url).content.decode()

    revisions = StoryPage.objects.exclude(case_stage="").values_list("pk", "latest_revision_id")
    before = set(revisions)
    call_command("load_demo", verbosity=0)  # a second load changes nothing
    assert set(revisions) == before
