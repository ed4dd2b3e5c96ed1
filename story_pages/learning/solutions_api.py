"""/api/v2/solutions/: the solutions, where they run (adopters by unit code) and the stories that
tell of them; registered in the project's API router. A fixed number of queries per page."""

from django.http import Http404
from django.urls import path
from django.utils import translation
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from story_pages.distribution.api.machine import MachineAPIMixin
from story_pages.distribution.api.page_urls import PageUrls
from story_pages.distribution.api.views import MAX_ID, PAGINATION_PARAMETERS, OwnParametersOnly
from story_pages.learning.adoptions import AdoptionStatus, SolutionAdoption
from story_pages.learning.solution_listing import (
    approved_adoptions_by_key,
    published_solutions,
    stories_by_solution_key,
)
from story_pages.learning.solutions import SolutionPage
from story_pages.models import Theme

FILTER_PARAMETERS = frozenset({"locale", "theme", "status", "min_provinces", "unit"})


class SolutionsAPIViewSet(OwnParametersOnly, MachineAPIMixin, BaseAPIViewSet):
    model = SolutionPage
    name = "solutions"
    known_query_parameters = FILTER_PARAMETERS | PAGINATION_PARAMETERS

    def get_queryset(self):
        solutions = published_solutions_all()
        params = self.request.GET
        if "locale" in params:
            languages = [code for (code,) in Locale.objects.values_list("language_code")]
            solutions = solutions.filter(locale__language_code=_choice(params, "locale", languages))
        if "theme" in params:
            solutions = solutions.filter(theme=_choice(params, "theme", Theme.values))
        if "status" in params or "unit" in params:
            adoptions = SolutionAdoption.objects.approved()
            if "status" in params:
                adoptions = adoptions.filter(status=_choice(params, "status", AdoptionStatus.values))
            if "unit" in params:
                adoptions = adoptions.filter(unit__code=_unit_code(params))
            solutions = solutions.filter(translation_key__in=adoptions.values("solution__translation_key"))
        if "min_provinces" in params:
            value = params["min_provinces"]
            if not (value.isascii() and value.isdigit()) or len(value) > 3:
                raise BadRequestError(f"min_provinces: {value[:40]!r} is not a whole number from 0 to 999")
            solutions = solutions.filter(adopter_count__gte=int(value))
        return solutions.order_by("-adopter_count", "title", "pk")

    def listing_view(self, request):
        self.check_query_parameters()
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(SolutionBatch(list(page), request).represent_all())

    def detail_view(self, request, pk):
        self.check_query_parameters()
        if pk > MAX_ID:
            raise Http404("no published solution with this id")
        solution = published_solutions_all().filter(pk=pk).first()
        if solution is None:
            raise Http404("no published solution with this id")
        return Response(SolutionBatch([solution], request).represent(solution))

    def check_query_parameters(self, queryset=None):
        allowed = self.known_query_parameters
        if self.action == "detail_view":
            allowed = frozenset()
        if unknown := set(self.request.GET) - allowed:
            raise BadRequestError(f"unknown query parameter: {', '.join(sorted(unknown))}")

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]


def published_solutions_all():
    return published_solutions(None).select_related("locale")


def _choice(params, name, allowed):
    value = params[name]
    if value not in allowed:
        raise BadRequestError(f"{name}: unknown value {value[:40]!r}; use one of {', '.join(allowed)}")
    return value


def _unit_code(params) -> str:
    value = params["unit"]
    if not (len(value) == 2 and value.isascii() and value.isdigit()):
        raise BadRequestError(f"unit: {value[:40]!r} is not a unit's two-digit code")
    return value


class SolutionBatch:
    """A page of solutions with their adopters and stories: three queries whatever its size."""

    def __init__(self, solutions, request):
        self.solutions = solutions
        self.urls = PageUrls(request)
        keys = [s.translation_key for s in solutions]
        self.adoptions = approved_adoptions_by_key(keys)
        self.stories = stories_by_solution_key(keys, {s.locale_id for s in solutions})

    def represent_all(self) -> list[dict]:
        return [self.represent(solution) for solution in self.solutions]

    def represent(self, solution) -> dict:
        language = solution.locale.language_code
        origin = solution.origin_province
        with translation.override(language):
            theme_label = str(Theme(solution.theme).label)
            adopters = [
                self._adopter(adoption) for adoption in self.adoptions.get(solution.translation_key, [])
            ]
        return {
            "id": solution.pk,
            "title": solution.title,
            "locale": language,
            "url": self.urls.full_url(solution.url_path),
            "summary": solution.summary,
            "description": solution.description,
            "built_by": solution.built_by,
            "theme": {"code": solution.theme, "label": theme_label},
            "website": solution.website or None,
            "origin": {
                "province": {"code": origin.code, "name": origin.short_name},
                "unit": _unit(origin.merged_into or origin),
            },
            "adopter_count": len(adopters),
            "adopters": adopters,
            "stories": [
                self._page(story)
                for story in self.stories.get((solution.translation_key, solution.locale_id), [])
            ],
            "first_published_at": solution.first_published_at,
            "last_published_at": solution.last_published_at,
        }

    def _adopter(self, adoption) -> dict:
        story = adoption.story
        return {
            "unit": _unit(adoption.unit),
            "status": {"code": adoption.status, "label": adoption.get_status_display()},
            "since": adoption.since,
            "story": self._page(story) if story is not None and story.live else None,
        }

    def _page(self, page) -> dict:
        return {"id": page.pk, "title": page.title, "url": self.urls.full_url(page.url_path)}


def _unit(unit) -> dict:
    return {"code": unit.code, "name": unit.display_current_name}
