"""Vietnamese text folded the way readers type it: without diacritics, in lower case.

"Chuyển đổi số ở Đà Nẵng" folds to "chuyen doi so o da nang". Many readers type Vietnamese
without its marks, so the search compares folded words. Folding keeps one character for each
character of the original, so a position found in the folded text marks the same word in the
original (the highlighter relies on that).

PostgreSQL folds the same way with its ``unaccent`` dictionary (migration 0001); this module is
the folding of every other place: SQLite's index, the query, the highlighter.
"""

import re
import unicodedata
from functools import lru_cache

# đ and Đ are letters of their own, not d with a mark: Unicode does not decompose them.
_OWN_LETTERS = {"đ": "d", "Đ": "d"}
# A word: letters and digits. Hyphens and punctuation separate words, so "Hue-S" is "hue s".
WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _OWN_LETTERS:
        return _OWN_LETTERS[char]
    base = unicodedata.normalize("NFD", char)[0]
    lowered = base.lower()
    return lowered if len(lowered) == 1 else base


# Characters below this (Latin, Vietnamese's U+1E00–U+1EFF among them) are remembered once met;
# others are folded on each use, so that text from anywhere cannot grow the table without end.
_REMEMBERED_BELOW = 0x2000


class _FoldTable(dict):
    """str.translate's table, filled as characters are met: one C call folds a whole text."""

    def __missing__(self, codepoint: int) -> str:
        folded = _fold_char(chr(codepoint))
        if codepoint < _REMEMBERED_BELOW:
            self[codepoint] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """``text`` without diacritics, lower-cased, with the same length as the NFC text."""
    return unicodedata.normalize("NFC", text).translate(_FOLD_TABLE)


def exact_words(text: str) -> list[str]:
    """The words of ``text`` in lower case with their diacritics (NFC)."""
    return WORD.findall(unicodedata.normalize("NFC", text).lower())


def folded_words(text: str) -> list[str]:
    """The words of ``text``, folded."""
    return WORD.findall(fold(text))


def word_list(words: list[str]) -> str:
    """Words as one string with a space at each end, so that " word " matches whole words only."""
    return f" {' '.join(words)} "
