"""How readers meet a place's name: today's unit or a former province, in the reader's language,
and in Vietnamese alphabetical order.

Plain functions of a province's stored names, so that listings read as plain rows (the filters,
the search form) name places exactly as the pages do.
"""

import unicodedata
from datetime import date

from django.utils.translation import gettext

# The last day of the 63 provinces: Resolution 202/2025/QH15 took effect on 1 July 2025.
LAST_DAY_OF_THE_63 = date(2025, 6, 30)
CITY_PREFIX = "Thành phố"

# The Vietnamese alphabet (with f, j, w, z where the Latin alphabet has them, for foreign words).
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET, start=1)}
# The marks that make a letter of its own (ă â ê ô ơ ư), and the five tones in dictionary order:
# level (no mark), huyền, hỏi, ngã, sắc, nặng.
LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vietnamese_sort_key(text: str) -> tuple:
    """Sorts as a Vietnamese dictionary does: A Ă Â B C D Đ E Ê … by letter first, the tone marks
    only between words spelt alike (Ba, Bà, Bả, Bã, Bá, Bạ), case last."""
    letters, tones = [], []
    for base, marks in _letters(text.casefold()):
        letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in LETTER_MARKS))
        letters.append(LETTER_RANK.get(letter, 0 if not letter.isalnum() else 100 + ord(letter[0])))
        tones.append(max((TONE_RANK.get(m, 0) for m in marks), default=0))
    return (tuple(letters), tuple(tones), text)


def sorted_by_name(items, name=lambda item: item):
    """``items`` in Vietnamese alphabetical order of ``name(item)``: every place list uses it."""
    return sorted(items, key=lambda item: vietnamese_sort_key(name(item)))


def _letters(text: str):
    """(base character, its combining marks) for each character of ``text``."""
    decomposed = unicodedata.normalize("NFD", text)
    current, marks = None, []
    for char in decomposed:
        if unicodedata.combining(char) and current is not None:
            marks.append(char)
            continue
        if current is not None:
            yield current, marks
        current, marks = char, []
    if current is not None:
        yield current, marks


def is_city(official_name: str) -> bool:
    return official_name.startswith(CITY_PREFIX)


def place_name(short_name: str, official_name: str) -> str:
    """The name in the active language: "Tỉnh Bắc Ninh" / "Bắc Ninh Province", "Thành phố Huế" /
    "Huế City" (from the short name, so both languages come from one stored name)."""
    if is_city(official_name):
        return gettext("%(name)s City") % {"name": short_name}
    return gettext("%(name)s Province") % {"name": short_name}


def former_name(short_name: str, official_name: str) -> str:
    """A province of the 63, dated: "Tỉnh Bắc Giang (đến 30/6/2025)"."""
    return gettext("%(province)s (until 30 June 2025)") % {"province": place_name(short_name, official_name)}
