"""The pictograms of the demo illustrations: what a story is about, drawn with plain shapes.

Each motif draws into a square box (x, y, size) on a supersampled canvas, in flat colours that
stay legible on a 400-pixel card, and says in both languages what it shows, for the alt text.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PIL import ImageDraw

INK = (33, 37, 41)
PAPER = (255, 253, 247)
SCREEN = (236, 244, 250)


@dataclass(frozen=True)
class Motif:
    draw: Callable[[ImageDraw.ImageDraw, float, float, float, tuple], None]
    vi: str
    en: str


def _box(x, y, size, left, top, right, bottom):
    """A rectangle given in fractions of the motif's box."""
    return [x + left * size, y + top * size, x + right * size, y + bottom * size]


def _phone(draw, x, y, size, left=0.3, top=0.05, right=0.7, bottom=0.95):
    """A phone; returns its screen's rectangle."""
    outline = _box(x, y, size, left, top, right, bottom)
    draw.rounded_rectangle(outline, radius=size * 0.05, fill=INK)
    inset = size * 0.025
    screen = [outline[0] + inset, outline[1] + inset * 2.5, outline[2] - inset, outline[3] - inset * 2.5]
    draw.rectangle(screen, fill=SCREEN)
    return screen


def _lines(draw, box, count, colour, start=0.0):
    left, top, right, bottom = box
    step = (bottom - top) / (count + 1)
    for i in range(count):
        width = (right - left) * (0.9 if i % 3 else 0.6)
        line_y = top + step * (i + 1)
        draw.rounded_rectangle(
            [left + (right - left) * start, line_y - step * 0.18, left + width, line_y + step * 0.18],
            radius=step * 0.18,
            fill=colour,
        )


def _check(draw, cx, cy, size, colour):
    w = max(2, int(size * 0.18))
    draw.line(
        [(cx - size * 0.45, cy), (cx - size * 0.1, cy + size * 0.35), (cx + size * 0.5, cy - size * 0.4)],
        fill=colour,
        width=w,
        joint="curve",
    )


def _qr(draw, x, y, size):
    """A QR-code-like square: three finder marks and a fixed pattern of modules."""
    draw.rectangle([x, y, x + size, y + size], fill=PAPER)
    module = size / 9
    for fx, fy in ((0, 0), (6, 0), (0, 6)):
        draw.rectangle(
            [x + fx * module, y + fy * module, x + (fx + 3) * module, y + (fy + 3) * module], fill=INK
        )
        draw.rectangle(
            [
                x + (fx + 0.7) * module,
                y + (fy + 0.7) * module,
                x + (fx + 2.3) * module,
                y + (fy + 2.3) * module,
            ],
            fill=PAPER,
        )
        draw.rectangle(
            [
                x + (fx + 1.1) * module,
                y + (fy + 1.1) * module,
                x + (fx + 1.9) * module,
                y + (fy + 1.9) * module,
            ],
            fill=INK,
        )
    for i, j in ((4, 1), (4, 3), (3, 4), (5, 5), (7, 4), (4, 6), (6, 7), (8, 8), (7, 6), (4, 8), (8, 5)):
        draw.rectangle([x + i * module, y + j * module, x + (i + 1) * module, y + (j + 1) * module], fill=INK)


def _person(draw, cx, top, size, colour):
    head = size * 0.16
    draw.ellipse([cx - head, top, cx + head, top + head * 2], fill=colour)
    draw.pieslice(
        [cx - size * 0.3, top + head * 2.3, cx + size * 0.3, top + head * 2.3 + size * 0.6],
        180,
        360,
        fill=colour,
    )


def handbook(draw, x, y, size, accent):
    screen = _phone(draw, x, y, size)
    left, top, right, _ = screen
    # An open book on the screen: two pages and a star, like the party's handbook cover.
    mid = (left + right) / 2
    draw.polygon(
        [
            (left + 10, top + size * 0.12),
            (mid, top + size * 0.16),
            (mid, top + size * 0.42),
            (left + 10, top + size * 0.38),
        ],
        fill=accent,
    )
    draw.polygon(
        [
            (right - 10, top + size * 0.12),
            (mid, top + size * 0.16),
            (mid, top + size * 0.42),
            (right - 10, top + size * 0.38),
        ],
        fill=accent,
    )
    draw.regular_polygon((mid, top + size * 0.05, size * 0.04), 5, fill=(246, 196, 83))
    _lines(draw, [left + 12, top + size * 0.45, right - 12, screen[3] - 10], 5, (178, 190, 200))


