"""/api/v2/learning-paths/: the ministry's learning paths, each with its stories in order."""

from django.conf import settings
from django.http import Http404
from django.urls import path, reverse
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from story_pages import visibility
from story_pages.distribution.api.machine import MachineAPIMixin
from story_pages.distribution.api.views import MAX_ID, PAGINATION_PARAMETERS, OwnParametersOnly
from story_pages.distribution.sharing import iso_datetime
from story_pages.learning.paths import LearningPathPage, path_steps


class LearningPathsAPIViewSet(OwnParametersOnly, MachineAPIMixin, BaseAPIViewSet):
    model = LearningPathPage
    name = "learning-paths"
    known_query_parameters = PAGINATION_PARAMETERS | {"language"}

    def get_queryset(self):
        paths = visibility.published(LearningPathPage.objects.all()).select_related("locale")
        if "language" in self.request.GET:
            language = self.request.GET["language"]
            codes = [code for code, _name in settings.LANGUAGES]
            if language not in codes:
                raise BadRequestError(f"language: use one of {', '.join(codes)}")
            paths = paths.filter(locale__language_code=language)
        return paths.order_by("pk")

    def listing_view(self, request):
        self.check_query_parameters()
        page = list(self.paginate_queryset(self.get_queryset()))
        return self.get_paginated_response(represent(page, request))

    def detail_view(self, request, pk):
        self.check_query_parameters()
        if "offset" in request.GET or "limit" in request.GET:
            raise BadRequestError("limit, offset: only for the listing")
        found = list(self.get_queryset().filter(pk=pk)) if pk <= MAX_ID else []
        if not found:
            raise Http404("no published learning path with this id")
        return Response(represent(found, request)[0])

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]


def represent(paths, request) -> list[dict]:
    """The paths with their steps: a fixed number of queries for any number of paths and steps."""
    steps = path_steps(paths)
    return [
        {
            "id": learning_path.pk,
            "title": learning_path.title,
            "language": learning_path.locale.language_code,
            "url": learning_path.get_full_url(request),
            "introduction": learning_path.introduction,
            "audience": learning_path.audience,
            "first_published_at": iso_datetime(learning_path.first_published_at),
            "last_published_at": iso_datetime(learning_path.last_published_at),
            "steps": [_step(step, request) for step in steps[learning_path.pk]],
        }
        for learning_path in paths
    ]


def _step(step, request) -> dict:
    story = step.story
    return {
        "position": step.number,
        "note": step.note,
        "story": {
            "id": story.pk,
            "title": story.title,
            "summary": story.summary,
            "language": story.locale.language_code,
            "theme": story.theme,
            "province": {"code": story.province.code, "name": story.province.short_name},
            "url": story.get_full_url(request),
            "api_url": request.build_absolute_uri(reverse("wagtailapi:stories:detail", args=(story.pk,))),
        },
    }
