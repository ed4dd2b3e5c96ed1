"""The ministry's dashboard panel: how solutions spread ("nhân rộng")."""

from django.db.models import Q
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from story_pages.learning.adoptions import SolutionAdoption
from story_pages.learning.solution_listing import adopter_count_subquery
from story_pages.learning.solutions import SolutionPage, StorySolution
from story_pages.models import StoryPage

SHOWN = 10


class SpreadPanel(Component):
    """The most replicated solutions, and the stories that led to adoptions."""

    name = "t63_solution_spread"
    template_name = "story_pages/admin/solution_spread_panel.html"
    order = 245

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["solutions"] = most_replicated()
        context["stories"] = stories_that_led_to_adoptions()
        return context


def most_replicated(limit: int = SHOWN) -> list[SolutionPage]:
    """Vietnamese solutions with at least one approved adopting unit, the most adopted first."""
    solutions = (
        SolutionPage.objects.filter(locale=Locale.get_default())
        .annotate(adopter_count=adopter_count_subquery())
        .filter(adopter_count__gt=0)
        .select_related("origin_province__merged_into")  # its admin_name names today's unit
        .order_by("-adopter_count", "title")
    )
    return list(solutions[:limit])


def stories_that_led_to_adoptions(limit: int = SHOWN) -> list[StoryPage]:
    """Published Vietnamese stories named on an approved adoption, or telling of a solution that
    was adopted; with ``adoptions``: the approved adoptions they account for."""
    approved = SolutionAdoption.objects.approved()
    adopted_solution_keys = approved.values("solution__translation_key")
    told_of_adopted = StorySolution.objects.filter(
        solution__translation_key__in=adopted_solution_keys
    ).values("page__translation_key")
    linked = approved.filter(story__isnull=False).values("story__translation_key")
    stories = list(
        StoryPage.objects.published()
        .filter(
            Q(translation_key__in=told_of_adopted) | Q(translation_key__in=linked),
            locale=Locale.get_default(),
        )
        .order_by("-first_published_at")[:limit]
    )
    return stories
