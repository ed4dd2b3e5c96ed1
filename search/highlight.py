"""Matched words shown in <mark>, in the original spelling, found through the folded text."""

import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .engine import Query
from .folding import WORD, fold

WORDS_BEFORE, WORDS_AFTER = 12, 32


def _spans(text: str, query: Query):
    """Every word of ``text`` as (start, end, matched); ``text`` must be NFC."""
    wanted = set(query.folded)
    return [(m.start(), m.end(), m.group() in wanted) for m in WORD.finditer(fold(text))]


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
    return mark_safe(_marked(text, _spans(text, query), 0, len(text)))  # escaped in _marked


def excerpt(text: str, query: Query) -> SafeString | None:
    """A few lines of ``text`` around its first matched word, marked; None if no word matches."""
    text = unicodedata.normalize("NFC", text)
    spans = _spans(text, query)
    first = next((index for index, (_, _, matched) in enumerate(spans) if matched), None)
    if first is None:
        return None
    window = spans[max(0, first - WORDS_BEFORE) : first + WORDS_AFTER]
    start, end = window[0][0], window[-1][1]
    marked = _marked(text, window, start, end)
    before = "… " if start > 0 else ""
    after = " …" if end < len(text.rstrip()) else ""
    return mark_safe(f"{before}{marked}{after}")  # escaped in _marked
