"""The reader search page: Vietnamese with or without diacritics, filtered, paginated, highlighted."""

from django.template.response import TemplateResponse
from wagtail.models import Locale

from search import engine
from search.highlight import excerpt, highlight
from search.models import SearchEntry
from search.ranked_page import ranked_page
from story_pages.models import ProvincePage, StoryPage
from story_pages.reading.search_form import StorySearchForm
from story_pages.reading.search_suggestions import suggestions

RESULTS_PER_PAGE = 10
PAGE_PARAMETER = "page"  # besides the form's fields


def search(request):
    locale = Locale.get_active()
    form = StorySearchForm(request.GET or None, locale=locale)
    form.is_valid()  # errors are shown beside their field; the valid filters still apply
    context = {"form": form, "search_query": "", "results": [], "page_obj": None}
    if form.is_bound:  # an empty form shows only itself; filters alone list the newest stories
        text = form.cleaned_data.get("q", "")
        stories = form.filtered(StoryPage.objects.published().filter(locale=locale))
        if text.strip():
            stories = engine.search(stories, text)
        else:
            stories = stories.order_by("-first_published_at", "-pk")
        # Ranked by id alone (with the total, in one query), then the page's ten stories fetched
        # whole: sorting thousands of matches never drags their bodies along.
        with engine.text_index_scans(stories.db):
            page = ranked_page(stories, request.GET.get(PAGE_PARAMETER), RESULTS_PER_PAGE)
        context.update(
            search_query=text,
            results=_results(page, engine.Query.parse(text)),
            page_obj=page,
            paging_query=_paging_query(request),
            suggestions=None if page.paginator.count else suggestions(request, form, text, locale),
        )
    return TemplateResponse(request, "story_pages/search_page.html", context)


def _results(page, query):
    """Each story on the page with its province and its title and excerpt marked; three queries."""
    # Without their bodies: the excerpts come from the search index's text.
    found = StoryPage.objects.select_related("locale").defer("body").in_bulk(list(page))
    stories = [found[pk] for pk in page if pk in found]
    # Named as on the cards: today's unit, and the province of then where it differs.
    provinces = ProvincePage.objects.filter(path__in={story.path[: -story.steplen] for story in stories})
    provinces = provinces.select_related("merged_into")
    province_of = {province.path: province.reader_place for province in provinces}
    entries = SearchEntry.objects.filter(page_id__in=[story.pk for story in stories])
    texts = dict(entries.values_list("page_id", "text"))
    return [
        {
            "story": story,
            "province_name": province_of.get(story.path[: -story.steplen]),
            "title": highlight(story.title, query),
            "excerpt": (excerpt(story.summary, query) or excerpt(_body_text(story, texts), query))
            if query
            else None,
        }
        for story in stories
    ]


def _body_text(story, texts) -> str:
    """The indexed text after the title and summary, which the result shows already."""
    text, heading = texts.get(story.pk, ""), f"{story.title}\n{story.summary}"
    return text[len(heading) :] if text.startswith(heading) else text


def _paging_query(request):
    """The search's parameters without the page number, for the pagination links."""
    params = request.GET.copy()
    params.pop(PAGE_PARAMETER, None)
    return params.urlencode()
