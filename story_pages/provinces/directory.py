"""The province pages (63 former provinces and 34 units, in each language) by tree path, each
with the unit it merged into: read once per content version in each process (story_pages.site_wide)
instead of once per card list or story. A story's province is the page one step above it."""

from story_pages import site_wide
from story_pages.models.provinces import ProvincePage


def province_at(path: str) -> ProvincePage:
    """The province page at ``path``; one not known yet (made since, not yet published) is read."""
    known = site_wide.remembered("provinces by path", _read)
    if path in known:
        return known[path]
    return ProvincePage.objects.select_related("merged_into").get(path=path)


def _read() -> dict[str, ProvincePage]:
    return {province.path: province for province in ProvincePage.objects.select_related("merged_into")}
