"""A QR code of a story's address, as SVG: printed on posters and shown on TV beside a report."""

import io

import segno
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from story_pages.models import StoryPage

# A story's URL rarely changes; a day's reuse saves regenerating codes for every print run.
CACHE_SECONDS = 24 * 3600


def story_qr_svg(url: str, title: str) -> bytes:
    # Level M survives the smudges of print; omitsize gives a viewBox, so the SVG scales to any size.
    code = segno.make_qr(url, error="m")
    buffer = io.BytesIO()
    code.save(
        buffer, kind="svg", border=4, omitsize=True, title=title, light="#fff", svgclass=None, lineclass=None
    )
    return buffer.getvalue()


@require_GET
@cache_control(public=True, max_age=CACHE_SECONDS)
def story_qr(request, pk):
    story = StoryPage.objects.published().select_related("locale").filter(pk=pk).first()
    if story is None:
        raise Http404("No published story with this id.")
    with translation.override(story.locale.language_code):
        title = _("QR code: %(title)s") % {"title": story.title}
    svg = story_qr_svg(story.get_full_url(request), title)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="story-{story.pk}-qr.svg"'
    return response
