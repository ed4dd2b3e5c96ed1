"""One demo illustration: the theme's colours nudged by the province, a landscape of the province,
the story's pictogram on a card, and a small map of Vietnam with the province marked.

Everything is drawn from seeds derived with SHA-256 (never Python's salted ``hash``), so the same
story gives the same bytes on every run. Drawn at twice the size, then reduced, for smooth edges.
"""

import colorsys
import hashlib
import io
import random
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw

from story_pages.demo.illustration.motifs import MOTIFS, PAPER

WIDTH, HEIGHT = 1600, 900  # larger than the share size (1200×630), as real photos are
SUPERSAMPLE = 2

# One palette per theme: digital government, economy, society (dark, light).
THEME_COLOURS = {
    "chinh-quyen-so": ((150, 34, 28), (246, 196, 83)),
    "kinh-te-so": ((22, 84, 125), (120, 200, 190)),
    "xa-hoi-so": ((40, 100, 70), (236, 214, 120)),
}
MARKERS = ((255, 214, 10), (255, 122, 89), (94, 234, 212), (255, 255, 255), (250, 160, 220), (170, 230, 90))


@dataclass(frozen=True)
class Scene:
    vi: str
    en: str


SCENES = {
    "mountains": Scene("núi đồi", "hills and mountains"),
    "river": Scene("sông nước", "river waves"),
    "sea": Scene("biển", "sea waves"),
    "city": Scene("phố thị", "city towers"),
    "fields": Scene("đồng lúa", "rice fields"),
}


def seeded(*parts: str) -> random.Random:
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _shift_hue(colour, turn: float):
    h, s, v = colorsys.rgb_to_hsv(*(c / 255 for c in colour))
    return tuple(round(c * 255) for c in colorsys.hsv_to_rgb((h + turn) % 1.0, s, v))


def _background(theme: str, rng: random.Random) -> Image.Image:
    dark, light = THEME_COLOURS[theme]
    turn = rng.uniform(-0.05, 0.05)  # the province's own shade of the theme
    dark, light = _shift_hue(dark, turn), _shift_hue(light, turn)
    # A diagonal blend: the sum of a vertical and a horizontal ramp, one of them flipped at random.
    down = Image.linear_gradient("L")
    across = down.transpose(Image.Transpose.ROTATE_90)
    if rng.random() < 0.5:
        across = across.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    size = (WIDTH * SUPERSAMPLE, HEIGHT * SUPERSAMPLE)
    mask = ImageChops.add(down, across, scale=2).resize(size, Image.Resampling.BILINEAR)
    return Image.composite(Image.new("RGB", mask.size, light), Image.new("RGB", mask.size, dark), mask)


def _pattern(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """Faint nodes and links, a network seeded by the story: no two stories share it."""
    w, h = draw.im.size
    nodes = [
        (rng.uniform(0, w), rng.uniform(0, h * 0.75), rng.uniform(8, 40) * SUPERSAMPLE) for _ in range(18)
    ]
    for (x1, y1, _), (x2, y2, _) in zip(nodes, nodes[1:] + nodes[:1], strict=True):
        draw.line([(x1, y1), (x2, y2)], fill=(255, 255, 255, 40), width=3 * SUPERSAMPLE)
    for x, y, r in nodes:
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 255, 55))


