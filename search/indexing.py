"""Keeping the search index in step with what is published.

A page enters the index when it is published (its live content) and leaves it when it is
unpublished; deleting a page deletes its entry with it (cascade). Any page type can take part by
offering ``search_document() -> (heading, text)``; aliases are left out.
"""

from search.folding import exact_words, folded_words, word_list
from search.models import SearchEntry


def entry_for(page) -> SearchEntry | None:
    """The page's entry from its current content; None if it is not searchable."""
    page = page.specific
    if page.alias_of_id or not hasattr(page, "search_document"):  # an alias repeats its original
        return None
    heading, text = page.search_document()
    return SearchEntry(
        page_id=page.pk,
        text=text,
        folded_words=word_list(folded_words(text)),
        exact_words=word_list(exact_words(text)),
        heading_folded=word_list(folded_words(heading)),
        heading_exact=word_list(exact_words(heading)),
    )


def index_page(page) -> bool:
    """Write the page's entry; False if its type is not searchable."""
    entry = entry_for(page)
    if entry is not None:
        entry.save()
    return entry is not None


def index_pages(pages) -> int:
    """Index many new pages at once (bulk imports); returns how many were indexed."""
    entries = [entry for entry in map(entry_for, pages) if entry is not None]
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    return len(entries)


def on_published(sender, instance, **kwargs):
    index_page(instance)


def on_unpublished(sender, instance, **kwargs):
    SearchEntry.objects.filter(page_id=instance.pk).delete()
