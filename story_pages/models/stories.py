"""A province's story: text, video or both, held to the content rules of DESIGN.md."""

import functools
import operator

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from story_pages import visibility
from story_pages.blocks import StoryBodyBlock
from story_pages.editorial.publishing import PublishedByPublishers
from story_pages.editorial.story_form import StoryPageForm
from story_pages.editorial.word_counter import WordCounterPanel
from story_pages.rules import content as rules

WORDS_PER_MINUTE = 200


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
    def published(self):
        """Live, public stories with their own content (not the untranslated aliases)."""
        return visibility.published(self)

    def published_in(self, provinces):
        provinces = list(provinces)
        if not provinces:
            return self.none()
        under_any = functools.reduce(operator.or_, (self.child_of_q(p) for p in provinces))
        return self.published().filter(under_any)


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryPage(PublishedByPublishers, visibility.PrivateLikeItsSource, Page):
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
        help_text=_("Who wrote the story, for example: Sở Thông tin và Truyền thông tỉnh Bắc Giang."),
    )
    licence = models.CharField(_("licence"), max_length=16, choices=Licence.choices, default=Licence.CC_BY_4)
    # Derived from the body on every save, for listings and the API that must not walk bodies.
    story_format = models.CharField(
        _("format"), max_length=5, choices=StoryFormat.choices, blank=True, editable=False, db_index=True
    )
    body_words = models.PositiveIntegerField(_("words"), default=0, editable=False)

    objects = StoryPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("theme"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")),
        FieldPanel("body"),
        WordCounterPanel(),
        MultiFieldPanel([FieldPanel("credit_line"), FieldPanel("licence")], heading=_("Credit and licence")),
    ]
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

    def check_rules(self, body=None) -> list[rules.Violation]:
        return rules.check_body(self.body if body is None else body, apply_word_limit=self.applies_word_limit)

    def rule_violations(self) -> list[str]:
        """The content rules this story breaks now, as the editor reads them; empty if publishable."""
        return [violation.message for violation in self.check_rules()]

    def search_document(self) -> tuple[str, str]:
        """(heading, text) for the reader search: the heading ranks first; the text names the
        province too, so "da nang" finds Đà Nẵng's stories."""
        heading = f"{self.title}\n{self.summary}"
        province = self.get_parent().specific
        unit = province.merged_into or province  # Quảng Nam's stories are found as Đà Nẵng's too
        places = f"{province.title} {unit.display_current_name}"
        return heading, f"{heading}\n{places}\n{rules.body_text(self.body)}"

    def get_context(self, request, *args, **kwargs):
        from story_pages.reading.listings import related_stories  # the reader modules import these models
        from story_pages.reading.themes import theme_listing_for

        context = super().get_context(request, *args, **kwargs)
        if theme_listing := theme_listing_for(self):
            context["theme_url"] = theme_listing.theme_url(self.theme, request, self.locale.language_code)
        context["related_stories"] = related_stories(self)
        # The Vietnamese original shown at an English URL: an alias, or a translation in progress.
        if self.alias_of_id:
            context["untranslated_original"] = self.alias_of.specific
        elif kwargs.get("shown_for_translation"):
            context["untranslated_original"] = self
        return context

    def save(self, *args, clean=True, **kwargs):
        self.story_format = rules.story_format(self.body) or ""
        self.body_words = self.word_count
        # The last guard: nothing that breaks a rule goes live, whatever path publishes it
        # (the admin form stops editors earlier, with the error on the block at fault).
        if clean and self.live and (violations := self.rule_violations()):
            raise ValidationError({"body": violations})
        return super().save(*args, clean=clean, **kwargs)
