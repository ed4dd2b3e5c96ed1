import json
import unicodedata
from pathlib import Path

import pytest

import story_pages
from story_pages.rules.wordcount import count_words

VECTORS_FILE = Path(story_pages.__file__).parent / "rules" / "test_vectors" / "wordcount.json"
VECTORS = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_shared_vectors(vector):
    assert count_words(vector["text"]) == vector["words"]


def test_vectors_cover_the_cases_the_rule_names():
    texts = " ".join(v["text"] for v in VECTORS)
    for needle in ("1.000", "COVID-19", "Hue-S", "t63.mic.gov.vn", "<p>", "<h2>", "linktype"):
        assert needle in texts
    assert any(
        unicodedata.is_normalized("NFD", v["text"]) and not unicodedata.is_normalized("NFC", v["text"])
        for v in VECTORS
    )


def test_nfd_and_nfc_count_the_same():
    text = "Chuyển đổi số ở Đắk Lắk, Hà Giang và Thừa Thiên Huế"
    assert count_words(unicodedata.normalize("NFD", text)) == count_words(text) == 12


def test_a_thousand_syllables_are_a_thousand_words():
    assert count_words(" ".join(["chuyển đổi số"] * 333) + " xong") == 1000
