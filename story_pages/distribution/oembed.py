"""oEmbed for story URLs: paste a T63 link into a newspaper's CMS and get a story card or the video.

The provider answers with an iframe of /embed/stories/<id>/, a small page made to be framed.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Site

from story_pages.models import StoryPage

DEFAULT_SIZE = {"rich": (600, 400), "video": (640, 400)}
CACHE_SECONDS = 3600
# The consumer's parameters (oEmbed 1.0, section 2.2); others are ignored, as the spec allows.
PARAMETERS = ("url", "maxwidth", "maxheight", "format")
_PIXELS = re.compile(r"[0-9]{1,6}")  # ASCII digits only: str.isdigit() also takes "²", which int() refuses


def story_for_url(url: str, request):
    """The published story at a public T63 URL, in either language, or None."""
    try:
        path = urlsplit(url).path or "/"
    except ValueError:  # "http://[::1": not a URL at all
        return None
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    for language, _ in settings.LANGUAGES:
        prefix = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
        if not path.startswith(prefix):
            continue
        locale = Locale.objects.filter(language_code=language).first()
        root = locale and site.root_page.get_translation_or_none(locale)
        if root is None:
            continue
        url_path = root.url_path + path[len(prefix) :].lstrip("/")
        if not url_path.endswith("/"):
            url_path += "/"
        story = StoryPage.objects.published().filter(url_path=url_path, locale=locale).first()
        if story is not None:
            return story
    return None


@require_safe
def oembed(request):
    answer_format = request.GET.get("format", "json")
    if answer_format == "xml":  # oEmbed 1.0, section 2.3.5: a format the provider does not make
        return JsonResponse({"message": "format: only json is provided"}, status=501)
    if answer_format != "json":
        return JsonResponse({"message": "format: unknown; use json"}, status=400)
    story = story_for_url(request.GET.get("url", ""), request)
    if story is None:
        raise Http404("No published T63 story at this URL.")
    kind = "video" if story.story_format in ("video", "both") else "rich"
    width, height = _size(request, kind)
    embed_url = request.build_absolute_uri(reverse("story_embed", args=(story.pk,)))
    data = {
        "version": "1.0",
        "type": kind,
        "title": story.title,
        "author_name": story.credit_line,
        "provider_name": "T63",
        "provider_url": request.build_absolute_uri("/"),
        "cache_age": CACHE_SECONDS,
        "width": width,
        "height": height,
        "html": (
            f'<iframe src="{embed_url}" width="{width}" height="{height}" title="{_attr(story.title)}" '
            'style="border:0" loading="lazy" allowfullscreen></iframe>'
        ),
    }
    if story.hero_image_id:
        thumbnail = story.hero_image.get_rendition("fill-1200x630")
        data.update(
            thumbnail_url=request.build_absolute_uri(thumbnail.url),
            thumbnail_width=thumbnail.width,
            thumbnail_height=thumbnail.height,
        )
    return JsonResponse(data)


def _size(request, kind):
    width, height = DEFAULT_SIZE[kind]
    for name, default in (("maxwidth", width), ("maxheight", height)):
        value = request.GET.get(name, "")
        if _PIXELS.fullmatch(value) and int(value) > 0:  # anything else: no limit asked
            if name == "maxwidth":
                width = min(default, int(value))
            else:
                height = min(default, int(value))
    return width, height


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


@xframe_options_exempt
@require_safe
def story_embed(request, pk):
    """The card (or the player) that other sites frame."""
    story = StoryPage.objects.published().select_related("locale").filter(pk=pk).first()
    if story is None:
        raise Http404("No published story with this id.")
    video = next((block.value for block in story.body if block.block_type == "video"), None)
    with translation.override(story.locale.language_code):
        return render(request, "story_pages/embed.html", {"story": story, "video": video})
