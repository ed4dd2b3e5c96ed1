"""Which cache tags a change bumps (story_pages.cache_tags): a story's publish or withdrawal bumps
what shows it, anything else every cached response. Wired in story_pages/apps.py."""

from django.utils import timezone

from story_pages import cache_tags, content_version
from story_pages.models import ProvincePage, StoryPage


def page_changed(sender, instance, **kwargs):
    """page_published and page_unpublished (for aliases too: a story's English placeholder)."""
    if isinstance(instance, StoryPage):
        content_version.bump_tags(
            story_tags(instance, alias=bool(kwargs.get("alias") or instance.alias_of_id))
        )
    else:  # the home page, a province, a solution, About…: shown on many pages
        content_version.bump()


def story_tags(story: StoryPage, *, alias: bool = False) -> set[str]:
    """The story in both languages, its province and the unit it is part of today (their pages
    and their stories' nearby stories), its theme (other stories' related stories), every listing,
    and the years on offer when it may be the first or last of its year."""
    tags = {cache_tags.LISTINGS, cache_tags.story(story.translation_key), cache_tags.theme(story.theme)}
    codes = (
        ProvincePage.objects.filter(path=story.path[: -StoryPage.steplen])
        .values_list("code", "merged_into__code")
        .first()
    )
    tags |= {cache_tags.place(code) for code in codes or () if code}
    if not alias and _alone_in_its_year(story):
        tags.add(cache_tags.YEARS)
    return tags


def _alone_in_its_year(story: StoryPage) -> bool:
    """Whether no other published story of its language has its year: publishing or withdrawing
    it may change the years a listing offers."""
    if story.first_published_at is None:
        return False
    year = timezone.localtime(story.first_published_at).year
    others = StoryPage.objects.published().filter(locale_id=story.locale_id, first_published_at__year=year)
    return not others.exclude(pk=story.pk).exists()
