"""Reader listings (a province, a theme) narrowed to one stage of the case facts with ?stage=."""

from typing import NamedTuple

from django.utils.translation import gettext as _

from story_pages.learning.case_facts import Stage


class StageLink(NamedTuple):
    label: str
    url: str
    current: bool


def selected_stage(request) -> str | None:
    """The stage asked for; an unknown value lists everything, as a link without it would."""
    value = request.GET.get("stage", "")
    return value if value in Stage.values else None


def filter_by_stage(stories, request):
    stage = selected_stage(request)
    return stories.filter(case_stage=stage) if stage else stories


def stage_links(request) -> list[StageLink]:
    """All stages, then one link per stage, the current one marked; a new filter starts at page 1."""
    stage = selected_stage(request)
    path = request.path
    links = [StageLink(_("All stages"), path, stage is None)]
    links += [StageLink(str(label), f"{path}?stage={code}", code == stage) for code, label in Stage.choices]
    return links
