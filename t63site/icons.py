"""The site's icons and web manifest: a red square with "T63", the header's accent colour.

The PNG and ICO files under static/icons/ are made by ``python -m t63site.icons`` (Pillow, with
DejaVu Sans Bold) and committed: they change with the brand, not with each build, and a build
then needs no font. Browsers ask for /favicon.ico whatever the page says, so it is answered too.
"""

import json
from pathlib import Path

from django.http import HttpResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

ACCENT = "#b3261e"  # --accent in css/t63.css
PAPER = "#fffdf9"  # --paper
ICONS = Path(__file__).resolve().parent / "static" / "icons"
PNG_SIZES = (180, 192, 512)  # the apple-touch-icon, then the manifest's two
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    """The 32 px icon itself (a redirect would cost old browsers a second request)."""
    return HttpResponse((ICONS / "favicon.ico").read_bytes(), content_type="image/x-icon")


@require_safe
@cache_control(max_age=3600, public=True)
def web_manifest(request):
    manifest = {
        "name": "T63 – Câu chuyện chuyển đổi số của các tỉnh, thành phố",
        "short_name": "T63",
        "lang": "vi",
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "theme_color": ACCENT,
        "background_color": PAPER,
        "icons": [
            {"src": static(f"icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
            for size in PNG_SIZES[1:]
        ],
    }
    body = json.dumps(manifest, ensure_ascii=False, indent=2)
    return HttpResponse(body, content_type="application/manifest+json; charset=utf-8")


def draw(size: int):
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (size, size), ACCENT)
    drawing = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, int(size * 0.42))
    drawing.text((size / 2, size / 2), "T63", fill=PAPER, font=font, anchor="mm")
    return image


def write_icons() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        draw(size).save(ICONS / f"icon-{size}.png", optimize=True)
    draw(64).save(ICONS / "favicon.ico", sizes=[(32, 32)])


if __name__ == "__main__":
    write_icons()
