"""robots.txt: crawlers read every public page and find them all in the sitemap."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    searches = []
    for language in ("vi", "en"):
        with translation.override(language):
            searches.append(reverse("search"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Result pages are endless combinations of the same stories; the sitemap lists each once.
        *(f"Disallow: {path}" for path in searches),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
