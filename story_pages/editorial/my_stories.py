"""The stories a province editor follows: their drafts, their stories in review, their unit's
published stories. Each list is read in a fixed number of queries, whatever its length."""

from dataclasses import dataclass

from django.db.models import CharField, Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.models import TaskState, WorkflowState, get_default_page_content_type

from story_pages.editorial.teams import WORKFLOW
from story_pages.models import ProvincePage, StoryPage

SHOWN = 10


@dataclass
class Listing:
    """The first ``SHOWN`` items of a list, and how many there are in all."""

    items: list
    count: int


def in_active_workflow():
    """Stories with a review in progress or sent back for changes."""
    return Exists(
        WorkflowState.objects.active().filter(
            base_content_type_id=get_default_page_content_type().pk,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
    )


def my_drafts(user) -> Listing:
    """Stories the person owns with changes nobody published yet (never published, or edited
    since), outside review, the most recently saved first."""
    drafts = (
        StoryPage.objects.filter(Q(live=False) | Q(has_unpublished_changes=True))
        .filter(owner=user, alias_of__isnull=True)
        .exclude(in_active_workflow())
        .defer("body")
        .order_by("-latest_revision_created_at", "-pk")
    )
    return Listing(list(drafts[:SHOWN]), drafts.count())


@dataclass
class InReview:
    story: StoryPage
    state: WorkflowState

    @property
    def task_state(self) -> TaskState | None:
        return self.state.current_task_state

    @property
    def changes_requested(self) -> bool:
        return self.state.status == WorkflowState.STATUS_NEEDS_CHANGES

    @property
    def moderator_comment(self) -> str:
        return self.task_state.comment if self.changes_requested and self.task_state else ""

    @property
    def moderator(self):
        return self.task_state.finished_by if self.changes_requested and self.task_state else None


def my_stories_in_review(user) -> Listing:
    """The person's stories (owned, or submitted by them) in the review workflow, the most
    recently moved first; a story sent back keeps the moderator's comment."""
    owned_story = Exists(
        StoryPage.objects.filter(owner=user, pk=Cast(OuterRef("object_id"), output_field=IntegerField()))
    )
    is_story = Exists(StoryPage.objects.filter(pk=Cast(OuterRef("object_id"), output_field=IntegerField())))
    states = (
        WorkflowState.objects.active()
        .filter(workflow__name=WORKFLOW, base_content_type_id=get_default_page_content_type().pk)
        .filter(is_story)
        .filter(Q(requested_by=user) | owned_story)
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .order_by("-current_task_state__started_at", "-pk")
    )
    shown = list(states[:SHOWN])
    stories = StoryPage.objects.defer("body").in_bulk([int(state.object_id) for state in shown])
    items = [InReview(stories[int(s.object_id)], s) for s in shown if int(s.object_id) in stories]
    return Listing(items, states.count())


def published_of_unit(unit: ProvincePage) -> Listing:
    """The unit's published stories (those of the provinces merged into it included), newest first."""
    stories = StoryPage.objects.published_in(unit.unit_provinces()).defer("body").newest_first()
    return Listing(list(stories[:SHOWN]), stories.count())
