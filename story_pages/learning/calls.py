"""Calls for stories ("kêu gọi câu chuyện"): the ministry asks for stories on a theme by a deadline;
an editor says on the story which call it answers; the call lists the published answers, and the
ministry sees which of the 34 units answered."""

from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from story_pages.models.provinces import ProvincePage, ProvinceStatus
from story_pages.models.stories import StoryPage
from story_pages.models.story_cards import parent_path
from story_pages.publishing import PublishedByPublishers
from story_pages.visibility import PrivateLikeItsSource


class CallForStoriesPage(PublishedByPublishers, PrivateLikeItsSource, Page):
    topic = models.CharField(
        _("theme of the call"),
        max_length=255,
        help_text=_("For example: digital transformation in health care."),
    )
    deadline = models.DateField(_("deadline"), help_text=_("The last day a story can be submitted."))
    description = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )

    template = "story_pages/learning/call_for_stories_page.html"
    content_panels = Page.content_panels + [
        FieldPanel("topic"),
        FieldPanel("deadline"),
        FieldPanel("description"),
    ]
    parent_page_types = ["story_pages.ConferenceIndexPage"]
    subpage_types = []

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("topic"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("deadline"),
    ]

    class Meta:
        verbose_name = _("call for stories")
        verbose_name_plural = _("calls for stories")

    @property
    def is_open(self) -> bool:
        return timezone.localdate() <= self.deadline

    def answers(self):
        """The stories submitted to this call (whichever language version of it the editor
        chose), in this page's language."""
        return StoryPage.objects.filter(
            answers_call__translation_key=self.translation_key, locale_id=self.locale_id
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = self.answers().published().newest_first().cards()
        return context


@dataclass
class UnitAnswer:
    unit: ProvincePage
    published: int = 0
    in_progress: int = 0  # drafts and stories in review: the unit is working on an answer

    @property
    def answered(self) -> bool:
        return bool(self.published or self.in_progress)


def unit_answers(call: CallForStoriesPage) -> list[UnitAnswer]:
    """Each of the current units with its stories answering the call (the Vietnamese originals;
    a merged province's stories count for the unit it merged into), those with none last. Three
    queries whatever the number of units and stories."""
    default_locale = Locale.get_default()
    provinces = ProvincePage.objects.filter(locale=default_locale)
    by_path = {province.path: province for province in provinces}
    answers = {
        p.pk: UnitAnswer(p)
        for p in sorted(by_path.values(), key=lambda p: p.code)
        if p.status == ProvinceStatus.CURRENT
    }
    stories = (
        StoryPage.objects.filter(answers_call__translation_key=call.translation_key, locale=default_locale)
        .filter(alias_of__isnull=True)
        .values_list("path", "live")
    )
    for path, live in stories:
        province = by_path.get(parent_path(path))
        if province is None:
            continue
        answer = answers.get(province.merged_into_id or province.pk)
        if answer is None:
            continue
        if live:
            answer.published += 1
        else:
            answer.in_progress += 1
    return sorted(answers.values(), key=lambda a: not a.answered)
