"""Reader search. A plain title search for now; the Vietnamese-aware search comes later."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale

from story_pages.models import StoryPage
from story_pages.wordcount import search_terms


def search(request):
    query = request.GET.get("q", "").strip()
    terms = search_terms(query)
    stories = StoryPage.objects.none()
    if terms:
        stories = StoryPage.objects.published().filter(locale=Locale.get_active()).search(terms)
    page = Paginator(stories, 10).get_page(request.GET.get("page"))
    return TemplateResponse(request, "search/search.html", {"search_query": query, "search_results": page})
