"""What a search that found nothing offers instead: the same words without the filters (if any
were set), the themes and the latest stories, in three queries at most.

No "the same words without diacritics" suggestion: matching already folds every word (only the
ranking and the marks respect the diacritics typed, docs/search.md), so a search that finds
nothing would find nothing folded either.
"""

from urllib.parse import urlencode

from django.urls import reverse

from story_pages.models import StoryPage
from story_pages.models.theme_listing import theme_listing_page

FILTERS = ("theme", "place", "format", "year")
LATEST = 5


def suggestions(request, form, text: str, locale) -> dict:
    filtered = any(form.data.get(name) for name in FILTERS)  # as asked, valid or not
    unfiltered_url = f"{reverse('search')}?{urlencode({'q': text})}" if filtered else None
    listing = theme_listing_page(locale.id)
    latest = StoryPage.objects.in_language(locale.id).newest_first().defer("body")[:LATEST]
    return {
        "unfiltered_url": unfiltered_url,
        "themes": listing.theme_links(request) if listing is not None else [],
        "latest": list(latest),
    }
