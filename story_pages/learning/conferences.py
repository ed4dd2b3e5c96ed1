"""The ministry's sharing conferences ("Hội nghị chia sẻ, phổ biến kinh nghiệm chuyển đổi số"):
/hoi-nghi/ lists them with the calls for stories; each conference has its agenda, its papers
("tham luận") with the stories they come from, its outcomes once held, an .ics and JSON-LD Event."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from story_pages import visibility
from story_pages.learning.event_blocks import AgendaBlock, PapersBlock
from story_pages.learning.ical import calendar_response
from story_pages.publishing import PublishedByPublishers
from story_pages.visibility import PrivateLikeItsSource

RECENT_PAST_CONFERENCES = 20  # in the calendar feed, after the upcoming ones


class AttendanceMode(models.TextChoices):
    ONLINE = "online", _("online, with bridge points")
    OFFLINE = "offline", _("in person")
    MIXED = "mixed", _("in person and online")


SCHEMA_ATTENDANCE = {
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.OFFLINE: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


class ConferenceIndexPage(PublishedByPublishers, PrivateLikeItsSource, Page):
    """/hoi-nghi/: upcoming conferences, open calls for stories, then past conferences."""

    intro = models.TextField(_("introduction"), blank=True)

    template = "story_pages/learning/conference_index_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["story_pages.ConferencePage", "story_pages.CallForStoriesPage"]
    max_count_per_parent = 1

    override_translatable_fields = [TranslatableField("title"), TranslatableField("intro")]

    class Meta:
        verbose_name = _("conference index")

    def get_context(self, request, *args, **kwargs):
        from story_pages.learning.calls import CallForStoriesPage

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        conferences = list(
            visibility.published(ConferencePage.objects.child_of(self)).order_by("start", "pk")
        )
        context["upcoming"] = [c for c in conferences if c.end >= now]
        context["past"] = [c for c in reversed(conferences) if c.end < now]
        context["calls"] = list(
            visibility.published(CallForStoriesPage.objects.child_of(self)).order_by("-deadline", "pk")
        )
        context["today"] = timezone.localdate()
        return context


class ConferencePage(PublishedByPublishers, PrivateLikeItsSource, RoutablePageMixin, Page):
    summary = models.TextField(
        _("summary"),
        max_length=500,
        blank=True,
        help_text=_("What the conference is about, in two sentences."),
    )
    start = models.DateTimeField(_("starts"), db_index=True, help_text=_("Vietnam time (UTC+7)."))
    end = models.DateTimeField(_("ends"), help_text=_("Vietnam time (UTC+7)."))
    attendance = models.CharField(
        _("format"), max_length=8, choices=AttendanceMode.choices, default=AttendanceMode.ONLINE
    )
    place = models.CharField(
        _("place"), max_length=255, blank=True, help_text=_("The main venue, or the central bridge point.")
    )
    bridge_points = models.TextField(
        _("bridge points"), blank=True, help_text=_("The bridge points connected online, one per line.")
    )
    online_url = models.URLField(
        _("online address"),
        blank=True,
        help_text=_("Where to follow the conference online, if it is public."),
    )
    organizer = models.CharField(_("organiser"), max_length=255, default="Bộ Khoa học và Công nghệ")
    agenda = StreamField(AgendaBlock(), verbose_name=_("agenda"), blank=True)
    papers = StreamField(PapersBlock(), verbose_name=_("papers"), blank=True)
    outcomes = RichTextField(
        _("outcomes of the conference"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        help_text=_("Written after the conference: what was agreed, what will be replicated."),
    )

    template = "story_pages/learning/conference_page.html"
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("place"),
                FieldPanel("bridge_points"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("organizer"),
        FieldPanel("agenda"),
        FieldPanel("papers"),
        FieldPanel("outcomes"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.FilterField("start")]
    parent_page_types = ["story_pages.ConferenceIndexPage"]
    subpage_types = []

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("place"),
        TranslatableField("bridge_points"),
        TranslatableField("organizer"),
        TranslatableField("agenda"),
        TranslatableField("papers"),
        TranslatableField("outcomes"),
        SynchronizedField("slug"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("attendance"),
        SynchronizedField("online_url"),
    ]

    class Meta:
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The conference cannot end before it starts.")})

    @staticmethod
    def upcoming(locale_id, limit: int = 3) -> list["ConferencePage"]:
        return upcoming_conferences(locale_id, limit)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def bridge_point_list(self) -> list[str]:
        return [line.strip() for line in self.bridge_points.splitlines() if line.strip()]

    def papers_by_theme(self) -> list[tuple[str, list]]:
        """The papers grouped by theme, in the order of the themes; each paper's story and the
        solutions it tells of in this page's language when there is a version there (three queries
        for all of them)."""
        from story_pages.learning.solution_listing import solution_pages_of_stories
        from story_pages.models.provinces import ProvincePage
        from story_pages.models.stories import Theme

        papers = [block.value for block in self.papers]
        chosen = [p["story"] for p in papers if p["story"]]
        stories = localized_stories(chosen, self.locale_id)
        solutions = solution_pages_of_stories({story.translation_key for story in chosen}, self.locale_id)
        # Each paper's place as readers meet it (today's unit, the province of then), in one query.
        places = ProvincePage.objects.select_related("merged_into").in_bulk(
            [p["province"].pk for p in papers if p["province"]]
        )
        for paper in papers:
            paper.place = places.get(paper["province"].pk) if paper["province"] else None
            story = paper["story"]
            paper.localized_story = stories.get(story.pk) if story else None
            paper.solutions = solutions.get(story.translation_key, []) if story else []
        groups = []
        for value, label in Theme.choices:
            in_theme = [p for p in papers if p["theme"] == value]
            if in_theme:
                groups.append((label, in_theme))
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["paper_groups"] = self.papers_by_theme()
        return context

    @path("")
    def event_page(self, request):
        return self.render(request)

    # Its own page once held, to link and share; the address speaks the page's language.
    OUTCOMES_SLUGS = {"vi": "ket-qua", "en": "outcomes"}

    @property
    def outcomes_url(self) -> str:
        """The outcomes page's address, or "" while there is none to show."""
        if not (self.is_past and self.outcomes):
            return ""
        return f"{self.url}{self.OUTCOMES_SLUGS.get(self.locale.language_code, 'outcomes')}/"

    @path("ket-qua/", name="outcomes_vi")
    @path("outcomes/", name="outcomes_en")
    def outcomes_page(self, request):
        slug = self.OUTCOMES_SLUGS.get(self.locale.language_code, "outcomes")
        if not self.outcomes_url or not request.path.endswith(f"/{slug}/"):
            raise Http404("no outcomes page here")
        return self.render(request, template="story_pages/learning/conference_outcomes.html")

    @path("ical/")
    def ical(self, request):
        return calendar_response([self], request, filename=f"{self.slug}.ics")


