"""The stories and provinces endpoints (registered in the project's API router)."""

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.urls import path
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from search import engine as search_engine
from story_pages.distribution import changes
from story_pages.distribution.api.filters import FILTER_PARAMETERS, StoryFilters
from story_pages.distribution.api.machine import MachineAPIMixin
from story_pages.distribution.api.ninjs import ninjs1, ninjs3
from story_pages.distribution.api.pagination import CountedAlong, TotalAlongPagination, published_story_pages
from story_pages.distribution.api.representation import StoryBatch, unit_reference
from story_pages.distribution.api.story_rows import StoryRow
from story_pages.distribution.api.withdrawn import canceled_ninjs1, canceled_ninjs3
from story_pages.models import ProvincePage, StoryPage

PAGINATION_PARAMETERS = frozenset({"limit", "offset"})
NINJS_VERSIONS = {"3": ninjs3, "1": ninjs1}
CANCELED_NINJS = {"3": canceled_ninjs3, "1": canceled_ninjs1}
MAX_ID = 2**63 - 1


class OwnParametersOnly:
    """An endpoint of T63's own: any query parameter it does not know is refused, by name."""

    def check_query_parameters(self, queryset=None):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(f"unknown query parameter: {', '.join(sorted(unknown))}")


class StoriesAPIViewSet(OwnParametersOnly, MachineAPIMixin, BaseAPIViewSet):
    """/api/v2/stories/: every published story with what an outlet needs to republish it."""

    model = StoryPage
    name = "stories"
    pagination_class = TotalAlongPagination
    known_query_parameters = FILTER_PARAMETERS | PAGINATION_PARAMETERS
    ninjs_query_parameters = frozenset({"version"})

    def get_queryset(self):
        return StoryPage.objects.published()  # read as rows (StoryRow), never as page objects

    def listing_view(self, request):
        self.check_query_parameters()
        filters = StoryFilters(request.GET)
        stories = filters.apply(self.get_queryset())
        counted = filters.apply(published_story_pages()) if filters.countable_as_pages else stories
        with search_engine.text_index_scans(when=bool(filters.search)):
            page = self.paginate_queryset(CountedAlong(stories, counted))
            return self.get_paginated_response(StoryBatch(page, request).represent_all())

    def detail_view(self, request, pk):
        self.check_query_parameters()
        story = self._published_story(pk)
        return Response(StoryBatch([story], request).represent(story))

    def ninjs_view(self, request, pk):
        """The story in IPTC ninjs: 3.x by default, 1.x with ?version=1."""
        version = request.GET.get("version", "3")
        if unknown := set(request.GET) - self.ninjs_query_parameters:
            raise BadRequestError(f"unknown query parameter: {', '.join(sorted(unknown))}")
        if version not in NINJS_VERSIONS:
            raise BadRequestError(f"version: use one of {', '.join(NINJS_VERSIONS)}")
        try:
            story = self._published_story(pk)
        except Http404:
            # Published once and not now: gone, with a ninjs item that cancels it. Never published
            # (a draft, an alias, no such id): not found.
            if pk <= MAX_ID and (change := changes.last_change(pk)) is not None:
                return Response(CANCELED_NINJS[version](change), status=410)
            raise
        item = StoryBatch([story], request).represent(story)
        return Response(NINJS_VERSIONS[version](item, story))

    def _published_story(self, pk):
        if pk > MAX_ID:  # beyond the database's integers: it cannot exist
            raise Http404("no published story with this id")
        found = StoryRow.of(self.get_queryset().filter(pk=pk))
        if not found:
            raise Http404("no published story with this id")
        return found[0]

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
            path("<int:pk>/ninjs/", cls.as_view({"get": "ninjs_view"}), name="ninjs"),
        ]


class ProvincesAPIViewSet(OwnParametersOnly, MachineAPIMixin, BaseAPIViewSet):
    """/api/v2/provinces/: the 63, their 2025 status, and how many stories each has published."""

    model = ProvincePage
    name = "provinces"
    known_query_parameters = frozenset({"status"})

    def listing_view(self, request):
        self.check_query_parameters()
        provinces = ProvincePage.objects.filter(locale__language_code="vi").select_related("merged_into")
        if "status" in request.GET:
            status = request.GET["status"]
            if status not in ("current", "merged"):
                raise BadRequestError(f"status: unknown value {status!r}; use current or merged")
            provinces = provinces.filter(status=status)
        counts = _published_story_counts()
        items = [_province(p, counts, request) for p in provinces.order_by("code")]
        return Response({"meta": {"total_count": len(items)}, "items": items})

    def detail_view(self, request, pk):
        raise Http404("provinces are listed, and found by code in the listing")

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


def _published_story_counts() -> dict[tuple[str, str], int]:
    """(province code, language) -> published stories, grouped by the database."""
    parent_path = Substr("path", 1, Length("path") - StoryPage.steplen)
    rows = (
        StoryPage.objects.published()
        .annotate(parent_path=parent_path)
        .values("parent_path", "locale__language_code")
        .annotate(stories=Count("pk"))
        .order_by()
    )
    code_of = dict(ProvincePage.objects.values_list("path", "code"))
    return {(code_of[row["parent_path"]], row["locale__language_code"]): row["stories"] for row in rows}


def _province(province, counts, request) -> dict:
    return {
        "code": province.code,
        "name": province.short_name,
        "official_name": province.official_name,
        "kind": province.kind,
        "status": province.status,
        "current_unit": unit_reference(province),
        "current_name": province.current_name or None,
        "renamed_on": province.renamed_on,
        "latitude": province.latitude,
        "longitude": province.longitude,
        "url": province.get_full_url(request),
        "published_stories": {code: counts.get((province.code, code), 0) for code, _ in settings.LANGUAGES},
    }
