"""The headless API router, mounted at /api/v2/ outside the language prefix."""

from django.http import JsonResponse
from django.utils import translation
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet

from story_pages.distribution.api.change_feed import ChangesAPIViewSet
from story_pages.distribution.api.machine import MachineAPIMixin
from story_pages.distribution.api.media import (
    MeasuredMediaAPIViewSet,
    PublicDocumentsAPIViewSet,
    PublicImagesAPIViewSet,
)
from story_pages.distribution.api.views import ProvincesAPIViewSet, StoriesAPIViewSet
from story_pages.learning.paths_api import LearningPathsAPIViewSet
from story_pages.learning.solutions_api import SolutionsAPIViewSet


class OwnLanguagePageSerializer(PageSerializer):
    """Serialises each page with its own language active: rich-text links resolve through
    ``page.localized``, so an English story's links must be built in English."""

    def to_representation(self, instance):
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class TranslatedPagesAPIViewSet(MachineAPIMixin, PagesAPIViewSet):
    """Pages with their own content: the aliases of the synchronised tree are left out, so
    ``?locale=en`` lists only pages that really exist in English."""

    base_serializer_class = OwnLanguagePageSerializer

    def get_queryset(self):
        return super().get_queryset().filter(alias_of__isnull=True)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", TranslatedPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("media", MeasuredMediaAPIViewSet)
api_router.register_endpoint("stories", StoriesAPIViewSet)
api_router.register_endpoint("provinces", ProvincesAPIViewSet)
api_router.register_endpoint("changes", ChangesAPIViewSet)
api_router.register_endpoint("solutions", SolutionsAPIViewSet)
api_router.register_endpoint("learning-paths", LearningPathsAPIViewSet)


def api_not_found(request, *args, **kwargs):
    return JsonResponse({"message": "not found"}, status=404)