def feedback(draw, x, y, size, accent):
    screen = _phone(draw, x - size * 0.12, y, size)
    left, top, right, bottom = screen
    # A photo of a street problem, then a pin where it was reported.
    draw.rectangle([left + 10, top + 10, right - 10, top + size * 0.3], fill=(120, 170, 200))
    draw.polygon(
        [
            (left + 10, top + size * 0.3),
            (left + size * 0.14, top + size * 0.15),
            (right - 10, top + size * 0.3),
        ],
        fill=(70, 120, 90),
    )
    _lines(draw, [left + 12, top + size * 0.34, right - 12, bottom - 10], 4, (178, 190, 200))
    pin_x, pin_y, r = x + size * 0.78, y + size * 0.3, size * 0.13
    draw.polygon(
        [(pin_x - r * 0.8, pin_y + r * 0.5), (pin_x + r * 0.8, pin_y + r * 0.5), (pin_x, pin_y + r * 2.3)],
        fill=accent,
    )
    draw.ellipse([pin_x - r, pin_y - r, pin_x + r, pin_y + r], fill=accent)
    draw.ellipse([pin_x - r * 0.4, pin_y - r * 0.4, pin_x + r * 0.4, pin_y + r * 0.4], fill=PAPER)


def health(draw, x, y, size, accent):
    # A clipboard with test results and a red-cross badge.
    draw.rounded_rectangle(
        _box(x, y, size, 0.18, 0.1, 0.72, 0.95),
        radius=size * 0.04,
        fill=PAPER,
        outline=INK,
        width=int(size * 0.02),
    )
    draw.rounded_rectangle(_box(x, y, size, 0.33, 0.04, 0.57, 0.14), radius=size * 0.02, fill=INK)
    for i in range(4):
        row = y + size * (0.28 + i * 0.16)
        _check(draw, x + size * 0.3, row, size * 0.08, (47, 111, 79))
        draw.rounded_rectangle(
            [x + size * 0.38, row - size * 0.025, x + size * 0.64, row + size * 0.025],
            radius=size * 0.02,
            fill=(178, 190, 200),
        )
    cx, cy, r = x + size * 0.76, y + size * 0.7, size * 0.18
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=PAPER, outline=accent, width=int(size * 0.025))
    arm = r * 0.28
    draw.rectangle([cx - arm, cy - r * 0.7, cx + arm, cy + r * 0.7], fill=(200, 40, 40))
    draw.rectangle([cx - r * 0.7, cy - arm, cx + r * 0.7, cy + arm], fill=(200, 40, 40))


def call_centre(draw, x, y, size, accent):
    # A headset, and a speech bubble with the waveform of a synthetic voice.
    cx, cy, r = x + size * 0.36, y + size * 0.5, size * 0.26
    width = int(size * 0.05)
    draw.arc([cx - r, cy - r, cx + r, cy + r], 180, 360, fill=INK, width=width)
    for side in (-1, 1):
        draw.rounded_rectangle(
            [cx + side * r - size * 0.07, cy - size * 0.02, cx + side * r + size * 0.07, cy + size * 0.2],
            radius=size * 0.04,
            fill=accent,
        )
    draw.arc([cx - r, cy - r * 0.3, cx + r * 0.9, cy + r * 1.25], 20, 90, fill=INK, width=int(size * 0.025))
    bubble = _box(x, y, size, 0.58, 0.08, 0.98, 0.42)
    draw.rounded_rectangle(bubble, radius=size * 0.06, fill=PAPER)
    draw.polygon(
        [
            (bubble[0] + size * 0.06, bubble[3]),
            (bubble[0] + size * 0.16, bubble[3]),
            (bubble[0] + size * 0.02, bubble[3] + size * 0.1),
        ],
        fill=PAPER,
    )
    for i, height in enumerate((0.05, 0.12, 0.2, 0.1, 0.16, 0.06)):
        bar_x = bubble[0] + size * (0.07 + i * 0.05)
        mid = (bubble[1] + bubble[3]) / 2
        draw.rounded_rectangle(
            [bar_x, mid - size * height / 2, bar_x + size * 0.025, mid + size * height / 2],
            radius=size * 0.01,
            fill=accent,
        )


