"""The readers' search and the API's `search`: Vietnamese typed with or without its marks."""

from search import engine, highlight
from search.folding import fold
from search.models import SearchEntry
from story_pages.models import StoryPage
from tests.search.conftest import found

# (query, the stories it must find, in any order)
QUERIES = [
    ("chuyen doi so", {"da-nang"}),
    ("chuyển đổi số", {"da-nang"}),
    ("CHUYỂN ĐỔI SỐ", {"da-nang"}),
    ("da nang", {"da-nang", "quang-nam"}),  # Quảng Nam is part of Đà Nẵng since 1 July 2025
    ("Đà Nẵng", {"da-nang", "quang-nam"}),
    ("DA NANG", {"da-nang", "quang-nam"}),
    ("Hue S", {"hue-s"}),
    ("hue-s", {"hue-s"}),
    ("dat dai", {"dat-dai"}),
    ("đất đai", {"dat-dai"}),
    ("số hóa", {"dat-dai"}),  # the newer accent placement finds the older "hoá"
    ("thuong mai dien tu", {"xoai"}),
    ("Xoài", {"xoai"}),
    ("dong thap", {"xoai"}),  # its province's name
    ("hoi an", {"quang-nam"}),
    ("quảng nam", {"quang-nam"}),
    ("nang", {"da-nang", "quang-nam", "so-tttt"}),  # "kỹ năng" folds to "ky nang" too
    ("nan", set()),  # whole words only
    ("da nang xoai", set()),  # every word is required
    ("blockchain", set()),
    ("so lieu", {"so-lieu"}),
    ("so hoa", {"dat-dai"}),
    ("?!", set()),
]


ENGLISH_QUERIES = [
    ("online public service", {"english"}),
    ("Digital transformation", {"english"}),
    ("da nang", {"english"}),
    ("chuyen doi so", set()),  # English stories are searched in English
]


def test_each_query_finds_its_stories(stories):
    # One test for the table: the data set takes seconds to build; every mismatch is listed.
    mismatches = {
        query: set(found(stories, query))
        for query, expected in QUERIES
        if set(found(stories, query)) != expected
    }
    assert mismatches == {}


def test_english_stories_are_searched_the_same_way(stories):
    mismatches = {
        query: set(found(stories, query, language="en"))
        for query, expected in ENGLISH_QUERIES
        if set(found(stories, query, language="en")) != expected
    }
    assert mismatches == {}


def test_drafts_are_never_found(stories):
    assert "draft" not in found(stories, "ban nhap")
    assert not SearchEntry.objects.filter(page=stories["draft"]).exists()


def test_exact_spelling_ranks_first(stories):
    # "sở", "số" and "sơ" (in "hồ sơ") fold alike; the spelling typed comes first.
    assert found(stories, "sở")[0] == "so-tttt"
    assert set(found(stories, "số")[:2]) == {"so-lieu", "dat-dai"}
    assert found(stories, "so")[:3] != found(stories, "sở")[:3]


def test_unpublishing_removes_a_story_from_the_index(stories):
    StoryPage.objects.get(pk=stories["hue-s"].pk).unpublish()
    assert found(stories, "hue s") == []
    assert not SearchEntry.objects.filter(page=stories["hue-s"]).exists()


def test_republishing_indexes_the_new_text(stories):
    page = StoryPage.objects.get(pk=stories["hue-s"].pk)
    page.title = "Ứng dụng Huế-S phiên bản hai"
    page.save_revision().publish()
    assert found(stories, "phien ban") == ["hue-s"]


def test_folding_keeps_one_character_per_character():
    text = "Chuyển đổi số ở Đà Nẵng"
    assert fold(text) == "chuyen doi so o da nang"
    assert len(fold(text)) == len(text)
    other_scripts = "Ελληνικά 漢字 😀 İ"
    assert fold(other_scripts) == "ελληνικα 漢字 😀 i" and len(fold(other_scripts)) == len(other_scripts)


def test_an_excerpt_is_the_words_around_the_first_match():
    words = [f"từ{number}" for number in range(100)]
    words[50] = "Đổi"
    words[60] = "đổi"
    excerpt = highlight.excerpt(" ".join(words), engine.Query.parse("doi"))
    shown = excerpt.replace("<mark>", "").replace("</mark>", "").strip("… ").split()
    assert shown == words[38:82]  # 12 words before the first match, 32 from it
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert "<mark>Đổi</mark>" in excerpt and "<mark>đổi</mark>" in excerpt  # the original spelling
    assert highlight.excerpt("không có gì", engine.Query.parse("doi")) is None
    assert highlight.excerpt("đổi ở đầu", engine.Query.parse("doi")).startswith("<mark>")
