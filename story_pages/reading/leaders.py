"""The "most stories" list beside the map: places ranked by their stories, ties kept together.

Places with the same count share one line and one rank (standard competition ranking: 1, 2, 2, 4
becomes the lines 1, =2, 4), named in Vietnamese alphabetical order, so no place is shown ahead
of another it ties with. The list stops before a line that would take it past its length, so a
tie is never cut in two, except the first line: when more places share the lead than the list
holds, it names the first few and says how many more share it.
"""

from dataclasses import dataclass
from itertools import groupby

from story_pages.provinces.names import vietnamese_sort_key


@dataclass(frozen=True)
class LeaderLine:
    rank: int
    count: int
    places: tuple  # the places named on the line, alphabetically
    more: int = 0  # further places with the same count, not named

    @property
    def is_tie(self) -> bool:
        return len(self.places) + self.more > 1


def rank(places, limit: int = 5) -> list[LeaderLine]:
    """Lines of places with stories, most first, naming at most ``limit`` places."""
    ranked = sorted((p for p in places if p.count > 0), key=lambda p: (-p.count, vietnamese_sort_key(p.name)))
    lines, named, position = [], 0, 1
    for count, group in groupby(ranked, key=lambda p: p.count):
        tied = tuple(group)
        if named + len(tied) > limit:
            if not lines:
                lines.append(LeaderLine(position, count, tied[:limit], more=len(tied) - limit))
            break
        lines.append(LeaderLine(position, count, tied))
        named += len(tied)
        position += len(tied)
    return lines
