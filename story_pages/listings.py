"""What the reader pages list: story cards, counts per province, featured and related stories.

Every listing costs a fixed number of queries however many stories it shows: cards come with
their hero image, its renditions and their province fetched for the whole list at once.
"""

from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import Length, RowNumber, Substr
from wagtail.models import Page

from . import cartogram
from .models import ProvinceKind, ProvincePage, StoryPage, Theme

STORIES_PER_PAGE = 12
RELATED_STORIES = 4


def published_stories(locale_id):
    return StoryPage.objects.published().filter(locale_id=locale_id)


def newest_first(stories):
    return stories.order_by("-first_published_at", "-pk")


def parent_path(path: str) -> str:
    return path[: -Page.steplen]


def as_cards(stories) -> list[StoryPage]:
    """The stories, ready for story cards: hero image and renditions, and each one's province."""
    stories = list(stories.select_related("hero_image").prefetch_related("hero_image__renditions"))
    attach_provinces(stories)
    return stories


def attach_provinces(stories: list[StoryPage]) -> None:
    """Sets each story's province from one query (a story's parent path is its own, one step shorter)."""
    paths = {parent_path(story.path) for story in stories}
    if not paths:
        return
    by_path = {province.path: province for province in ProvincePage.objects.filter(path__in=paths)}
    for story in stories:
        story.__dict__["province"] = by_path[parent_path(story.path)]  # primes the cached_property


def paginated_cards(request, stories, per_page: int = STORIES_PER_PAGE):
    """One page of cards from ?page= (out-of-range numbers give the nearest page, never an error)."""
    page = Paginator(stories, per_page).get_page(request.GET.get("page"))
    page.object_list = as_cards(page.object_list)
    return page


def counts_by_province(locale_id) -> dict[str, int]:
    """Published stories per province page, keyed by the province's tree path, in one query."""
    rows = (
        published_stories(locale_id)
        .annotate(parent=Substr("path", 1, Length("path") - Page.steplen))
        .values("parent")
        .annotate(stories=Count("pk"))
        .order_by()
    )
    return {row["parent"]: row["stories"] for row in rows}


def front_page_stories(locale_id, latest: int) -> tuple[list[StoryPage], list[StoryPage]]:
    """The newest story of each theme (featured, in the order of the themes) and the `latest`
    newest of the others, from one query."""
    newest = [F("first_published_at").desc(), F("pk").desc()]
    stories = (
        published_stories(locale_id)
        .annotate(
            rank_in_theme=Window(RowNumber(), partition_by=[F("theme")], order_by=newest),
            rank=Window(RowNumber(), order_by=newest),
        )
        # Of the newest latest + 3, at most 3 are featured: enough remain for the latest list.
        .filter(Q(rank_in_theme=1) | Q(rank__lte=latest + len(Theme.values)))
    )
    cards = as_cards(newest_first(stories))
    order = {theme: position for position, theme in enumerate(Theme.values)}
    featured = sorted((s for s in cards if s.rank_in_theme == 1), key=lambda s: order[s.theme])
    return featured, [s for s in cards if s.rank_in_theme != 1][:latest]


def related_stories(story: StoryPage, limit: int = RELATED_STORIES) -> list[StoryPage]:
    """Up to `limit` published stories of the same province or theme, in the story's language.

    Those sharing both come first, then the same province, then the same theme; newest first.
    """
    same_province = Q(path__startswith=parent_path(story.path), depth=story.depth)
    same_theme = Q(theme=story.theme)
    closeness = Case(
        When(same_province & same_theme, then=Value(3)),
        When(same_province, then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )
    candidates = (
        published_stories(story.locale_id)
        .filter(same_province | same_theme)
        .exclude(pk=story.pk)
        .annotate(closeness=closeness)
        .order_by("-closeness", "-first_published_at", "-pk")
    )
    return as_cards(candidates[:limit])


def province_map(locale_id, request=None) -> cartogram.Cartogram:
    """The 63 provinces of this language's tree, each with its published stories."""
    counts = counts_by_province(locale_id)
    provinces = ProvincePage.objects.live().filter(locale_id=locale_id).order_by("code")
    return cartogram.build(
        [
            cartogram.Place(
                key=province.code,
                name=province.short_name,
                longitude=province.longitude,
                latitude=province.latitude,
                count=counts.get(province.path, 0),
                url=province.get_url(request),
                labelled=province.kind == ProvinceKind.CITY,
            )
            for province in provinces
        ]
    )