def safe_pass(draw, x, y, size, accent):
    # A shield with a tick beside a QR code: the pass that let places reopen.
    cx, top = x + size * 0.3, y + size * 0.12
    half = size * 0.25
    draw.polygon(
        [
            (cx - half, top),
            (cx + half, top),
            (cx + half, top + size * 0.4),
            (cx, top + size * 0.78),
            (cx - half, top + size * 0.4),
        ],
        fill=accent,
    )
    _check(draw, cx, top + size * 0.3, size * 0.2, PAPER)
    _qr(draw, x + size * 0.6, y + size * 0.3, size * 0.38)


def community(draw, x, y, size, accent):
    # Three neighbours around a laptop with a signal above it.
    for cx, colour in ((0.18, accent), (0.82, accent), (0.5, INK)):
        _person(draw, x + size * cx, y + size * (0.12 if cx == 0.5 else 0.3), size * 0.5, colour)
    draw.rounded_rectangle(_box(x, y, size, 0.3, 0.62, 0.7, 0.86), radius=size * 0.02, fill=INK)
    draw.rectangle(_box(x, y, size, 0.33, 0.65, 0.67, 0.83), fill=SCREEN)
    draw.rounded_rectangle(_box(x, y, size, 0.22, 0.86, 0.78, 0.92), radius=size * 0.02, fill=INK)
    for i in range(3):
        r = size * (0.04 + i * 0.05)
        cx, cy = x + size * 0.5, y + size * 0.78
        draw.arc([cx - r, cy - r, cx + r, cy + r], 220, 320, fill=accent, width=int(size * 0.018))


def one_account(draw, x, y, size, accent):
    # An identity card and a key that opens a stack of forms.
    for i in range(3):
        offset = size * 0.05 * i
        draw.rounded_rectangle(
            _box(x, y, size, 0.5, 0.08, 0.92, 0.62)
            if i == 0
            else [
                x + size * 0.5 - offset,
                y + size * 0.08 + offset,
                x + size * 0.92 - offset,
                y + size * 0.62 + offset,
            ],
            radius=size * 0.02,
            fill=PAPER,
            outline=INK,
            width=int(size * 0.012),
        )
    _lines(draw, [x + size * 0.44, y + size * 0.2, x + size * 0.8, y + size * 0.7], 4, (178, 190, 200))
    card = _box(x, y, size, 0.04, 0.5, 0.56, 0.86)
    draw.rounded_rectangle(card, radius=size * 0.03, fill=accent)
    _person(draw, card[0] + size * 0.12, card[1] + size * 0.06, size * 0.24, PAPER)
    _lines(draw, [card[0] + size * 0.24, card[1] + size * 0.05, card[2] - size * 0.04, card[3]], 3, PAPER)
    cx, cy, r = x + size * 0.8, y + size * 0.8, size * 0.08
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=INK, width=int(size * 0.03))
    draw.line([(cx - r, cy), (cx - r * 3.5, cy)], fill=INK, width=int(size * 0.03))
    draw.line([(cx - r * 3, cy), (cx - r * 3, cy + r)], fill=INK, width=int(size * 0.03))


def dashboard(draw, x, y, size, accent):
    # A wall of screens: a line chart, bars and a ring, as in an operations centre.
    panels = [(0.0, 0.1, 0.62, 0.55), (0.66, 0.1, 1.0, 0.55), (0.0, 0.6, 0.48, 0.92), (0.52, 0.6, 1.0, 0.92)]
    for panel in panels:
        draw.rounded_rectangle(_box(x, y, size, *panel), radius=size * 0.02, fill=INK)
    left, top, right, bottom = _box(x, y, size, 0.04, 0.16, 0.58, 0.5)
    points = [
        (left + (right - left) * t, bottom - (bottom - top) * h)
        for t, h in ((0, 0.2), (0.2, 0.45), (0.4, 0.35), (0.6, 0.7), (0.8, 0.55), (1, 0.9))
    ]
    draw.line(points, fill=accent, width=int(size * 0.02), joint="curve")
    cx, cy, r = x + size * 0.83, y + size * 0.33, size * 0.13
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(90, 100, 110))
    draw.pieslice([cx - r, cy - r, cx + r, cy + r], -90, 160, fill=accent)
    draw.ellipse([cx - r * 0.55, cy - r * 0.55, cx + r * 0.55, cy + r * 0.55], fill=INK)
    for i, h in enumerate((0.4, 0.7, 0.55, 0.9, 0.6)):
        bar = x + size * (0.05 + i * 0.08)
        draw.rectangle([bar, y + size * (0.88 - 0.22 * h), bar + size * 0.05, y + size * 0.88], fill=SCREEN)
    _lines(draw, _box(x, y, size, 0.56, 0.64, 0.96, 0.9), 3, SCREEN)


