"""The map's geometry: places projected the right way round, circles sized by stories, none overlapping."""

import math

from story_pages.provinces.register import load_records
from story_pages.reading import cartogram


def places(counts: dict[str, int]) -> list[cartogram.Place]:
    return [
        cartogram.Place(r.code, r.short_name, r.longitude, r.latitude, counts.get(r.code, 0))
        for r in load_records()
    ]


def test_north_is_up_and_east_is_right():
    hanoi, hcm = cartogram.project(105.83, 21.03), cartogram.project(106.63, 10.82)
    assert hanoi[1] < hcm[1]
    assert cartogram.project(103.0, 16.0)[0] < cartogram.project(108.0, 16.0)[0]


def test_more_stories_draw_a_larger_circle_and_none_the_smallest():
    radii = [cartogram.radius(count, max_count=20) for count in (0, 1, 5, 20)]
    assert radii == sorted(radii) and len(set(radii)) == 4
    assert cartogram.radius(20, 20) == cartogram.MAX_RADIUS
    # A first story is not drawn as the largest possible circle.
    assert cartogram.radius(1, 1) < cartogram.MAX_RADIUS


def test_the_63_circles_fit_the_frame_without_overlapping():
    counts = {"01": 40, "79": 30, "48": 12, "31": 9, "26": 7, "27": 7, "30": 5, "33": 5}  # a crowded delta
    drawn = cartogram.build(places(counts))
    assert len(drawn.dots) == 63 and drawn.places_with_stories == 8
    for i, a in enumerate(drawn.dots):
        assert a.r <= a.x <= drawn.width - a.r and a.r <= a.y <= drawn.height - a.r
        for b in drawn.dots[i + 1 :]:
            assert math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r - 0.2, (a.place.name, b.place.name)
    assert [p.name for p in drawn.most_stories(3)] == ["Hà Nội", "Hồ Chí Minh", "Đà Nẵng"]
