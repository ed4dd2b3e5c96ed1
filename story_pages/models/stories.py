"""A province's story: text, video or both, held to the content rules of DESIGN.md."""

import functools
import operator

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Count, When
from django.db.models.functions import Length, Substr
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from story_pages import cache_tags, site_wide, visibility
from story_pages.blocks import StoryBodyBlock
from story_pages.learning.case_facts import CaseFacts
from story_pages.models import story_cards
from story_pages.models.story_cards import parent_path
from story_pages.models.theme_listing import theme_listing_for
from story_pages.publishing import PublishedByPublishers
from story_pages.rules import content as rules
from story_pages.slugs import SlugFromVietnameseTitle
from story_pages.story_form import StoryPageForm
from story_pages.story_promote import STORY_PROMOTE_PANELS
from story_pages.word_counter import WordCounterPanel

WORDS_PER_MINUTE = 200
STORIES_PER_PAGE = 12
RELATED_STORIES = 4


class Theme(models.TextChoices):
    DIGITAL_GOVERNMENT = "chinh-quyen-so", _("Digital government")
    DIGITAL_ECONOMY = "kinh-te-so", _("Digital economy")
    DIGITAL_SOCIETY = "xa-hoi-so", _("Digital society")


class StoryFormat(models.TextChoices):
    TEXT = rules.FORMAT_TEXT, _("Text")
    VIDEO = rules.FORMAT_VIDEO, _("Video")
    BOTH = rules.FORMAT_BOTH, _("Text and video")


class Licence(models.TextChoices):
    """SPDX identifiers of the licences a province may publish under."""

    CC_BY_4 = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA_4 = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"


