"""The "For media" page: how newsrooms take T63's stories (API, feeds, ninjs, oEmbed, licence)."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language

from story_pages.models import ProvincePage, Theme
from story_pages.provinces import names


def media_guide(request):
    language = get_language() if get_language() in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    units = names.sorted_by_name(
        ProvincePage.objects.filter(locale__language_code=language, status="current"),
        lambda unit: unit.display_short_name,
    )
    base = request.build_absolute_uri("/")[:-1]
    feeds = {
        "all": [(kind, base + reverse(f"feeds:{kind}", args=(language,))) for kind in ("rss", "atom")],
        "themes": [
            (label, base + reverse("feeds:theme_rss", args=(language, value)))
            for value, label in Theme.choices
        ],
        "units": [
            (unit.unit_name, base + reverse("feeds:province_rss", args=(language, unit.code)))
            for unit in units
        ],
    }
    return TemplateResponse(
        request,
        "story_pages/media_guide.html",
        {
            "feeds": feeds,
            "api_base": base + "/api/v2/",
            "openapi_url": base + reverse("openapi"),
            "language": language,
        },
    )
