"""Test data for the solutions: pages in both languages and adoption records."""

from datetime import date

from wagtail.models import Locale

from story_pages.learning.adoptions import AdoptionStatus, record_adoption
from story_pages.learning.solution_setup import ensure_solution_index
from story_pages.learning.solutions import SolutionPage, StorySolution
from story_pages.models import Theme
from tests.factories import province


def make_solution(title="Hue-S", origin="46", theme=Theme.DIGITAL_GOVERNMENT, english=True, **fields):
    """A published solution under the Vietnamese index and, unless told, its English version."""
    index = ensure_solution_index()
    page = SolutionPage(
        title=title,
        slug=fields.pop("slug", None) or title.lower().replace(" ", "-"),
        summary=fields.pop("summary", f"{title}: người dân phản ánh hiện trường qua điện thoại."),
        built_by=fields.pop("built_by", "Sở Thông tin và Truyền thông"),
        origin_province=province(origin),
        theme=theme,
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    if english:
        translated = page.copy_for_translation(Locale.objects.get(language_code="en"))
        translated.title = f"EN {title}"
        translated.summary = f"EN {page.summary}"
        translated.save_revision().publish()
    return SolutionPage.objects.get(pk=page.pk)


def english_of(page):
    return page.get_translation(Locale.objects.get(language_code="en")).specific


def adopt(solution, code, status=AdoptionStatus.IN_USE, since=date(2022, 5, 1), approved=True, **kwargs):
    return record_adoption(solution, province(code), status=status, since=since, approved=approved, **kwargs)


def tell_of(story, solution):
    """The solution chosen on the story, as its editor does, and the story published again."""
    story.solution_links.add(StorySolution(solution=solution))
    story.save_revision().publish()
    return story
