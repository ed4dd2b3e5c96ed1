"""The 1,000-word rule's counting function, the one place the rule's notion of a word lives.

A word is a maximal run of letters, digits and combining marks, after Unicode NFC
normalisation; a single ``.``, ``,``, ``'`` or ``’`` between two such characters does not
split it. So each Vietnamese syllable is one word, ``1.000``, ``4,5`` and ``t63.mic.gov.vn``
are one word each, and ``COVID-19`` is two. Markup is not text: HTML input is reduced to its
visible text first. The admin's live counter implements the same rule in JavaScript and is
held to it by the shared vectors in ``rules/test_vectors/wordcount.json``.
"""

import re
import unicodedata
from html.parser import HTMLParser

# Letters and digits (str.isalnum, minus "_"), plus combining marks left over after NFC.
_WORD_CHAR = r"[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_JOINER = r"[.,'\u2019]"
_WORD = re.compile(rf"(?:{_WORD_CHAR})+(?:{_JOINER}(?:{_WORD_CHAR})+)*")
_LOOKS_LIKE_HTML = re.compile(r"<[a-zA-Z/!]")

# Tags whose boundaries separate words; inline tags (<b>, <a>, <span>…) do not.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5"
    " h6 header hr img embed li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
_INVISIBLE_TAGS = frozenset({"script", "style", "template"})


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in _INVISIBLE_TAGS:
            self._hidden_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _INVISIBLE_TAGS:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self._hidden_depth:
            self.parts.append(data)


def visible_text(text: str, html: bool | None = None) -> str:
    """The text a reader sees: markup dropped, entities decoded, NFC-normalised.

    ``html`` says whether the text is HTML; None guesses from the presence of tags.
    """
    if html is None:
        html = bool(_LOOKS_LIKE_HTML.search(text))
    if html:
        parser = _VisibleText()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    return unicodedata.normalize("NFC", text)


def count_words(text: str, html: bool | None = None) -> int:
    """Number of words in plain or HTML text, by the rule above (``html`` as for visible_text)."""
    if not text:
        return 0
    return sum(1 for _ in _WORD.finditer(visible_text(text, html)))
