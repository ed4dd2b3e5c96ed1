"""The 63 provinces of the T63 era and the 34 units they became on 1 July 2025."""

import unicodedata
from typing import NamedTuple

from django.apps import apps
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, Page
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField, TranslatableField

from story_pages import cache_tags, story_filters
from story_pages.publishing import PublishedByPublishers
from story_pages.story_filters import panel as filter_panel
from story_pages.visibility import PrivateLikeItsSource

CREDIT_WORDING_PERMISSION = "change_credit_wording"
# Since 2025 the Sở Thông tin và Truyền thông are part of the Sở Khoa học và Công nghệ.
DEFAULT_CREDIT_AGENCY = "Sở Khoa học và Công nghệ"
# The place is the page's own: the other filters narrow its stories further.
FILTER_KEYS = tuple(key for key in story_filters.KEYS if key not in ("unit", "province"))


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
        provinces = sorted(
            ProvincePage.objects.child_of(self).live(), key=lambda p: alphabetical_key(p.display_short_name)
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
        return context


def _stories():
    """StoryPage.objects, looked up in the app registry: stories are listed under provinces, and
    their module imports this one."""
    return apps.get_model("story_pages", "StoryPage").objects


def alphabetical_key(name: str) -> str:
    """Close to Vietnamese alphabetical order: letters without their marks, Đ right after D."""
    folded = unicodedata.normalize("NFD", name.replace("Đ", "D\uffff").replace("đ", "d\uffff"))
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold()


class UnitListing(NamedTuple):
    """A current unit on the province index, with the provinces merged into it."""

    unit: "ProvincePage"
    merged: list["ProvincePage"]

    @property
    def story_count(self) -> int:
        """Its published stories, those of the provinces merged into it included."""
        return self.unit.story_count + sum(province.story_count for province in self.merged)


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
            original = self._original_of_untranslated_story(path_components)
            if original is None:
                raise
            return RouteResult(original, kwargs={"shown_for_translation": True})

    def _original_of_untranslated_story(self, path_components):
        """At the URL of a story whose translation is still a draft, its live original."""
        if len(path_components) != 1:
            return None
        draft = _stories().child_of(self).filter(slug=path_components[0], live=False).first()
        if draft is None:
            return None
        original = draft.get_translation_or_none(Locale.get_default())
        return original if original is not None and original.live and original.pk != draft.pk else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        provinces = list(self.unit_provinces()) if self.is_current else [self]
        # serve() sent the no-JavaScript form's request to the links' URL already.
        _moved, listing = filter_panel.listing(
            request, self.locale, _stories().published_in(provinces), FILTER_KEYS
        )
        context |= listing
        query = listing["filter_panel"].feed_query
        context["feed_rss"], context["feed_atom"] = filter_panel.feed_urls(
            "province_", query, lang=self.locale.language_code, code=self.code
        )
        merged = [province for province in provinces if province.pk != self.pk]
        context["merged_provinces"] = sorted(merged, key=lambda p: alphabetical_key(p.short_name))
        # Its stories (a story of a province merged into a unit bumps the unit's tag too), and the
        # years the filter offers; the places are pages, whose changes empty every cached page.
        cache_tags.depends_on(cache_tags.place(self.code), cache_tags.YEARS)
        return context
