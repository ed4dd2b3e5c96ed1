"""What every API endpoint shares: one format for everyone (renderers.py), and parameters refused
(400) when the database or Wagtail's parsers could not take them (a 500): an offset past what a
database can skip, a search or a field list too long for Wagtail's recursive parsers, field
filters and ids that are not values of their field."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.fields import StreamField

from story_pages.distribution.api.filters import (
    MAX_SEARCH_LENGTH,  # each word of a search nests Wagtail's query once more
)
from story_pages.distribution.api.renderers import RENDERERS, FirstRendererOnly

MAX_OFFSET = 10**9  # PostgreSQL refuses an OFFSET past its bigint; no listing is this long
MAX_FIELDS_DEPTH = 8  # ?fields=a(b(c)): each level is parsed recursively


class BoundedPagination(WagtailPagination):
    """Wagtail's limit and offset, with an offset beyond MAX_OFFSET refused (400), not sent to
    the database (a 500)."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # not a number: Wagtail's own check names it
        if offset > MAX_OFFSET:
            raise BadRequestError(f"offset: at most {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class MachineAPIMixin:
    """Put before Wagtail's viewset classes, whose renderers include the browsable HTML one."""

    renderer_classes = RENDERERS
    content_negotiation_class = FirstRendererOnly
    authentication_classes = ()
    pagination_class = BoundedPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if len(request.GET.get("search", "")) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"search: at most {MAX_SEARCH_LENGTH} characters")
        if _depth(request.GET.get("fields", "")) > MAX_FIELDS_DEPTH:
            raise BadRequestError(f"fields: nested at most {MAX_FIELDS_DEPTH} deep")

    def filter_queryset(self, queryset):
        # Wagtail's FieldsFilter converts booleans and integers only: "?first_published_at=-1"
        # or "?duration=²" reached the database as they came.
        fields = set(self.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in self.request.GET.items():
            if name in fields:
                _check_value(queryset.model, name, value)
        return super().filter_queryset(queryset)

    def find_object(self, queryset, request):
        if "id" in request.GET:
            _check_value(queryset.model, "id", request.GET["id"])
        return super().find_object(queryset, request)


def _check_value(model, name: str, value: str) -> None:
    """Raises BadRequestError unless ``value`` is a value of the model's field ``name``."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return  # a property the API lists: Wagtail refuses or ignores it
    if isinstance(field, (StreamField, models.JSONField)):
        raise BadRequestError(f"{name}: not a field to filter on")
    if field.many_to_one:
        field = field.target_field
    if not field.concrete or field.is_relation or isinstance(field, models.BooleanField):
        return  # tags; booleans are parsed by Wagtail's filter
    try:
        field.to_python(value)
    except (ValidationError, ValueError):
        shown = value if len(value) <= 40 else f"{value[:40]}…"
        raise BadRequestError(f"{name}: {shown!r} is not a valid value") from None


def _depth(fields: str) -> int:
    depth = deepest = 0
    for character in fields:
        if character == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif character == ")":
            depth -= 1
    return deepest
