"""The "most stories" list: ties share a line and a rank, and the list never cuts a tie."""

from story_pages.reading.cartogram import Place
from story_pages.reading.leaders import rank


def places(counts: dict[str, int]) -> list[Place]:
    return [Place(name, name, 106.0, 16.0, count) for name, count in counts.items()]


def lines(counts, limit=5):
    return [
        (line.rank, line.count, [p.name for p in line.places], line.more)
        for line in rank(places(counts), limit)
    ]


def test_distinct_counts_rank_one_place_a_line():
    assert lines({"Huế": 2, "Hà Nội": 5, "Cần Thơ": 0, "Đà Nẵng": 3}) == [
        (1, 5, ["Hà Nội"], 0),
        (2, 3, ["Đà Nẵng"], 0),
        (3, 2, ["Huế"], 0),
    ]


def test_tied_places_share_a_line_and_a_rank_in_vietnamese_order_and_the_next_rank_skips():
    counts = {"Hà Nội": 4, "Đồng Tháp": 2, "Điện Biên": 2, "Bắc Giang": 2, "Huế": 1}
    assert lines(counts) == [
        (1, 4, ["Hà Nội"], 0),
        (2, 2, ["Bắc Giang", "Điện Biên", "Đồng Tháp"], 0),
        (5, 1, ["Huế"], 0),
    ]
    assert rank(places(counts))[1].is_tie and not rank(places(counts))[0].is_tie


def test_a_tie_that_does_not_fit_is_left_out_whole():
    counts = {"Hà Nội": 4, "Huế": 3, "An Giang": 1, "Bắc Ninh": 1, "Cà Mau": 1, "Lạng Sơn": 1}
    assert lines(counts, limit=5) == [(1, 4, ["Hà Nội"], 0), (2, 3, ["Huế"], 0)]


def test_when_more_places_share_the_lead_than_the_list_holds_it_says_how_many_more():
    counts = {
        name: 1
        for name in ("Lào Cai", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Giang", "Huế", "Đà Nẵng")
    }
    (line,) = rank(places(counts), limit=5)
    assert line.rank == 1 and line.is_tie and line.more == 2
    assert [p.name for p in line.places] == ["Bắc Giang", "Đà Nẵng", "Huế", "Lạng Sơn", "Lào Cai"]


def test_no_stories_no_list():
    assert rank(places({"Huế": 0})) == []
