"""Matched words shown in <mark>, in the original spelling, found through the folded text."""

import unicodedata
from collections import deque
from itertools import islice

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.engine import Query
from search.folding import WORD, fold

WORDS_BEFORE, WORDS_AFTER = 12, 32


def _spans(words, wanted: set[str]) -> list[tuple[int, int, bool]]:
    """Words (matches in the folded text) as (start, end, matched)."""
    return [(word.start(), word.end(), word.group() in wanted) for word in words]


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
    spans = _spans(WORD.finditer(fold(text)), set(query.folded))
    return mark_safe(_marked(text, spans, 0, len(text)))  # escaped in _marked


def excerpt(text: str, query: Query) -> SafeString | None:
    """A few lines of ``text`` around its first matched word, marked; None if no word matches."""
    text = unicodedata.normalize("NFC", text)
    wanted = set(query.folded)
    words = WORD.finditer(fold(text))
    before = deque(maxlen=WORDS_BEFORE)
    for word in words:  # read only as far as the first match and the words after it
        if word.group() in wanted:
            window = [*before, word, *islice(words, WORDS_AFTER - 1)]
            break
        before.append(word)
    else:
        return None
    spans = _spans(window, wanted)
    start, end = spans[0][0], spans[-1][1]
    marked = _marked(text, spans, start, end)
    before_mark = "… " if start > 0 else ""
    after_mark = " …" if end < len(text.rstrip()) else ""
    return mark_safe(f"{before_mark}{marked}{after_mark}")  # escaped in _marked
