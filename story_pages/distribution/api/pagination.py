"""A page of the stories listing and its total, in one query.

Wagtail's paginator counts, then reads the page: two round trips to the database. Under load the
round trip costs more than either query, so the total rides along with the page's rows as a
scalar subquery (which the database runs once). A page past the end has no row to carry it and
is counted on its own.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import IntegerField, Value
from django.db.models.expressions import RawSQL
from wagtail.models import Page

from story_pages import visibility
from story_pages.distribution.api.machine import BoundedPagination
from story_pages.distribution.api.story_rows import StoryRow
from story_pages.models import StoryPage


def published_story_pages():
    """StoryPage.objects.published() as pages: counting them needs no join to the story table,
    which on PostgreSQL makes the count of a whole listing three times cheaper."""
    return visibility.published(Page.objects.type(StoryPage))


def total_of(queryset) -> RawSQL | Value:
    try:
        sql, params = queryset.order_by().values("pk").query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:  # a filter that can match nothing (a search with no words)
        return Value(0, output_field=IntegerField())
    return RawSQL(f"SELECT COUNT(*) FROM ({sql}) AS listed", params, output_field=IntegerField())


class CountedAlong:
    """The listing as Wagtail's paginator takes it; the total is known once the page is read."""

    def __init__(self, stories, counted):
        """``counted``: a queryset holding the same stories, perhaps cheaper to count."""
        self.stories, self.counted = stories, counted
        self.total = None

    def count(self) -> None:
        return None  # read with the page: see TotalAlongPagination

    def __getitem__(self, window: slice) -> list[StoryRow]:
        rows = StoryRow.of(self.stories.annotate(listing_total=total_of(self.counted))[window])
        self.total = rows[0].listing_total if rows else self.counted.count()
        return rows


class TotalAlongPagination(BoundedPagination):
    """Wagtail's limit and (bounded) offset, with the total a CountedAlong read along with the page."""

    def paginate_queryset(self, queryset: CountedAlong, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        self.total_count = queryset.total
        return page
