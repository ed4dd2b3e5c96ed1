"""What the solution pages show: the index's filters, and where one solution runs.

Read in a fixed number of queries however many solutions or adopters there are. Adoption records
hang on the Vietnamese solution and unit pages; readers of another language get that language's
provinces and stories, matched by code and translation key.
"""

from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from story_pages import visibility
from story_pages.learning.adoptions import AdoptionStatus, SolutionAdoption
from story_pages.models.provinces import ProvincePage, ProvinceStatus
from story_pages.models.stories import StoryPage, Theme
from story_pages.provinces import names

PROVINCE_COUNT_CHOICES = (1, 2, 3, 5)


def _solution_model():
    return apps.get_model("story_pages", "SolutionPage")


def adopter_count_subquery():
    """The approved adopting units of the solution (of any language version) in the outer row."""
    counted = (
        SolutionAdoption.objects.approved()
        .filter(solution__translation_key=OuterRef("translation_key"))
        .order_by()
        .values("solution__translation_key")
        .annotate(n=Count("unit", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def published_solutions(locale_id=None):
    """Published solutions (of one language, if given) with ``adopter_count``."""
    solutions = _solution_model().objects.all()
    if locale_id is not None:
        solutions = solutions.filter(locale_id=locale_id)
    return (
        visibility.published(solutions)
        .select_related("origin_province__merged_into")
        .annotate(adopter_count=adopter_count_subquery())
    )


class SolutionFilters:
    """?theme=, ?status=, ?provinces= (at least this many adopting units). An unknown value is
    named in ``errors`` and ignored, so the reader still gets the list."""

    def __init__(self, params):
        self.errors: list[str] = []
        self.theme = self._choice(params, "theme", Theme.values, _("Unknown theme “%(value)s”."))
        self.status = self._choice(params, "status", AdoptionStatus.values, _("Unknown status “%(value)s”."))
        choices = [str(n) for n in PROVINCE_COUNT_CHOICES]
        provinces = self._choice(params, "provinces", choices, _("Unknown number of provinces “%(value)s”."))
        self.provinces = int(provinces) if provinces else None

    def _choice(self, params, name, allowed, message):
        value = params.get(name, "")
        if not value:
            return ""
        if value not in allowed:
            self.errors.append(message % {"value": value[:40]})
            return ""
        return value

    @property
    def active(self) -> bool:
        return bool(self.theme or self.status or self.provinces)

    def apply(self, index) -> list:
        solutions = published_solutions(index.locale_id).child_of(index)
        if self.theme:
            solutions = solutions.filter(theme=self.theme)
        if self.status:
            with_status = SolutionAdoption.objects.approved().filter(
                solution__translation_key=OuterRef("translation_key"), status=self.status
            )
            solutions = solutions.filter(Exists(with_status))
        if self.provinces:
            solutions = solutions.filter(adopter_count__gte=self.provinces)
        return list(solutions.order_by("-adopter_count", "title"))


@dataclass
class Adopter:
    unit: ProvincePage  # in the reader's language
    status: str
    status_label: str
    since: date
    story: StoryPage | None = None


@dataclass
class WhereItRuns:
    origin: ProvincePage  # the province where it was built, in the reader's language
    origin_unit: ProvincePage  # the unit that province is part of today
    adopters: list[Adopter] = field(default_factory=list)
    units: list[ProvincePage] = field(default_factory=list)  # the 34, for the map

    @property
    def origin_merged(self) -> bool:
        return self.origin.pk != self.origin_unit.pk

    @property
    def adopter_codes(self) -> set[str]:
        return {adopter.unit.code for adopter in self.adopters}


def where_it_runs(solution) -> WhereItRuns:
    """The solution's origin and approved adopters, in the solution page's language (3–4 queries)."""
    provinces = {
        p.code: p for p in ProvincePage.objects.filter(locale_id=solution.locale_id).order_by("short_name")
    }
    origin_code = solution.origin_province.code if solution.origin_province_id else None
    origin = provinces[origin_code]
    origin_unit = origin if origin.is_current else _by_pk(provinces, origin.merged_into_id)
    origin.__dict__["current_unit"] = origin_unit  # primes the cached_property: no query for it
    adoptions = list(solution.approved_adoptions())
    stories = _stories_in_language(
        [a.story.translation_key for a in adoptions if a.story_id], solution.locale_id
    )
    adopters = [
        Adopter(
            unit=provinces[adoption.unit.code],
            status=adoption.status,
            status_label=adoption.get_status_display(),
            since=adoption.since,
            story=stories.get(adoption.story.translation_key) if adoption.story_id else None,
        )
        for adoption in adoptions
    ]
    units = [p for p in provinces.values() if p.status == ProvinceStatus.CURRENT]
    # By today's names, as readers meet the units (the records sort by the names of the 63).
    adopters = names.sorted_by_name(adopters, lambda adopter: adopter.unit.display_short_name)
    return WhereItRuns(origin, origin_unit, adopters, units)


def _by_pk(provinces, pk):
    return next(p for p in provinces.values() if p.pk == pk)


def _stories_in_language(keys, locale_id) -> dict:
    """translation key -> the published story in this language, else its published original."""
    if not keys:
        return {}
    found = {}
    for story in StoryPage.objects.published().filter(translation_key__in=keys).select_related("locale"):
        if story.translation_key not in found or story.locale_id == locale_id:
            found[story.translation_key] = story
    return found


def approved_adoptions_by_key(translation_keys) -> dict:
    """Solution translation key -> its approved adoptions (unit and story loaded), in one query."""
    by_key: dict = {}
    adoptions = (
        SolutionAdoption.objects.approved()
        .filter(solution__translation_key__in=translation_keys)
        .select_related("unit", "story", "solution")
        .order_by("unit__code")
    )
    for adoption in adoptions:
        by_key.setdefault(adoption.solution.translation_key, []).append(adoption)
    return by_key


def stories_by_solution_key(translation_keys, locale_ids) -> dict:
    """Solution translation key -> the published stories telling of it, in the given languages
    (two queries)."""
    links = (
        StorySolution_model()
        .objects.filter(solution__translation_key__in=translation_keys)
        .values_list("solution__translation_key", "page__translation_key")
    )
    solutions_of_story: dict = {}
    for solution_key, story_key in links:
        solutions_of_story.setdefault(story_key, set()).add(solution_key)
    by_key: dict = {}
    stories = StoryPage.objects.published().filter(
        translation_key__in=solutions_of_story, locale_id__in=locale_ids
    )
    for story in stories.only("id", "title", "url_path", "translation_key", "locale_id").order_by(
        "-first_published_at"
    ):
        for solution_key in solutions_of_story[story.translation_key]:
            by_key.setdefault((solution_key, story.locale_id), []).append(story)
    return by_key


def solutions_of_stories(story_keys) -> dict:
    """Story translation key -> the published solutions it tells of, in every language (two
    queries): ``{story_key: {language_code: [(id, title, url_path), ...]}}``."""
    links = (
        StorySolution_model()
        .objects.filter(page__translation_key__in=story_keys)
        .values_list("page__translation_key", "solution__translation_key")
    )
    stories_of_solution: dict = {}
    for story_key, solution_key in links:  # a story's aliases and translations repeat its links
        stories_of_solution.setdefault(solution_key, set()).add(story_key)
    found: dict = {}
    if not stories_of_solution:
        return found
    solutions = visibility.published(
        _solution_model().objects.filter(translation_key__in=stories_of_solution)
    )
    rows = solutions.order_by("title").values_list(
        "pk", "title", "url_path", "translation_key", "locale__language_code"
    )
    for pk, title, url_path, solution_key, language in rows:
        for story_key in stories_of_solution[solution_key]:
            found.setdefault(story_key, {}).setdefault(language, []).append((pk, title, url_path))
    return found


def StorySolution_model():
    return apps.get_model("story_pages", "StorySolution")


def solution_pages_of_stories(story_keys, locale_id) -> dict:
    """Story translation key -> the published solution pages it tells of, each in ``locale_id``
    when translated there, else the Vietnamese original (two queries)."""
    links = (
        StorySolution_model()
        .objects.filter(page__translation_key__in=story_keys)
        .values_list("page__translation_key", "solution__translation_key")
        .distinct()
    )
    stories_of_solution: dict = {}
    for story_key, solution_key in links:
        stories_of_solution.setdefault(solution_key, set()).add(story_key)
    if not stories_of_solution:
        return {}
    versions = visibility.published(
        _solution_model().objects.filter(translation_key__in=stories_of_solution)
    ).select_related("locale")
    best: dict = {}
    for solution in versions.order_by("title"):
        current = best.get(solution.translation_key)
        if current is None or solution.locale_id == locale_id:
            best[solution.translation_key] = solution
    found: dict = {}
    for solution_key, solution in sorted(best.items(), key=lambda item: item[1].title):
        for story_key in stories_of_solution[solution_key]:
            found.setdefault(story_key, []).append(solution)
    return found
