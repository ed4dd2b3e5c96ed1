"""One search for readers and for the API: folded words, matched whole, all of them required.

On PostgreSQL the words are matched through the ``t63_vi`` text search configuration, in a
stored tsvector with a GIN index; elsewhere (SQLite under ``make run``) through the stored
folded words. Matching is always folded; ranking respects what the reader typed (docs/search.md):
a word typed with its diacritics found so spelled anywhere counts most, then the words found
together as a phrase, then the words in the short heading (title and summary), exact spellings
there a little more than folded ones.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connections, router, transaction
from django.db.models import Case, F, Q, Value, When
from django.db.models.lookups import Lookup

from search.folding import exact_words, fold, folded_words
from search.models import SEARCH_CONFIG, SearchEntry

MAX_TERMS = 12  # a pasted paragraph is not a query; its first words are enough
# Score tiers: any exact word found outweighs any phrase, and a phrase outweighs any heading
# score (at most 3 for each of MAX_TERMS words).
EXACT_WORD, PHRASE, HEADING_FOLDED, HEADING_EXACT = 1000, 100, 2, 1


@dataclass(frozen=True)
class Query:
    folded: tuple[str, ...]  # what matching requires, each word once
    exact: tuple[str, ...]  # the words as typed (lower case, NFC), each once
    marked: tuple[str, ...] = ()  # the typed words that carry diacritics: matched as typed
    loose: tuple[str, ...] = ()  # folded words typed without diacritics: any spelling matches
    phrase_folded: str = ""  # the words in their order, for "found together"
    phrase_exact: str = ""

    @classmethod
    def parse(cls, text: str) -> "Query":
        text = text or ""
        in_order = exact_words(text)[:MAX_TERMS]
        folded = tuple(dict.fromkeys(folded_words(text)))[:MAX_TERMS]
        exact = tuple(dict.fromkeys(in_order))
        marked = tuple(word for word in exact if fold(word) != word)
        plain = {fold(word) for word in exact if word not in marked}
        marked_folds = {fold(word) for word in marked}
        loose = tuple(word for word in folded if word in plain or word not in marked_folds)
        phrase_folded = " ".join(folded_words(text)[:MAX_TERMS]) if len(in_order) > 1 else ""
        phrase_exact = " ".join(in_order) if len(in_order) > 1 and marked else ""
        return cls(folded, exact, marked, loose, phrase_folded, phrase_exact)

    def __bool__(self):
        return bool(self.folded)

    def shows(self, folded_word: str, exact_word: str) -> bool:
        """Whether a word of a text (folded, and lower-cased as written) matches as typed: a
        word typed with diacritics only in that spelling, one typed without in any."""
        return folded_word in self.loose or exact_word in self.marked


class MatchesFolded(Lookup):
    """``text__t63_matches="chuyen doi so"``: on PostgreSQL, the entry's stored ``vector`` column
    (to_tsvector('t63_vi', text) made by the database: see migration 0001) matches every word."""

    lookup_name = "t63_matches"

    def as_sql(self, compiler, connection):
        vector = f"{compiler.quote_name_unless_alias(self.lhs.alias)}.{connection.ops.quote_name('vector')}"
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{vector} @@ plainto_tsquery('{SEARCH_CONFIG}'::regconfig, {rhs})", rhs_params


SearchEntry._meta.get_field("text").register_lookup(MatchesFolded)


def matching(query: Query, vendor: str) -> Q:
    """Pages whose search entry has every word of the query."""
    if vendor == "postgresql":
        return Q(search_entry__text__t63_matches=" ".join(query.folded))
    condition = Q()
    for word in query.folded:
        condition &= Q(search_entry__folded_words__contains=f" {word} ")
    return condition


def _found(field: str, words: str):
    return Q(**{f"search_entry__{field}__contains": f" {words} "})


def relevance(query: Query):
    """The score of the tiers above: each word typed with diacritics found so spelled anywhere,
    the words found together (as typed, and folded), then the heading's words."""
    score = Value(0)
    for word in query.marked:
        score += Case(When(_found("exact_words", word), then=EXACT_WORD), default=0)
    if query.phrase_exact:
        score += Case(When(_found("exact_words", query.phrase_exact), then=PHRASE), default=0)
    if query.phrase_folded:
        score += Case(When(_found("folded_words", query.phrase_folded), then=PHRASE), default=0)
    for word in query.folded:
        score += Case(When(_found("heading_folded", word), then=HEADING_FOLDED), default=0)
    for word in query.exact:
        score += Case(When(_found("heading_exact", word), then=HEADING_EXACT), default=0)
    return score


@contextmanager
def text_index_scans(using: str | None = None, *, when: bool = True):
    """Runs the queries inside on the text index, in one process each.

    PostgreSQL's planner reads a query matching most stories as a sequential scan, not counting
    that each row's tsvector must then be fetched and decompressed from TOAST: for "chuyển đổi
    số" on 10,000 stories the scan costs three times the GIN index (86 ms against 28). Parallel
    workers only take cores from the concurrent requests on a small machine. A no-op unless
    ``when``, and on other databases. ``using``: the database the search reads (by default
    where the router sends reads: the replica, if the request may use it).
    """
    using = using or router.db_for_read(SearchEntry)
    if not when or connections[using].vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0")
        yield


def search(queryset, text: str, *, by_relevance: bool = True):
    """``queryset`` narrowed to the pages matching ``text``; the best first, then the newest.

    Without ``by_relevance`` the queryset's own ordering is kept."""
    query = Query.parse(text)
    if not query:
        return queryset.none()
    found = queryset.filter(matching(query, connections[queryset.db].vendor))
    if not by_relevance:
        return found
    return found.annotate(relevance=relevance(query)).order_by(
        F("relevance").desc(), F("first_published_at").desc(nulls_last=True), "-pk"
    )
