"""Solutions (giải pháp / nền tảng): the platforms provinces built, the stories that tell of them,
and the index that lists them with their spread.

Where a solution runs is its adoption records (``learning/adoptions.py``), kept once for every
language: against the Vietnamese solution page and the current unit (one of the 34), so that a
province merged in 2025 adopts through the unit it belongs to today.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Orderable, Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from story_pages import visibility
from story_pages.learning.adoptions import AdoptionStatus, SolutionAdoption
from story_pages.learning.solution_listing import PROVINCE_COUNT_CHOICES, SolutionFilters, where_it_runs
from story_pages.models.provinces import ProvincePage
from story_pages.models.stories import StoryPage, Theme
from story_pages.publishing import PublishedByPublishers


def default_locale_only():
    return Q(locale__language_code=Locale.get_default().language_code)


class SolutionIndexPage(PublishedByPublishers, visibility.PrivateLikeItsSource, Page):
    """/giai-phap/ (/en/solutions/): every solution, filtered by theme, status and spread."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["story_pages.SolutionPage"]
    max_count_per_parent = 1
    template = "story_pages/learning/solution_index_page.html"

    override_translatable_fields = [TranslatableField("title"), TranslatableField("intro")]

    class Meta:
        verbose_name = _("solution index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = SolutionFilters(request.GET)
        context["filters"] = filters
        context["solutions"] = filters.apply(self)
        context["themes"] = Theme.choices
        context["statuses"] = AdoptionStatus.choices
        context["province_counts"] = PROVINCE_COUNT_CHOICES
        return context


class SolutionPage(PublishedByPublishers, visibility.PrivateLikeItsSource, Page):
    """One solution: what it does, who built it, where it came from and where it runs."""

    summary = models.TextField(
        _("what it does"),
        max_length=400,
        help_text=_("One or two sentences: what the solution does, and for whom."),
    )
    description = models.TextField(_("description"), blank=True)
    built_by = models.CharField(
        _("built by"),
        max_length=255,
        help_text=_(
            "The organisation that built it, for example: Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế."
        ),
    )
    origin_province = models.ForeignKey(
        ProvincePage,
        verbose_name=_("origin province"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=default_locale_only,
        help_text=_("The province where it was built, as it was then (one of the 63)."),
    )
    theme = models.CharField(_("theme"), max_length=16, choices=Theme.choices, db_index=True)
    website = models.URLField(_("website"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("built_by"),
        FieldPanel("origin_province"),
        FieldPanel("theme"),
        FieldPanel("website"),
    ]
    parent_page_types = ["story_pages.SolutionIndexPage"]
    subpage_types = []
    template = "story_pages/learning/solution_page.html"

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("built_by"),
        SynchronizedField("slug"),
        SynchronizedField("origin_province"),
        SynchronizedField("theme"),
        SynchronizedField("website"),
    ]

    class Meta:
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")

    def __str__(self):
        return self.title

    def approved_adoptions(self):
        """Where it runs: the approved records of every language version, with their units."""
        return (
            SolutionAdoption.objects.approved()
            .filter(solution__translation_key=self.translation_key)
            .select_related("unit", "story")
            .order_by("unit__short_name")
        )

    def stories(self):
        """The published stories of this page's language that tell of it (in any language)."""
        keys = StorySolution.objects.filter(solution__translation_key=self.translation_key).values(
            "page__translation_key"
        )
        return StoryPage.objects.in_language(self.locale_id).filter(translation_key__in=keys)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = self.stories().newest_first().cards()
        context["where"] = where_it_runs(self)
        return context


class StorySolution(Orderable):
    """A story tells of a solution: chosen on the story, listed on the solution page."""

    page = ParentalKey("story_pages.StoryPage", on_delete=models.CASCADE, related_name="solution_links")
    solution = models.ForeignKey(
        SolutionPage,
        verbose_name=_("solution"),
        on_delete=models.CASCADE,
        related_name="story_links",
        limit_choices_to=default_locale_only,
    )

    panels = [FieldPanel("solution")]

    class Meta(Orderable.Meta):
        verbose_name = _("solution the story tells of")
        verbose_name_plural = _("solutions the story tells of")
