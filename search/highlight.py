"""Matched words shown in <mark>, in the original spelling, found through the folded text.

A word typed with diacritics is marked only where it is spelled so ("số" marks "Số", not "sổ");
one typed without marks every spelling that folds to it ("so" marks "số", "sổ", "sơ")."""

import unicodedata
from collections import deque
from itertools import islice

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.engine import Query
from search.folding import WORD, fold

WORDS_BEFORE, WORDS_AFTER = 12, 32


def _matches(text: str, word, query: Query) -> bool:
    """``word``, a match in the folded text, is one of the query's words (folding keeps one
    character per character, so its place in ``text`` is its spelling)."""
    return query.shows(word.group(), text[word.start() : word.end()].lower())


def _spans(text: str, words, query: Query) -> list[tuple[int, int, bool]]:
    """Words (matches in the folded text) as (start, end, matched)."""
    return [(word.start(), word.end(), _matches(text, word, query)) for word in words]


def _marked(text: str, spans, start: int, end: int) -> str:
    out, position = [], start
    for word_start, word_end, matched in spans:
        if not matched or word_start < start or word_end > end:
            continue
        out += [escape(text[position:word_start]), "<mark>", escape(text[word_start:word_end]), "</mark>"]
        position = word_end
    out.append(escape(text[position:end]))
    return "".join(out)


def highlight(text: str, query: Query) -> SafeString:
    """All of ``text``, HTML-escaped, with the query's words marked."""
    text = unicodedata.normalize("NFC", text)
    spans = _spans(text, WORD.finditer(fold(text)), query)
    return mark_safe(_marked(text, spans, 0, len(text)))  # escaped in _marked


def excerpt(text: str, query: Query) -> SafeString | None:
    """A few lines of ``text`` around its first matched word, marked; None if no word matches."""
    text = unicodedata.normalize("NFC", text)
    words = WORD.finditer(fold(text))
    before = deque(maxlen=WORDS_BEFORE)
    for word in words:  # read only as far as the first match and the words after it
        if _matches(text, word, query):
            window = [*before, word, *islice(words, WORDS_AFTER - 1)]
            break
        before.append(word)
    else:
        return None
    spans = _spans(text, window, query)
    start, end = spans[0][0], spans[-1][1]
    marked = _marked(text, spans, start, end)
    before_mark = "… " if start > 0 else ""
    after_mark = " …" if end < len(text.rstrip()) else ""
    return mark_safe(f"{before_mark}{marked}{after_mark}")  # escaped in _marked
