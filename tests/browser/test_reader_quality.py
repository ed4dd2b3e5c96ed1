"""What readers get in a real Chromium: pages without WCAG 2.2 A/AA violations (axe-core), that fit
a phone, and share links that carry the story."""

from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation

from story_pages.models import ProvincePage, StoryPage

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_22_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}


def story_with(language: str, story_format: str) -> StoryPage:
    """A published demo story of that format, with a translation when there is one."""
    stories = StoryPage.objects.published().filter(locale__language_code=language, story_format=story_format)
    return stories.order_by("pk").first()


def reader_pages(language: str) -> dict[str, str]:
    """Every kind of page a reader meets, by name -> path, in one language."""
    prefix = "" if language == "vi" else "/en"
    text_story, video_story = story_with(language, "text"), story_with(language, "both")
    unit = ProvincePage.objects.get(code="48", locale__language_code=language)
    theme = "chu-de/chinh-quyen-so" if language == "vi" else "themes/chinh-quyen-so"
    all_stories = "/cau-chuyen/" if language == "vi" else "/en/stories/"
    return {
        "home": f"{prefix}/",
        "province index": unit.get_parent().url,
        "province": unit.url,
        "theme": f"{prefix}/{theme}/",
        "all stories": all_stories,
        "all stories, filtered": f"{all_stories}?unit=48&format=text&sort=useful",
        "text story": text_story.url,
        "video story": video_story.url,
        "search": f"{prefix}/search/?q=chuyen+doi+so" if language == "vi" else f"{prefix}/search/?q=digital",
        "contact form": contact_form_url(text_story, language),
        "about": f"{prefix}/gioi-thieu/" if language == "vi" else f"{prefix}/about/",
        "contact": f"{prefix}/lien-he-chung/" if language == "vi" else f"{prefix}/contact/",
        **learning_pages(language),
    }


def learning_pages(language: str) -> dict[str, str]:
    """The learning network's pages: solutions, conferences, a call for stories, learning paths."""
    from story_pages.learning.calls import CallForStoriesPage
    from story_pages.learning.conferences import ConferencePage
    from story_pages.learning.paths import LearningPathPage
    from story_pages.learning.solutions import SolutionPage

    def first(model):
        return model.objects.live().filter(locale__language_code=language).order_by("pk").first()

    solution, path = first(SolutionPage), first(LearningPathPage)
    held = ConferencePage.objects.live().filter(locale__language_code=language, start__year=2022).get()
    return {
        "solution index": solution.get_parent().url,
        "solution": solution.url,
        "conference index": held.get_parent().url,
        "conference": held.url,
        "conference outcomes": held.outcomes_url,
        "call for stories": first(CallForStoriesPage).url,
        "learning path index": path.get_parent().url,
        "learning path": path.url,
        "story with case facts": StoryPage.objects.published()
        .filter(locale__language_code=language)
        .exclude(case_stage="")
        .order_by("pk")
        .first()
        .url,
    }


def contact_form_url(story: StoryPage, language: str) -> str:
    with translation.override(language):
        return reverse("story_contact", args=[story.pk])


def axe_violations(page) -> list[str]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_A_AA}})
    return [
        f"{violation['id']}: {node['target']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def test_reader_pages_have_no_wcag_violations_in_either_language(live_server, open_page, demo_site):
    violations = {}
    for language in ("vi", "en"):
        page = open_page(language)
        for name, path in reader_pages(language).items():
            response = page.goto(live_server.url + path)
            assert response.status == 200, f"{language} {name}: {path}"
            found = axe_violations(page)
            if found:
                violations[f"{language} {name} ({path})"] = found
    assert violations == {}


def overflows_horizontally(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def test_every_reader_page_fits_a_phone_in_either_language(live_server, open_page, demo_site):
    too_wide = []
    for language in ("vi", "en"):
        page = open_page(language)
        page.set_viewport_size(PHONE)
        for name, path in reader_pages(language).items():
            page.goto(live_server.url + path)
            if overflows_horizontally(page):
                too_wide.append(f"{language} {name} ({path})")
    assert too_wide == []


def test_home_and_story_fit_phone_and_desktop_and_share_the_story(
    live_server, open_page, demo_site, tmp_path
):
    story = story_with("vi", "both")
    page = open_page("vi")
    for width_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(viewport)
        for name, path in (("home", "/"), ("story", story.url)):
            page.goto(live_server.url + path)
            page.screenshot(path=tmp_path / f"{name}-{width_name}.png", full_page=True)
            assert not overflows_horizontally(page), f"{name} overflows at {viewport['width']} px"
            assert (tmp_path / f"{name}-{width_name}.png").stat().st_size > 10_000

    story_url = story.get_full_url()  # the canonical URL, from the Wagtail site
    share_links = page.locator(".story-share a[href]").evaluate_all("links => links.map(a => a.href)")
    networks = {urlsplit(link).netloc or urlsplit(link).scheme: link for link in share_links}
    assert {"www.facebook.com", "mailto"} <= set(networks), networks
    carried = [link for link in share_links if any(story_url in value for value in _values(link))]
    assert len(carried) == 5, share_links  # Facebook, Zalo, X, LinkedIn and email carry the URL
    # and a copy-link button (a plain link to the story where the Clipboard API is missing)
    assert page.locator(".story-share button.share-copy").count() == 1
    assert any(story.title in value for link in share_links for value in _values(link))


def _values(link: str) -> list[str]:
    """Every query parameter value of a link (mailto: included), decoded."""
    parts = urlsplit(link)
    return [value for values in parse_qs(parts.query).values() for value in values]