def market(draw, x, y, size, accent):
    # A basket of mangoes and a lotus flower, sold through a phone.
    draw.polygon(
        [
            (x + size * 0.02, y + size * 0.55),
            (x + size * 0.62, y + size * 0.55),
            (x + size * 0.54, y + size * 0.92),
            (x + size * 0.1, y + size * 0.92),
        ],
        fill=(160, 110, 60),
    )
    for cx in (0.14, 0.3, 0.46):
        draw.ellipse(_box(x, y, size, cx - 0.09, 0.4, cx + 0.09, 0.58), fill=(246, 180, 40))
    petal = (232, 120, 160)
    cx, cy = x + size * 0.3, y + size * 0.28
    for angle_x, angle_y in ((-0.12, 0.0), (0.12, 0.0), (0.0, -0.06)):
        draw.ellipse(
            [
                cx + size * (angle_x - 0.06),
                cy + size * (angle_y - 0.14),
                cx + size * (angle_x + 0.06),
                cy + size * (angle_y + 0.08),
            ],
            fill=petal,
        )
    screen = _phone(draw, x, y, size, left=0.68, top=0.2, right=0.98, bottom=0.95)
    draw.rounded_rectangle(
        [screen[0] + 8, screen[3] - size * 0.14, screen[2] - 8, screen[3] - size * 0.05],
        radius=size * 0.02,
        fill=accent,
    )
    _lines(draw, [screen[0] + 8, screen[1] + 8, screen[2] - 8, screen[3] - size * 0.16], 4, (178, 190, 200))


def cashless(draw, x, y, size, accent):
    # A phone scanning a QR code, and coins left aside.
    screen = _phone(draw, x, y, size, left=0.08, top=0.05, right=0.5, bottom=0.95)
    width = screen[2] - screen[0]
    _qr(draw, screen[0] + width * 0.12, screen[1] + width * 0.3, width * 0.76)
    draw.rounded_rectangle(
        [screen[0] + 8, screen[3] - size * 0.12, screen[2] - 8, screen[3] - size * 0.04],
        radius=size * 0.02,
        fill=accent,
    )
    for i in range(3):
        cx, cy, r = x + size * 0.76, y + size * (0.78 - i * 0.08), size * 0.17
        draw.ellipse(
            [cx - r, cy - r * 0.45, cx + r, cy + r * 0.45],
            fill=(214, 160, 40),
            outline=INK,
            width=int(size * 0.01),
        )


MOTIFS = {
    "handbook": Motif(
        handbook, "điện thoại mở cuốn sổ tay điện tử", "a phone open at an electronic handbook"
    ),
    "feedback": Motif(
        feedback,
        "điện thoại gửi ảnh phản ánh kèm dấu định vị",
        "a phone sending a photo of a street problem with a location pin",
    ),
    "health": Motif(
        health,
        "bảng kết quả xét nghiệm và dấu chữ thập y tế",
        "a clipboard of test results and a medical cross",
    ),
    "call-centre": Motif(
        call_centre,
        "tai nghe tổng đài và bong bóng lời nói có sóng âm",
        "a call-centre headset and a speech bubble with a sound wave",
    ),
    "safe-pass": Motif(safe_pass, "tấm khiên có dấu tích bên mã QR", "a shield with a tick beside a QR code"),
    "community": Motif(
        community,
        "ba người dân quanh chiếc máy tính xách tay có sóng wifi",
        "three residents around a laptop with a wifi signal",
    ),
    "one-account": Motif(
        one_account, "thẻ định danh, chìa khoá và chồng hồ sơ", "an identity card, a key and a stack of forms"
    ),
    "dashboard": Motif(dashboard, "màn hình điều hành với biểu đồ", "control-room screens with charts"),
    "market": Motif(
        market,
        "giỏ xoài, bông sen và điện thoại bán hàng",
        "a basket of mangoes, a lotus flower and a phone selling them",
    ),
    "cashless": Motif(
        cashless,
        "điện thoại quét mã QR thanh toán bên chồng tiền xu",
        "a phone scanning a payment QR code beside a pile of coins",
    ),
}
