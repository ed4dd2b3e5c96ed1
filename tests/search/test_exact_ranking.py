"""A query typed with diacritics ranks and marks the words spelled so; one typed without, any
spelling; a phrase found together ranks above the same words scattered."""

import pytest

from search import engine, highlight
from search.models import SearchEntry
from tests.search.conftest import found, publish, story


@pytest.fixture
def look_alikes(db):
    """Stories whose words fold to "chuyen doi so" without being "chuyển đổi số", and the real one,
    published oldest, with no help from its heading."""
    known = {
        "exact": story("01", "exact", "Bài học từ Hà Nội", "Hà Nội làm chuyển đổi số từng bước."),
        "look-alike-title": story(
            "02", "look-alike-title", "Chuyên gia dõi theo đời sống", "Chuyện đổi số hộ trong sổ sách."
        ),
        "look-alike-body": story("04", "look-alike-body", "Ghi chép", "Chuyên đề dõi sơ đồ đời mới."),
        "scattered": story(
            "06", "scattered", "Một tỉnh miền núi", "Số liệu mới; đổi cách làm; chuyển cả bộ máy."
        ),
    }
    for year, page in zip((2020, 2025, 2025, 2024), known.values(), strict=True):
        publish(page, year=year)
    return known


def test_a_query_with_diacritics_ranks_the_exact_words_first(look_alikes):
    ranked = found(look_alikes, "chuyển đổi số")
    assert ranked[0] == "exact"
    assert ranked[1] == "scattered"  # every word spelled so, though apart
    assert set(ranked[2:]) == {"look-alike-title", "look-alike-body"}


def test_a_query_without_diacritics_matches_every_spelling(look_alikes):
    assert set(found(look_alikes, "chuyen doi so")) == set(look_alikes)


def test_a_phrase_found_together_ranks_above_the_same_words_scattered(look_alikes):
    ranked = found(look_alikes, "chuyen doi so")
    assert ranked.index("exact") < ranked.index("scattered")
    # The phrase wins though the scattered story is newer.


def test_the_new_column_keeps_the_typed_spelling(look_alikes):
    entry = SearchEntry.objects.get(page=look_alikes["exact"])
    assert " chuyển đổi số " in entry.exact_words


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("chuyển đổi số", "<mark>Chuyển</mark> <mark>đổi</mark> <mark>số</mark> và sổ, sơ, đời"),
        (
            "chuyen doi so",
            "<mark>Chuyển</mark> <mark>đổi</mark> <mark>số</mark> và "
            "<mark>sổ</mark>, <mark>sơ</mark>, <mark>đời</mark>",
        ),
        ("chuyển doi sổ", "<mark>Chuyển</mark> <mark>đổi</mark> số và <mark>sổ</mark>, sơ, <mark>đời</mark>"),
    ],
)
def test_words_are_marked_as_typed_or_folded(query, marked):
    assert highlight.highlight("Chuyển đổi số và sổ, sơ, đời", engine.Query.parse(query)) == marked


def test_an_excerpt_starts_at_the_first_word_matching_as_typed():
    text = "Sổ tay. " + "chữ " * 20 + "Số liệu"
    excerpt = highlight.excerpt(text, engine.Query.parse("số"))
    assert "<mark>Số</mark> liệu" in excerpt and "<mark>Sổ</mark>" not in excerpt
    assert highlight.excerpt("Sổ tay", engine.Query.parse("số")) is None


def test_a_query_knows_which_words_were_typed_with_their_marks():
    query = engine.Query.parse("Chuyển doi SỐ")
    assert query.folded == ("chuyen", "doi", "so")
    assert query.marked == ("chuyển", "số")
    assert query.loose == ("doi",)
    assert query.phrase_exact == "chuyển doi số" and query.phrase_folded == "chuyen doi so"
    # The same word typed both ways matches any spelling.
    assert engine.Query.parse("so số").loose == ("so",)