LICENCE_URLS = {
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class StoryPageQuerySet(PageQuerySet):
    """Stories as readers list them. Every listing costs a fixed number of queries however many
    stories it shows: cards come with their hero image, its renditions and their province fetched
    for the whole list at once."""

    def published(self):
        """Live, public stories with their own content (not the untranslated aliases)."""
        return visibility.published(self)

    def published_in(self, provinces):
        provinces = list(provinces)
        if not provinces:
            return self.none()
        under_any = functools.reduce(operator.or_, (self.child_of_q(p) for p in provinces))
        return self.published().filter(under_any)

    def in_language(self, locale_id):
        """The published stories of one language."""
        return self.published().filter(locale_id=locale_id)

    def newest_first(self):
        return self.order_by("-first_published_at", "-pk")

    def cards(self) -> list["StoryPage"]:
        """The stories, ready for story cards: hero image and renditions, and each one's province."""
        return story_cards.with_card_details(list(story_cards.card_rows(self)))

    def cards_page(self, request, per_page: int = STORIES_PER_PAGE):
        """One page of cards from ?page= (out-of-range numbers give the nearest page, never an error)."""
        page = Paginator(self, per_page).get_page(request.GET.get("page"))
        page.object_list = page.object_list.cards()
        return page

    def counts_by_province(self) -> dict[str, int]:
        """Stories per province page, keyed by the province's tree path, in one query."""
        rows = (
            self.annotate(parent=Substr("path", 1, Length("path") - Page.steplen))
            .values("parent")
            .annotate(stories=Count("pk"))
            .order_by()
        )
        return {row["parent"]: row["stories"] for row in rows}

    def front_page(self, latest: int) -> tuple[list["StoryPage"], list["StoryPage"]]:
        """The newest story of each theme (featured, in the order of the themes) and the `latest`
        newest of the others.

        The newest few stories, read as cards through the date index, almost always hold every
        theme's newest; a theme missing from them costs one more small query.
        """
        newest = list(story_cards.card_rows(self.newest_first())[: latest + len(Theme.values)])
        featured = {}
        for story in newest:
            featured.setdefault(story.theme, story)
        for theme in Theme.values:
            if theme not in featured:
                if story := story_cards.card_rows(self.filter(theme=theme).newest_first()).first():
                    featured[theme] = story
        featured_cards = [featured[theme] for theme in Theme.values if theme in featured]
        latest_cards = [story for story in newest if story not in featured_cards][:latest]
        story_cards.with_card_details(featured_cards + latest_cards)
        return featured_cards, latest_cards

    def related_to(self, story, limit: int = RELATED_STORIES) -> list["StoryPage"]:
        """Up to `limit` published stories of the same province or theme, in the story's language.

        Those sharing both come first, then the same province, then the same theme; newest first.
        The province's own stories (through the tree path index) fill the list as a rule, in one
        query; a province with fewer takes the theme's newest from elsewhere (through the date
        index) in a second, and one with none of its own (as most are in English) only that.
        Then the renditions of their pictures.
        """
        others = published_card_rows(story.locale_id).exclude(pk=story.pk)
        province_path = parent_path(story.path)
        nearest = []
        if _others_in_province(story, province_path):
            nearest = list(
                others.filter(path__startswith=province_path, depth=story.depth)
                .annotate(same_theme=Case(When(theme=story.theme, then=1), default=0))
                .order_by("-same_theme", "-first_published_at", "-pk")[:limit]
            )
        if len(nearest) < limit:
            elsewhere = others.filter(theme=story.theme).exclude(path__startswith=province_path)
            nearest += elsewhere.newest_first()[: limit - len(nearest)]
        # The story's own picture's renditions come in the same query as the cards'.
        return story_cards.with_card_details(nearest, pictures_of=(story,))


_card_rows_by_language: dict = {}


def published_card_rows(locale_id):
    """``card_rows`` of a language's published stories, a queryset built once per process for each
    set of private sections, then only narrowed: building it costs more than a simple query runs
    (every filter and column of a story resolves through Wagtail's page table)."""
    key = (locale_id, visibility.private_section_paths())
    if (rows := _card_rows_by_language.get(key)) is None:
        if len(_card_rows_by_language) >= 16:  # sections made private and public again…
            _card_rows_by_language.clear()
        rows = _card_rows_by_language[key] = story_cards.card_rows(StoryPage.objects.in_language(locale_id))
    return rows  # never evaluated itself: each use narrows a copy


def _others_in_province(story, province_path: str) -> int:
    """How many published stories of the story's language its province has besides it: the
    listing's counts (site-wide data, story_pages.site_wide), which hold the story if it is
    published itself."""
    counts = site_wide.remembered(
        ("stories per province", story.locale_id),
        lambda: StoryPage.objects.in_language(story.locale_id).counts_by_province(),
    )
    listed = story.live and not story.alias_of_id and not visibility.in_private_section(story.path)
    return counts.get(province_path, 0) - listed


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryPage(
    SlugFromVietnameseTitle, PublishedByPublishers, visibility.PrivateLikeItsSource, CaseFacts, Page
):
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One or two sentences: what the province achieved. Shown on cards and when the story is shared."
        ),
    )
    theme = models.CharField(_("theme"), max_length=16, choices=Theme.choices, db_index=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    body = StreamField(
        StoryBodyBlock(),
        verbose_name=_("story"),
        blank=True,
        help_text=_(
            "At most 1,000 words. Tell what the problem was, what the province did, the figures "
            "that show the result, and the lesson for other provinces."
        ),
    )
    credit_line = models.CharField(
        _("credit line"),
        max_length=255,
        help_text=_(
            "Who wrote the story. A new story starts with the wording the ministry set for its unit, "
            "for example: Sở Khoa học và Công nghệ tỉnh Bắc Ninh."
        ),
    )
    licence = models.CharField(_("licence"), max_length=16, choices=Licence.choices, default=Licence.CC_BY_4)
    # Derived from the body on every save, for listings and the API that must not walk bodies.
    story_format = models.CharField(
        _("format"), max_length=5, choices=StoryFormat.choices, blank=True, editable=False, db_index=True
    )
    body_words = models.PositiveIntegerField(_("words"), default=0, editable=False)
    answers_call = models.ForeignKey(
        "story_pages.CallForStoriesPage",
        verbose_name=_("answers the call for stories"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("If the story was written for one of the ministry's calls for stories, choose it."),
    )

    objects = StoryPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("theme"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")),
        FieldPanel("body"),
        WordCounterPanel(),
        MultiFieldPanel([FieldPanel("credit_line"), FieldPanel("licence")], heading=_("Credit and licence")),
        *CaseFacts.case_panels,
        InlinePanel("solution_links", heading=_("Solutions this story tells of"), label=_("Solution")),
        FieldPanel("answers_call"),
    ]
    promote_panels = STORY_PROMOTE_PANELS
    api_fields = [
        APIField("summary"),
        APIField("theme"),
        APIField("story_format"),
        APIField("body"),
        APIField("credit_line"),
        APIField("licence"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("theme"),
        index.FilterField("case_stage"),
        index.FilterField("story_format"),
        index.FilterField("locale_id"),
        index.FilterField("alias_of_id"),
        index.FilterField("first_published_at"),
    ]
    parent_page_types = ["story_pages.ProvincePage"]
    subpage_types = []
    base_form_class = StoryPageForm

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("hero_image_alt"),
        TranslatableField("body"),
        TranslatableField("credit_line"),
        SynchronizedField("slug"),
        SynchronizedField("theme"),
        SynchronizedField("hero_image"),
        SynchronizedField("licence"),
        *CaseFacts.case_translation_fields,
    ]

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    @cached_property
    def province(self):
        """The ProvincePage this story belongs to (listings set it for many stories at once)."""
        return self.get_parent().specific

    @property
    def hero_alt_text(self) -> str:
        """The alt text written for this story, else the image's own description."""
        if self.hero_image_alt or not self.hero_image:
            return self.hero_image_alt
        return self.hero_image.description

    @property
    def word_count(self) -> int:
        return rules.body_word_count(self.body)

    @property
    def reading_minutes(self) -> int:
        """Minutes to read, from the word count stored at the last save."""
        return max(1, round(self.body_words / WORDS_PER_MINUTE))

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def applies_word_limit(self) -> bool:
        """The 1,000-word rule binds every original; only a translation of a Vietnamese story,
        which runs longer in English, is exempt."""
        if self.locale_id is None:
            return True
        default_locale = Locale.get_default()
        if self.locale_id == default_locale.pk:
            return True
        return not StoryPage.objects.filter(
            translation_key=self.translation_key, locale=default_locale
        ).exists()

    def check_rules(self, body=None, *, processing: bool = True) -> list[rules.Violation]:
        """The rules ``body`` (else the story's own) breaks; ``processing``: also whether its
        uploaded videos are processed yet, which the worker, not the editor, changes."""
        return rules.check_body(
            self.body if body is None else body,
            apply_word_limit=self.applies_word_limit,
            check_processing=processing,
        )

    def rule_violations(self, *, processing: bool = True) -> list[str]:
        """The content rules this story breaks now, as the editor reads them; empty if publishable."""
        return [violation.message for violation in self.check_rules(processing=processing)]

    def search_document(self) -> tuple[str, str]:
        """(heading, text) for the reader search: the heading ranks first; the text names the
        province too, so "da nang" finds Đà Nẵng's stories, and what is said in its videos."""
        heading = f"{self.title}\n{self.summary}"
        province = self.get_parent().specific
        unit = province.merged_into or province  # Quảng Nam's stories are found as Đà Nẵng's too
        places = f"{province.title} {unit.display_current_name}"
        text = f"{heading}\n{places}\n{rules.body_text(self.body)}\n{rules.spoken_text(self.body)}"
        return heading, text

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if theme_listing := theme_listing_for(self):
            context["theme_url"] = theme_listing.theme_url(self.theme, request, self.locale.language_code)
        context["related_stories"] = related = StoryPage.objects.related_to(self)
        self.declare_cache_tags(related)
        # The Vietnamese original shown at an English URL: an alias, or a translation in progress.
        if self.alias_of_id:
            context["untranslated_original"] = self.alias_of.specific
        elif kwargs.get("shown_for_translation"):
            context["untranslated_original"] = self
        return context

    def declare_cache_tags(self, related: list["StoryPage"]) -> None:
        """What this page shows (story_pages.cache_tags): the story in both languages, the
        stories it lists, and what could enter that list: a story of its province, or, while the
        province's own do not fill it, a story of its theme from elsewhere."""
        province_path = parent_path(self.path)
        cache_tags.depends_on(
            cache_tags.story(self.translation_key),
            cache_tags.place(self.province.code),
            *(cache_tags.story(story.translation_key) for story in related),
        )
        if len(related) < RELATED_STORIES or any(parent_path(s.path) != province_path for s in related):
            cache_tags.depends_on(cache_tags.theme(self.theme))

    def publish(self, revision, *args, **kwargs):
        # Whatever path publishes (the scheduler, a script), a video still being processed keeps
        # the story a draft.
        if waiting := rules.unprocessed_videos(revision.as_object().body):
            raise ValidationError({"body": waiting})
        return super().publish(revision, *args, **kwargs)

    def save(self, *args, clean=True, **kwargs):
        self.story_format = rules.story_format(self.body) or ""
        self.body_words = self.word_count
        # The last guard: nothing that breaks a rule goes live, whatever path publishes it
        # (the admin form stops editors earlier, with the error on the block at fault). A video
        # being processed again does not stop a live story's other saves (a move, an alias update):
        # the form, the review and bulk publishing wait for it; readers meanwhile get the upload.
        if clean and self.live and (violations := self.rule_violations(processing=False)):
            raise ValidationError({"body": violations})
        return super().save(*args, clean=clean, **kwargs)