def _scene(draw: ImageDraw.ImageDraw, scene: str, rng: random.Random) -> None:
    """The province's landscape along the bottom, in translucent dark layers."""
    w, h = draw.im.size
    shade = (20, 24, 28, 70)
    if scene == "mountains":
        for depth in range(2):
            base = h * (0.78 + depth * 0.08)
            x, points = -w * 0.1, [(0, h)]
            while x < w * 1.1:
                step = rng.uniform(0.12, 0.22) * w
                points.append((x + step / 2, base - rng.uniform(0.12, 0.3) * h / (depth + 1)))
                x += step
                points.append((x, base))
            draw.polygon(points + [(w, h)], fill=shade)
    elif scene == "city":
        x = 0.0
        while x < w:
            tower = rng.uniform(0.04, 0.09) * w
            draw.rectangle([x, h * (1 - rng.uniform(0.12, 0.4)), x + tower, h], fill=shade)
            x += tower + rng.uniform(0.005, 0.02) * w
    else:
        base = h * {"river": 0.8, "sea": 0.76, "fields": 0.82}[scene]
        draw.rectangle([0, base, w, h], fill=shade)
        for row in range(5 if scene == "fields" else 4):
            y = base + (h - base) * (row + 0.5) / 5
            if scene == "fields":
                draw.line([(0, y), (w, y - h * 0.05)], fill=(255, 255, 255, 50), width=4 * SUPERSAMPLE)
            else:
                for i in range(12):
                    x = (i + (row % 2) * 0.5) * w / 12
                    draw.arc(
                        [x, y - 20 * SUPERSAMPLE, x + w / 24, y + 20 * SUPERSAMPLE],
                        200,
                        340,
                        fill=(255, 255, 255, 80),
                        width=4 * SUPERSAMPLE,
                    )


def _locator(draw: ImageDraw.ImageDraw, places, code: str, marker) -> None:
    """Vietnam as its 63 provinces' dots on the right, the story's province large and ringed."""
    west, south, north = 102.1, 8.4, 23.5
    left, top, bottom = 0.73 * WIDTH, 0.06 * HEIGHT, 0.94 * HEIGHT
    scale = (bottom - top) / (north - south) * SUPERSAMPLE

    def at(longitude, latitude):
        return (
            left * SUPERSAMPLE + (longitude - west) * scale * 0.96,
            top * SUPERSAMPLE + (north - latitude) * scale,
        )

    dot = 8 * SUPERSAMPLE
    for place_code, longitude, latitude in places:
        if place_code != code:
            x, y = at(longitude, latitude)
            draw.ellipse([x - dot, y - dot, x + dot, y + dot], fill=(255, 255, 255))
    for place_code, longitude, latitude in places:
        if place_code == code:
            x, y = at(longitude, latitude)
            for ring, width in ((6.5, 4), (4.8, 5)):
                r = dot * ring
                draw.ellipse([x - r, y - r, x + r, y + r], outline=marker, width=width * SUPERSAMPLE)
            r = dot * 3.2
            draw.ellipse(
                [x - r, y - r, x + r, y + r], fill=marker, outline=(20, 24, 28), width=2 * SUPERSAMPLE
            )


def draw_illustration(*, seed: str, theme: str, motif: str, scene: str, province_code: str, places) -> bytes:
    """The PNG bytes of one illustration; ``places`` are (code, longitude, latitude) of the 63."""
    rng = seeded(seed, theme, motif, scene, province_code)
    picture = _background(theme, rng)
    # The network and the landscape on one translucent layer ("RGBA" drawing blends overlaps).
    layer = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    layer_draw = ImageDraw.Draw(layer, "RGBA")
    _pattern(layer_draw, rng)
    _scene(layer_draw, scene, rng)
    picture.paste(layer, (0, 0), layer)
    draw = ImageDraw.Draw(picture)
    accent = THEME_COLOURS[theme][0]
    # The pictogram on a paper card left of centre, inside what a 1200×630 crop keeps.
    card = [c * SUPERSAMPLE for c in (0.14 * WIDTH, 0.11 * HEIGHT, 0.58 * WIDTH, 0.89 * HEIGHT)]
    draw.rounded_rectangle(
        card, radius=40 * SUPERSAMPLE, fill=PAPER, outline=(20, 24, 28), width=3 * SUPERSAMPLE
    )
    size = (card[3] - card[1]) * 0.84
    MOTIFS[motif].draw(
        draw, (card[0] + card[2] - size) / 2, card[1] + (card[3] - card[1] - size) / 2, size, accent
    )
    _locator(draw, places, province_code, MARKERS[int(province_code) % len(MARKERS)])
    picture = picture.reduce(SUPERSAMPLE)  # a box filter: smooth edges at a fraction of Lanczos' cost
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()
