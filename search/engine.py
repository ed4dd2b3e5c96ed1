"""One search for readers and for the API: folded words, matched whole, all of them required.

On PostgreSQL the words are matched through the ``t63_vi`` text search configuration, in a
stored tsvector with a GIN index; elsewhere (SQLite under ``make run``) through the stored
folded words. Ranking uses only the short heading (title and summary), which keeps a query that
matches most stories cheap: a word in the heading counts, spelled exactly as typed (with its
diacritics) counts more.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connections, router, transaction
from django.db.models import Case, F, Q, Value, When
from django.db.models.lookups import Lookup

from search.folding import exact_words, folded_words
from search.models import SEARCH_CONFIG, SearchEntry

MAX_TERMS = 12  # a pasted paragraph is not a query; its first words are enough


@dataclass(frozen=True)
class Query:
    folded: tuple[str, ...]
    exact: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> "Query":
        folded = tuple(dict.fromkeys(folded_words(text or "")))[:MAX_TERMS]
        exact = tuple(dict.fromkeys(exact_words(text or "")))[:MAX_TERMS]
        return cls(folded, exact)

    def __bool__(self):
        return bool(self.folded)


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


def relevance(query: Query):
    """A score from the heading: 2 for each folded word found there, 1 more for each exact one."""
    score = Value(0)
    for word in query.folded:
        score += Case(When(search_entry__heading_folded__contains=f" {word} ", then=2), default=0)
    for word in query.exact:
        score += Case(When(search_entry__heading_exact__contains=f" {word} ", then=1), default=0)
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
