"""One page of ranked search results and the number of all of them, in one query.

Django's Paginator counts the matches, then matches and ranks them again for the page; a search
that matches most stories would pay for matching twice. A window count brings the total along
with the page's ids.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Window

MAX_OFFSET = 10**9  # further than any search reaches; PostgreSQL refuses an OFFSET past its bigint


def ranked_page(stories, number, per_page: int):
    """The ids of page ``number`` of ``stories`` (ordered), as a Paginator page; a number that is
    not a page number gives the first page, one past the end the last (as Paginator.get_page),
    however far past."""
    try:
        number = min(max(int(number), 1), MAX_OFFSET // per_page)
    except (TypeError, ValueError):  # ValueError too for more than 4,300 digits
        number = 1
    ids = stories.values_list("pk", flat=True)
    paginator = Paginator(ids, per_page)
    start = (number - 1) * per_page
    rows = list(
        stories.annotate(total=Window(Count("pk"))).values_list("pk", "total")[start : start + per_page]
    )
    if not rows and number > 1:  # past the end: counted, then the last page fetched (rare)
        page = paginator.get_page(number)
        page.object_list = list(page.object_list)
        return page
    paginator.count = rows[0][1] if rows else 0  # Paginator.count is a cached_property: set, not asked
    page = paginator.page(number)
    page.object_list = [pk for pk, _ in rows]
    return page
