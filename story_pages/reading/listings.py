"""What the reader pages list: story cards, counts per province, featured and related stories.

Every listing costs a fixed number of queries however many stories it shows: cards come with
their hero image, its renditions and their province fetched for the whole list at once.
"""

from django.core.paginator import Paginator
from django.db.models import Case, Count, Value, When
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from story_pages.models import ProvinceKind, ProvincePage, StoryPage, Theme
from story_pages.reading import cartogram

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
    stories = list(
        # A card never shows the body: leaving it out keeps sorted rows small.
        stories.defer("body").select_related("hero_image").prefetch_related("hero_image__renditions")
    )
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
    newest of the others.

    The newest few stories, read through the date index, almost always hold every theme's
    newest; a theme missing from them costs one more small query. Then the cards, whole.
    """
    stories = published_stories(locale_id)
    newest = list(newest_first(stories).values_list("pk", "theme")[: latest + len(Theme.values)])
    featured_pks = {}
    for pk, theme in newest:
        featured_pks.setdefault(theme, pk)
    for theme in Theme.values:
        if theme not in featured_pks:
            if pk := newest_first(stories.filter(theme=theme)).values_list("pk", flat=True).first():
                featured_pks[theme] = pk
    latest_pks = [pk for pk, _ in newest if pk not in featured_pks.values()][:latest]
    cards = {
        card.pk: card
        for card in as_cards(StoryPage.objects.filter(pk__in=[*featured_pks.values(), *latest_pks]))
    }
    featured = [cards[featured_pks[theme]] for theme in Theme.values if theme in featured_pks]
    return featured, [cards[pk] for pk in latest_pks]


def related_stories(story: StoryPage, limit: int = RELATED_STORIES) -> list[StoryPage]:
    """Up to `limit` published stories of the same province or theme, in the story's language.

    Those sharing both come first, then the same province, then the same theme; newest first.
    Two small id queries (the province's stories through the tree path index, the theme's newest
    elsewhere through the date index) instead of one that sorts a whole theme, then the cards.
    """
    others = published_stories(story.locale_id).exclude(pk=story.pk)
    province_path = parent_path(story.path)
    same_province = (
        others.filter(path__startswith=province_path, depth=story.depth)
        .annotate(closeness=Case(When(theme=story.theme, then=3), default=2))
        .order_by("-closeness", "-first_published_at", "-pk")
        .values_list("pk", "closeness", "first_published_at", named=True)[:limit]
    )
    same_theme_elsewhere = (
        newest_first(others.filter(theme=story.theme).exclude(path__startswith=province_path))
        .annotate(closeness=Value(1))
        .values_list("pk", "closeness", "first_published_at", named=True)[:limit]
    )
    nearest = sorted(
        [*same_province, *same_theme_elsewhere], key=lambda row: row[1:] + (row[0],), reverse=True
    )
    chosen = [pk for pk, *_ in nearest[:limit]]
    cards = {card.pk: card for card in as_cards(StoryPage.objects.filter(pk__in=chosen))}
    return [cards[pk] for pk in chosen]


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