def localized_stories(stories, locale_id) -> dict:
    """{original story pk: the published version of it in ``locale_id``, else the story itself if
    published}, in one query."""
    from story_pages.models.stories import StoryPage

    stories = [s for s in stories if s is not None]
    if not stories:
        return {}
    keys = {story.translation_key: story.pk for story in stories}
    versions = StoryPage.objects.filter(translation_key__in=keys).filter(
        models.Q(locale_id=locale_id) | models.Q(pk__in=keys.values())
    )
    found = {}
    for version in visibility.published(versions).select_related("locale"):
        original_pk = keys[version.translation_key]
        if version.locale_id == locale_id or original_pk not in found:
            found[original_pk] = version
    return found


def published_conferences(locale_id):
    return visibility.published(ConferencePage.objects.filter(locale_id=locale_id))


# What a conference's summary shows (learning/conference_summary.html): not its agenda or papers.
SUMMARY_FIELDS = ("title", "slug", "url_path", "path", "depth", "locale", "live", "content_type")
SUMMARY_FIELDS += ("start", "end", "attendance", "place", "summary")


def upcoming_conferences(locale_id, limit: int = 3) -> list[ConferencePage]:
    """The next conferences in one language (those under way included), soonest first, with
    what their summaries show."""
    upcoming = published_conferences(locale_id).filter(end__gte=timezone.now()).order_by("start", "pk")
    return list(upcoming.only(*SUMMARY_FIELDS)[:limit])


def calendar_conferences(locale_id) -> list[ConferencePage]:
    """The calendar feed: every upcoming conference, then the most recent past ones."""
    now = timezone.now()
    published = published_conferences(locale_id)
    upcoming = list(published.filter(end__gte=now).order_by("start", "pk"))
    past = list(published.filter(end__lt=now).order_by("-start", "-pk")[:RECENT_PAST_CONFERENCES])
    return upcoming + past
