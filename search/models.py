"""The reader search's index: one entry per published page that offers a search document."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The PostgreSQL text search configuration made by migration 0001: `simple` (no stemming, no
# stop words: Vietnamese syllables such as "do", "an", "to" are words) with `unaccent` first.
SEARCH_CONFIG = "t63_vi"


class SearchEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    # The whole document with its diacritics: PostgreSQL matches it through an expression index
    # of to_tsvector('t63_vi', text); the highlighter quotes from it.
    text = models.TextField(_("text"))
    # The same words folded, between spaces (" chuyen doi so "): what SQLite matches with LIKE.
    folded_words = models.TextField(_("folded words"))
    # The words with their diacritics, lower-cased, between spaces (" chuyển đổi số "): a word
    # typed with its marks ranks the pages spelling it so above look-alikes (see docs/search.md).
    exact_words = models.TextField(_("exact words"), default="")
    # Title and summary, folded and exact: matches there rank first, exact spellings before folded.
    heading_folded = models.TextField(_("heading, folded"))
    heading_exact = models.TextField(_("heading, exact"))

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.text[:60]
