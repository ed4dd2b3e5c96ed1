"""A dot cartogram of Vietnam: one circle per province at its coordinates, sized by its stories.

Pure geometry, no database: longitude and latitude are projected to SVG units (equirectangular,
longitudes narrowed by the cosine of the middle latitude), each circle's area grows with its
count, and circles that would overlap (the Red River delta is dense) are pushed apart until
they only touch, staying as close to their place as they can.
"""

import math
from dataclasses import dataclass, field, replace
from functools import lru_cache

# The frame: the mainland, with room in the sea for the two archipelagos.
WEST, EAST, SOUTH, NORTH = 102.6, 111.4, 8.5, 23.2
UNITS_PER_DEGREE = 40.0
X_SCALE = math.cos(math.radians((NORTH + SOUTH) / 2))
PADDING = 14.0

EMPTY_RADIUS = 4.5
MIN_RADIUS, MAX_RADIUS = 7.0, 18.0
# Counts are scaled against at least this many, so a first story does not draw a giant circle.
COUNT_FLOOR = 9
GAP = 1.0
ITERATIONS = 120
PULL_BACK = 0.08  # how strongly a pushed circle returns towards its place, per iteration
HIT_RADIUS = 12.0  # a fingertip's target, larger than the small circles

# Hoàng Sa and Trường Sa are not provinces (they belong to Đà Nẵng and Khánh Hòa) but a picture of
# Vietnam shows them. As on the insets of many maps, they are drawn nearer the coast than they lie
# (about 112° and 114° East), so that the mainland can fill a phone's width.
ARCHIPELAGOS = (("Hoàng Sa", 110.5, 16.6), ("Trường Sa", 110.5, 10.2))
ISLET_OFFSETS = ((0, 0, 2.0), (6, 4, 1.5), (-4, 6, 1.5))
LABEL_GAP = 3.0
# Of a 12-unit bold label, generously: a label is placed only where this box is free, and the SVG
# scales as a whole, so labels that do not collide here do not collide at any width.
LABEL_CHAR_WIDTH, LABEL_HALF_HEIGHT = 7.6, 8.0
LANDMARK_LABEL_CHAR_WIDTH, LANDMARK_LABEL_HALF_HEIGHT = 6.0, 7.0  # the archipelagos' 10-unit names


@dataclass(frozen=True)
class Place:
    key: str
    name: str
    longitude: float
    latitude: float
    count: int
    url: str = ""
    labelled: bool = False  # named on the map itself, for orientation


@dataclass(frozen=True)
class Dot:
    place: Place
    x: float
    y: float
    r: float
    show_label: bool = False  # its name is written on the map (else a tap or focus shows it)
    label_left: bool = False  # written on its left, where it covers fewer circles

    @property
    def is_empty(self) -> bool:
        return self.place.count == 0

    @property
    def shows_count(self) -> bool:
        """Whether the count fits inside the circle."""
        return not self.is_empty and self.r >= 8

    @property
    def hit_r(self) -> float:
        return max(self.r, HIT_RADIUS)

    @property
    def label_x(self) -> float:
        offset = self.r + LABEL_GAP
        return round(self.x - offset if self.label_left else self.x + offset, 1)


@dataclass(frozen=True)
class Landmark:
    """An archipelago: a few islets and its name under them."""

    name: str
    x: float
    y: float

    @property
    def islets(self) -> list[tuple[float, float, float]]:
        return [(self.x + dx, self.y + dy, r) for dx, dy, r in ISLET_OFFSETS]

    @property
    def label_y(self) -> float:
        return self.y + 20


@dataclass(frozen=True)
class Cartogram:
    width: float
    height: float
    dots: tuple[Dot, ...]
    landmarks: tuple[Landmark, ...]
    _most_stories: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width:g} {self.height:g}"

    @property
    def places_with_stories(self) -> int:
        return sum(1 for dot in self.dots if not dot.is_empty)

    @property
    def label_boxes(self) -> list[tuple[float, float, float, float]]:
        """Every name written on the map, as (left, top, right, bottom): none overlap."""
        return [_label_box(dot, dot.label_left) for dot in self.dots if dot.show_label] + [
            _landmark_box(landmark) for landmark in self.landmarks
        ]

    def most_stories(self, limit: int = 5) -> list:
        """The "most stories" lines, ties kept together (see leaders)."""
        from story_pages.reading import leaders  # it sorts names as the site does, a model helper

        if limit not in self._most_stories:  # ranked once: a map is drawn once per content version
            self._most_stories[limit] = leaders.rank([dot.place for dot in self.dots], limit)
        return self._most_stories[limit]


def project(longitude: float, latitude: float) -> tuple[float, float]:
    x = (longitude - WEST) * X_SCALE * UNITS_PER_DEGREE + PADDING
    y = (NORTH - latitude) * UNITS_PER_DEGREE + PADDING
    return round(x, 1), round(y, 1)


def radius(count: int, max_count: int) -> float:
    """Area proportional to the count, against the largest count (but at least COUNT_FLOOR)."""
    if count <= 0:
        return EMPTY_RADIUS
    share = math.sqrt(count / max(max_count, COUNT_FLOOR))
    return round(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share, 1)


