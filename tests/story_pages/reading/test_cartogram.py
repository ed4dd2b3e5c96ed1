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
    assert [[p.name for p in line.places] for line in drawn.most_stories(3)] == [
        ["Hà Nội"],
        ["Hồ Chí Minh"],
        ["Đà Nẵng"],
    ]


def labelled_places(counts: dict[str, int]) -> list[cartogram.Place]:
    """As on the home page: the centrally-run cities are named for orientation."""
    return [
        cartogram.Place(
            r.code,
            r.short_name,
            r.longitude,
            r.latitude,
            counts.get(r.code, 0),
            labelled=r.kind == "thanh-pho",
        )
        for r in load_records()
    ]


def assert_names_fit(drawn: cartogram.Cartogram) -> None:
    boxes = drawn.label_boxes
    for i, a in enumerate(boxes):
        assert 0 <= a[0] and a[2] <= drawn.width and 0 <= a[1] and a[3] <= drawn.height
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    for dot in drawn.dots:  # a written name never covers a circle with stories
        for box in [
            cartogram._label_box(d, d.label_left) for d in drawn.dots if d.show_label and d is not dot
        ]:
            if not dot.is_empty:
                assert not cartogram._touches_circle(box, dot), dot.place.name


def test_written_names_never_collide_and_the_rest_stay_unwritten():
    crowded = cartogram.build(labelled_places({r.code: 1 + int(r.code) % 7 for r in load_records()}))
    assert_names_fit(crowded)
    written = [dot for dot in crowded.dots if dot.show_label]
    assert 5 <= len(written) < 63  # the delta is too dense to name everyone

    sparse = cartogram.build(labelled_places({"48": 3}))
    assert_names_fit(sparse)
    assert {dot.place.name for dot in sparse.dots if dot.show_label} >= {"Hà Nội", "Đà Nẵng"}
