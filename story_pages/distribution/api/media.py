"""/api/v2/images/, /api/v2/documents/ and /api/v2/media/: the stock endpoints, limited to files
that public pages use, so nothing uploaded for a draft or a private story leaves before it is
published. Media items also carry the duration measured at upload (wagtailmedia's own endpoint
is not registered by default and leaves the duration out), their web renditions and the
broadcasters' master (its licence and credit line are those of the story using it: see the
stories' ``video.master``)."""

from rest_framework.fields import ReadOnlyField
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.utils import BadRequestError, get_full_url
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtailmedia.api.serializers import MediaItemSerializer
from wagtailmedia.api.views import MediaAPIViewSet

from story_pages import visibility
from story_pages.distribution import video_files
from story_pages.distribution.api.machine import MachineAPIMixin


class PrefetchedTagsField(TagsField):
    """Tag names from prefetched tags (the stock field runs a query per listed item), in the
    order of their code points, as a C-collated database sorts them."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PrefetchedTagsMixin:
    """A serializer whose tags field reads the prefetched tags."""

    def build_property_field(self, field_name, model_class):
        field_class, field_kwargs = super().build_property_field(field_name, model_class)
        return (PrefetchedTagsField if field_class is TagsField else field_class), field_kwargs


class PublicImageSerializer(PrefetchedTagsMixin, ImageSerializer):
    pass


class PublicDocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    pass


class WholeItemField(ReadOnlyField):
    def get_attribute(self, instance):
        return instance

    def absolute(self, url: str) -> str:
        return get_full_url(self.context["request"], url)


class WebRenditionsField(WholeItemField):
    """The worker's MP4s of a video, smallest first, from the prefetched renditions."""

    def to_representation(self, media):
        renditions = sorted(media.renditions.all(), key=lambda rendition: rendition.height)
        return [video_files.rendition_data(self.absolute, rendition) for rendition in renditions]


class MasterField(WholeItemField):
    """The uploaded file itself: the broadcasters' master."""

    def to_representation(self, media):
        return {
            "url": self.absolute(media.file.url),
            "mime_type": video_files.master_type(media),
            "width": media.width,
            "height": media.height,
            "duration": media.duration,
        }


class PublicMediaItemSerializer(PrefetchedTagsMixin, MediaItemSerializer):
    renditions = WebRenditionsField()
    master = MasterField()


class PublicOnlyMixin:
    """Listing, detail and find views all start from this queryset: a file that no public page
    uses is neither listed nor found (404)."""

    def get_queryset(self):
        queryset = super().get_queryset().filter(pk__in=visibility.used_by_published_pages(self.model))
        return queryset.prefetch_related("tags")


class PublicImagesAPIViewSet(MachineAPIMixin, PublicOnlyMixin, ImagesAPIViewSet):
    base_serializer_class = PublicImageSerializer


class PublicDocumentsAPIViewSet(MachineAPIMixin, PublicOnlyMixin, DocumentsAPIViewSet):
    base_serializer_class = PublicDocumentSerializer


class MeasuredMediaAPIViewSet(MachineAPIMixin, PublicOnlyMixin, MediaAPIViewSet):
    base_serializer_class = PublicMediaItemSerializer
    body_fields = [*MediaAPIViewSet.body_fields, "duration", "renditions", "master"]
    listing_default_fields = [*MediaAPIViewSet.listing_default_fields, "duration", "renditions", "master"]

    def get_queryset(self):
        return super().get_queryset().select_related("collection").prefetch_related("renditions")

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        # "renditions" is a reverse relation too: as a query parameter it must not become a filter.
        fields = super().get_available_fields(model, db_fields_only)
        return [name for name in fields if not (db_fields_only and name == "renditions")]

    def filter_queryset(self, queryset):
        # wagtailmedia does not index media ids, so no search backend can keep the restriction.
        if "search" in self.request.GET:
            raise BadRequestError("search: not available on media; search the stories instead")
        return super().filter_queryset(queryset)