def build(places: list[Place]) -> Cartogram:
    located = [p for p in places if p.longitude is not None and p.latitude is not None]
    max_count = max((p.count for p in located), default=0)
    circles = tuple((*project(p.longitude, p.latitude), radius(p.count, max_count)) for p in located)
    positions = separate(circles)
    dots = [Dot(place, x, y, r) for place, (x, y), (_, _, r) in zip(located, positions, circles, strict=True)]
    width, height = project(EAST, SOUTH)
    width, height = round(width + PADDING, 1), round(height + PADDING, 1)
    landmarks = tuple(Landmark(name, *project(lon, lat)) for name, lon, lat in ARCHIPELAGOS)
    return Cartogram(width, height, _place_labels(dots, landmarks, width, height), landmarks)


def _label_box(dot: Dot, left: bool) -> tuple[float, float, float, float]:
    start, length = dot.r + LABEL_GAP, len(dot.place.name) * LABEL_CHAR_WIDTH
    x0 = dot.x - start - length if left else dot.x + start
    return (x0, dot.y - LABEL_HALF_HEIGHT, x0 + length, dot.y + LABEL_HALF_HEIGHT)


def _landmark_box(landmark: Landmark) -> tuple[float, float, float, float]:
    half = len(landmark.name) * LANDMARK_LABEL_CHAR_WIDTH / 2
    y = landmark.label_y - 3.5  # the text's baseline sits a little under its middle
    return (
        landmark.x - half,
        y - LANDMARK_LABEL_HALF_HEIGHT,
        landmark.x + half,
        y + LANDMARK_LABEL_HALF_HEIGHT,
    )


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _touches_circle(box, dot: Dot) -> bool:
    nearest_x, nearest_y = min(max(dot.x, box[0]), box[2]), min(max(dot.y, box[1]), box[3])
    return math.hypot(dot.x - nearest_x, dot.y - nearest_y) < dot.r


def _place_labels(dots: list[Dot], landmarks, width: float, height: float) -> tuple[Dot, ...]:
    """Names for the places that matter most, each where it collides with nothing.

    Candidates are the places named for orientation and those with stories, the larger circles
    first. A name goes right or left of its circle, whichever covers fewer empty circles; it never
    covers another name or a circle with stories, nor leaves the frame. A name that fits nowhere
    is not written: the circle is still a link whose name a tap, a hover or focus shows.
    """
    taken = [_landmark_box(landmark) for landmark in landmarks]
    candidates = sorted(
        (dot for dot in dots if dot.place.labelled or not dot.is_empty),
        key=lambda dot: (not dot.place.labelled, -dot.r, -dot.place.count, dot.place.name),
    )
    placed = {}
    for dot in candidates:
        options = []
        for left in (False, True):
            box = _label_box(dot, left)
            if box[0] < 0 or box[2] > width or box[1] < 0 or box[3] > height:
                continue
            if any(_overlaps(box, other) for other in taken):
                continue
            others = [other for other in dots if other is not dot and _touches_circle(box, other)]
            if any(not other.is_empty for other in others):
                continue
            options.append((len(others), left, box))
        if options:
            _, left, box = min(options)
            taken.append(box)
            placed[id(dot)] = left
    return tuple(
        replace(dot, show_label=True, label_left=placed[id(dot)]) if id(dot) in placed else dot
        for dot in dots
    )


@lru_cache(maxsize=64)
def separate(circles: tuple[tuple[float, float, float], ...]) -> tuple[tuple[float, float], ...]:
    """Centres moved so that no two circles overlap; cached, as counts change rarely."""
    xs = [x for x, _, _ in circles]
    ys = [y for _, y, _ in circles]
    for _ in range(ITERATIONS):
        if not _push_apart(xs, ys, circles):
            break
        for i, (home_x, home_y, _) in enumerate(circles):
            xs[i] += (home_x - xs[i]) * PULL_BACK
            ys[i] += (home_y - ys[i]) * PULL_BACK
    for _ in range(ITERATIONS):  # end without overlaps (pushes alone converge quickly)
        if not _push_apart(xs, ys, circles):
            break
    return tuple((round(x, 1), round(y, 1)) for x, y in zip(xs, ys, strict=True))


def _push_apart(xs: list[float], ys: list[float], circles) -> bool:
    """One pass over every pair; True if any pair overlapped."""
    moved = False
    for i in range(len(circles)):
        for j in range(i + 1, len(circles)):
            dx, dy = xs[j] - xs[i], ys[j] - ys[i]
            distance = math.hypot(dx, dy)
            overlap = circles[i][2] + circles[j][2] + GAP - distance
            if overlap <= 0.01:
                continue
            if distance < 1e-6:  # same point: part them along a fixed direction
                dx, dy, distance = 1.0, 0.0, 1.0
            shift_x, shift_y = dx / distance * overlap / 2, dy / distance * overlap / 2
            xs[i], ys[i] = xs[i] - shift_x, ys[i] - shift_y
            xs[j], ys[j] = xs[j] + shift_x, ys[j] + shift_y
            moved = True
    return moved
