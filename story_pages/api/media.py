"""/api/v2/media/: wagtailmedia items with the duration measured at upload (wagtailmedia's own
endpoint is not registered by default and leaves the duration out)."""

from wagtailmedia.api.views import MediaAPIViewSet


class MeasuredMediaAPIViewSet(MediaAPIViewSet):
    body_fields = [*MediaAPIViewSet.body_fields, "duration"]
    listing_default_fields = [*MediaAPIViewSet.listing_default_fields, "duration"]
