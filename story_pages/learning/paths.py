"""Learning paths ("lộ trình học"): ordered collections of stories the ministry curates for the
training of officials, each with an introduction, shareable, printable as a handout."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from story_pages import visibility
from story_pages.learning.event_blocks import LearningStepsBlock
from story_pages.models.stories import StoryPage
from story_pages.models.story_cards import attach_provinces
from story_pages.publishing import PublishedByPublishers
from story_pages.visibility import PrivateLikeItsSource


class LearningPathIndexPage(PublishedByPublishers, PrivateLikeItsSource, Page):
    """/lo-trinh-hoc/: the learning paths of one language."""

    intro = models.TextField(_("introduction"), blank=True)

    template = "story_pages/learning/learning_path_index_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["story_pages.LearningPathPage"]
    max_count_per_parent = 1

    override_translatable_fields = [TranslatableField("title"), TranslatableField("intro")]

    class Meta:
        verbose_name = _("learning path index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["paths"] = list(
            visibility.published(LearningPathPage.objects.child_of(self)).order_by("path")
        )
        return context


class LearningPathPage(PublishedByPublishers, PrivateLikeItsSource, Page):
    introduction = models.TextField(
        _("introduction"), help_text=_("Who the path is for and what they will learn, in a few sentences.")
    )
    audience = models.CharField(
        _("for"),
        max_length=255,
        blank=True,
        help_text=_("For example: officials of provincial health departments."),
    )
    steps = StreamField(
        LearningStepsBlock(),
        verbose_name=_("stories, in order"),
        help_text=_("The stories to read, in the order to read them, each with an optional note."),
    )

    template = "story_pages/learning/learning_path_page.html"
    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("audience"),
        FieldPanel("steps"),
    ]
    parent_page_types = ["story_pages.LearningPathIndexPage"]
    subpage_types = []

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("introduction"),
        TranslatableField("audience"),
        TranslatableField("steps"),
        SynchronizedField("slug"),
    ]

    class Meta:
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = path_steps([self])[self.pk]
        return context


class Step:
    """One step of a path as readers see it: the story in the path's language, and the note."""

    def __init__(self, number: int, story: StoryPage, note: str):
        self.number, self.story, self.note = number, story, note


def story_ids(path: LearningPathPage) -> list[tuple[int, str]]:
    """(story id, note) of each step, read from the stored stream without loading the pages."""
    steps = []
    for item in path.steps.raw_data:
        value = item.get("value") or {}
        if item.get("type") == "step" and value.get("story"):
            steps.append((value["story"], value.get("note") or ""))
    return steps


def path_steps(paths: list[LearningPathPage]) -> dict[int, list[Step]]:
    """The readable steps of each path: published stories only, each in the path's language
    when translated (else the original). A fixed number of queries for any number of paths."""
    chosen = {path.pk: story_ids(path) for path in paths}
    ids = {story_id for steps in chosen.values() for story_id, _note in steps}
    originals = {
        s.pk: s for s in StoryPage.objects.filter(pk__in=ids).only("pk", "translation_key", "locale_id")
    }
    keys = {story.translation_key for story in originals.values()}
    locales = {path.locale_id for path in paths}
    versions = list(
        visibility.published(StoryPage.objects.filter(translation_key__in=keys))
        .filter(models.Q(locale_id__in=locales) | models.Q(pk__in=ids))
        .defer("body")
        .select_related("locale")
    )
    attach_provinces(versions)
    by_key_locale = {(v.translation_key, v.locale_id): v for v in versions}
    result = {}
    for path in paths:
        steps = []
        for story_id, note in chosen[path.pk]:
            original = originals.get(story_id)
            if original is None:
                continue
            story = by_key_locale.get((original.translation_key, path.locale_id)) or by_key_locale.get(
                (original.translation_key, original.locale_id)
            )
            if story is not None:
                steps.append(Step(len(steps) + 1, story, note))
        result[path.pk] = steps
    return result
