"""The 63 provinces of the T63 era and the 34 units they became on 1 July 2025."""

from datetime import timedelta
from typing import NamedTuple
from urllib.parse import urlencode

from django.apps import apps
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, Page
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField, TranslatableField

from story_pages import cache_tags, story_filters
from story_pages.provinces import names
from story_pages.publishing import PublishedByPublishers
from story_pages.story_filters import panel as filter_panel
from story_pages.visibility import PrivateLikeItsSource

CREDIT_WORDING_PERMISSION = "change_credit_wording"
# Since 2025 the Sở Thông tin và Truyền thông are part of the Sở Khoa học và Công nghệ.
DEFAULT_CREDIT_AGENCY = "Sở Khoa học và Công nghệ"
# The place is the page's own: the other filters narrow its stories further.
FILTER_KEYS = tuple(key for key in story_filters.KEYS if key not in ("unit", "province"))
# The page of a current unit also shows the province of the T63 era that gave it its code, alone,
# at this segment: /tinh-thanh/bac-giang/tinh-cu/ is Bắc Giang until 30 June 2025.
FORMER_SEGMENT = {"vi": "tinh-cu"}
FORMER_SEGMENT_DEFAULT = "former-province"
MERGER_DATE = names.LAST_DAY_OF_THE_63 + timedelta(days=1)


class ProvinceKind(models.TextChoices):
    PROVINCE = "tinh", _("province")
    CITY = "thanh-pho", _("centrally-run city")


class ProvinceStatus(models.TextChoices):
    CURRENT = "current", _("current unit")
    MERGED = "merged", _("merged")


