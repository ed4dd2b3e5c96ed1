"""The endpoint the "Was this useful?" buttons post to.

The story page is cached for every reader, so it cannot carry a per-visitor CSRF token: instead
the browser's own headers say where the post came from, and anything from another site is refused.
Nothing is set or stored about the reader: the answer is counted, the reader sent back.
"""

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest, HttpResponseForbidden, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from story_pages.client_address import client_address
from story_pages.learning.usefulness import ANSWERS, record_answer
from story_pages.models import StoryPage

THANKS_QUERY = "useful=thanks"
ANCHOR = "useful"


def from_this_site(request) -> bool:
    """Fetch metadata first (every current browser sends it), else the Origin header."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return False
    own = f"{request.scheme}://{request.get_host()}"
    return origin == own or origin in getattr(settings, "CSRF_TRUSTED_ORIGINS", ())


@csrf_exempt  # no token on a cached page: from_this_site() is the check
@never_cache
@require_POST
def answer(request, story_id: int):
    if not from_this_site(request):
        return HttpResponseForbidden(_("Answers are taken only from T63's own story pages."))
    choice = request.POST.get("answer", "")
    if choice not in ANSWERS:
        return HttpResponseBadRequest(_("Answer “yes” (useful) or “no” (not useful)."))
    story = StoryPage.objects.published().filter(pk=story_id).only("url_path", "locale_id").first()
    if story is None:
        raise Http404(_("No published story with this id."))
    record_answer(story.pk, choice, client_address(request))
    # 303: the browser follows with a GET, and a reload does not post again.
    return HttpResponseRedirect(f"{story.get_url(request)}?{THANKS_QUERY}#{ANCHOR}", status=303)