class ProvinceIndexPage(PublishedByPublishers, PrivateLikeItsSource, Page):
    """/tinh-thanh/: the 34 current units, each with the provinces merged into it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["story_pages.ProvincePage"]
    max_count_per_parent = 1
    # Made by the load_provinces command, like the provinces under it.
    is_creatable = False

    override_translatable_fields = [TranslatableField("intro")]

    class Meta:
        verbose_name = _("province index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        provinces = names.sorted_by_name(
            ProvincePage.objects.child_of(self).live(), lambda p: p.display_short_name
        )
        counts = _stories().in_language(self.locale_id).counts_by_province()
        merged_by_unit: dict[int, list[ProvincePage]] = {}
        for province in provinces:
            province.story_count = counts.get(province.path, 0)
            if province.merged_into_id:
                merged_by_unit.setdefault(province.merged_into_id, []).append(province)
        context["units"] = [
            UnitListing(unit, merged_by_unit.get(unit.pk, [])) for unit in provinces if unit.is_current
        ]
        context["former_province_count"] = len(provinces)
        return context


def _stories():
    """StoryPage.objects, looked up in the app registry: stories are listed under provinces, and
    their module imports this one."""
    return apps.get_model("story_pages", "StoryPage").objects


class UnitListing(NamedTuple):
    """A current unit on the province index, with the provinces merged into it."""

    unit: "ProvincePage"
    merged: list["ProvincePage"]

    @property
    def story_count(self) -> int:
        """Its published stories, those of the provinces merged into it included."""
        return self.unit.story_count + sum(province.story_count for province in self.merged)

    @property
    def former_provinces(self) -> list["ProvincePage"]:
        """The provinces of the T63 era it was made of, when it is not simply one of them
        (it absorbed others, or took another's name): none for Hà Nội."""
        if not self.merged and not self.unit.renamed_at_merger:
            return []
        return names.sorted_by_name([self.unit, *self.merged], lambda p: p.short_name)


class ProvincePage(PublishedByPublishers, PrivateLikeItsSource, Page):
    """One of the 63 provinces; its stories are its children."""

    code = models.CharField(_("GSO code"), max_length=2, db_index=True, editable=False)
    official_name = models.CharField(_("official name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=60)
    kind = models.CharField(_("kind"), max_length=12, choices=ProvinceKind.choices)
    status = models.CharField(
        _("status after 1 July 2025"), max_length=8, choices=ProvinceStatus.choices, db_index=True
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_provinces",
        help_text=_("The current unit that absorbed this province on 1 July 2025."),
    )
    current_name = models.CharField(
        _("current official name"),
        max_length=100,
        blank=True,
        help_text=_("The unit's name today, when it differs from its name in the T63 era."),
    )
    current_short_name = models.CharField(_("current short name"), max_length=60, blank=True)
    renamed_on = models.DateField(_("renamed on"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    credit_wording = models.CharField(
        _("credit line of the unit's stories"),
        max_length=255,
        blank=True,
        help_text=_(
            "How a new story of this unit, or of a province merged into it, is credited. Leave empty "
            'for "Sở Khoa học và Công nghệ" and the unit\'s name: since 2025 the Departments of '
            "Information and Communications are part of the Departments of Science and Technology."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        # The ministry words the credit: a unit's editors see their stories' lines, not this field.
        FieldPanel("credit_wording", permission=f"story_pages.{CREDIT_WORDING_PERMISSION}"),
        MultiFieldPanel(
            [
                FieldPanel("official_name", read_only=True),
                FieldPanel("short_name", read_only=True),
                FieldPanel("kind", read_only=True),
                FieldPanel("status", read_only=True),
                FieldPanel("merged_into", read_only=True),
                FieldPanel("current_name", read_only=True),
            ],
            heading=_("Administrative data (from the national register)"),
        ),
    ]
    parent_page_types = ["story_pages.ProvinceIndexPage"]
    subpage_types = ["story_pages.StoryPage"]
    # The 63 are loaded from administrative data, never typed in by hand.
    is_creatable = False

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("intro"),
        SynchronizedField("slug"),
        SynchronizedField("official_name"),
        SynchronizedField("short_name"),
        SynchronizedField("current_name"),
        SynchronizedField("current_short_name"),
        SynchronizedField("credit_wording"),
    ]

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        permissions = [(CREDIT_WORDING_PERMISSION, _("Can set a unit's credit line for stories"))]

    def __str__(self):
        return self.title

    @property
    def is_current(self) -> bool:
        return self.status == ProvinceStatus.CURRENT

    @cached_property
    def current_unit(self) -> "ProvincePage":
        """The unit this province is part of today: itself, or the one that absorbed it."""
        return self if self.is_current else self.merged_into

    @property
    def display_current_name(self) -> str:
        return self.name_today(self.current_name, self.official_name)

    @staticmethod
    def name_today(current_name: str, official_name: str) -> str:
        """The official name in use today: the new one if the unit was renamed (for rows read
        without building the page)."""
        return current_name or official_name

    @property
    def display_short_name(self) -> str:
        return self.current_short_name or self.short_name

    @property
    def default_credit_line(self) -> str:
        """The credit a new story of this unit starts with (Vietnamese: it names a Vietnamese body)."""
        if self.credit_wording:
            return self.credit_wording
        name = self.display_current_name
        return f"{DEFAULT_CREDIT_AGENCY} {name[:1].lower()}{name[1:]}"

    @property
    def admin_name(self) -> str:
        """The name editors see: today's unit, and the province of the T63 era in brackets where it
        differs ("Thành phố Huế (Thừa Thiên Huế cũ)"), so new work goes under today's names."""
        unit = self.current_unit or self
        if self.is_current and self.official_name == unit.display_current_name:
            return unit.display_current_name
        return gettext("%(unit)s (formerly %(province)s)") % {
            "unit": unit.display_current_name,
            "province": self.short_name,
        }

    @property
    def renamed_at_merger(self) -> bool:
        """A current unit that took the name of a province merged into it (Bắc Giang's code, Bắc
        Ninh's name)."""
        return self.is_current and self.renamed_on == MERGER_DATE

    @property
    def unit_name(self) -> str:
        """Today's unit in the reader's language: "Tỉnh Bắc Ninh", "Bắc Ninh Province"."""
        unit = self.current_unit
        return names.place_name(unit.display_short_name, unit.display_current_name)

    @property
    def province_name(self) -> str:
        """This province of the T63 era in the reader's language: "Tỉnh Bắc Giang"."""
        return names.place_name(self.short_name, self.official_name)

    @property
    def former_name(self) -> str:
        """This province of the T63 era, dated: "Tỉnh Bắc Giang (đến 30/6/2025)"."""
        return names.former_name(self.short_name, self.official_name)

    @property
    def reader_heading(self) -> str:
        """How its page is headed: today's unit, or (once merged) the province of before, dated."""
        return self.unit_name if self.is_current else self.former_name

    @property
    def reader_place(self) -> str:
        """A story's place on a card: today's unit, and the province that published it where the
        name differs ("Bắc Ninh (Bắc Giang cũ)")."""
        unit = self.current_unit
        if unit.display_short_name == self.short_name:
            return unit.display_short_name
        return gettext("%(unit)s (formerly %(province)s)") % {
            "unit": unit.display_short_name,
            "province": self.short_name,
        }

    @property
    def former_url(self) -> str:
        """Where the province of the T63 era is shown alone: its own page once merged, the
        segment under its unit's page for the province that gave the unit its code."""
        if not self.is_current:
            return self.url
        return f"{self.url}{former_segment(get_language())}/"

    @property
    def has_former_view(self) -> bool:
        """Whether this province and the unit of today differ (a merger, a rename at it)."""
        return not self.is_current or self.renamed_at_merger

    def get_admin_display_title(self):
        return self.admin_name

    def unit_provinces(self):
        """This current unit and every province merged into it, in this page's locale."""
        return ProvincePage.objects.filter(
            models.Q(pk=self.pk) | models.Q(merged_into=self), locale_id=self.locale_id
        )

    def serve(self, request, *args, **kwargs):
        # The no-JavaScript filter form sends every field, empty ones too: one URL per listing, the links'.
        filters = story_filters.StoryFilters.read(request.GET, self.locale_id, FILTER_KEYS)
        if (query := story_filters.canonical_query(request, filters)) is not None:
            return redirect(request.path + query)
        return super().serve(request, *args, **kwargs)

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if self._is_former_segment(path_components):
                return RouteResult(self, kwargs={"as_former_province": True})
            original = self._original_of_untranslated_story(path_components)
            if original is None:
                raise
            return RouteResult(original, kwargs={"shown_for_translation": True})

    def _is_former_segment(self, path_components) -> bool:
        """The province alone under its unit's page, where the two differ (not under Hà Nội)."""
        if not self.is_current or len(path_components) != 1:
            return False
        if path_components[0] not in {*FORMER_SEGMENT.values(), FORMER_SEGMENT_DEFAULT}:
            return False
        return self.renamed_at_merger or self.merged_provinces.exists()

    def _original_of_untranslated_story(self, path_components):
        """At the URL of a story whose translation is still a draft, its live original."""
        if len(path_components) != 1:
            return None
        draft = _stories().child_of(self).filter(slug=path_components[0], live=False).first()
        if draft is None:
            return None
        original = draft.get_translation_or_none(Locale.get_default())
        return original if original is not None and original.live and original.pk != draft.pk else None

    def get_context(self, request, *args, as_former_province=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        as_former_province = as_former_province or not self.is_current
        provinces = [self] if as_former_province else list(self.unit_provinces())
        # serve() sent the no-JavaScript form's request to the links' URL already.
        _moved, listing = filter_panel.listing(
            request, self.locale, _stories().published_in(provinces), FILTER_KEYS
        )
        context |= listing
        query = listing["filter_panel"].feed_query
        if as_former_province and self.is_current:  # the unit's feed, narrowed to this province
            query += ("&" if query else "?") + urlencode({"province": self.code})
        context["feed_rss"], context["feed_atom"] = filter_panel.feed_urls(
            "province_", query, lang=self.locale.language_code, code=self.code
        )
        context["as_former_province"] = as_former_province
        if as_former_province:
            unit = self.current_unit
            others = [p for p in unit.unit_provinces().exclude(pk=self.pk)] if unit else []
            context["heading"] = self.former_name
            context["unit"] = unit
            context["fellow_provinces"] = names.sorted_by_name(others, lambda p: p.short_name)
        else:
            merged = [province for province in provinces if province.pk != self.pk]
            context["heading"] = self.unit_name
            context["merged_provinces"] = names.sorted_by_name(merged, lambda p: p.short_name)
            has_history = merged or self.renamed_at_merger
            context["former_provinces"] = (
                names.sorted_by_name(provinces, lambda p: p.short_name) if has_history else []
            )
        # Its stories (a story of a province merged into a unit bumps the unit's tag too), and the
        # years the filter offers; the places are pages, whose changes empty every cached page.
        cache_tags.depends_on(cache_tags.place(self.code), cache_tags.YEARS)
        return context


def former_segment(language_code: str | None) -> str:
    """In the reader's language; the pages answer to every language's segment."""
    return FORMER_SEGMENT.get((language_code or "").split("-")[0], FORMER_SEGMENT_DEFAULT)
