"""Self-hosted fonts that carry every Vietnamese letter, and nothing fetched from a font service."""

import re

from django.contrib.staticfiles import finders

VIETNAMESE_LETTERS = "ăâđêôơưĂÂĐÊÔƠƯ" + "".join(chr(code) for code in range(0x1EA0, 0x1EFA))


def font_faces() -> list[str]:
    with open(finders.find("css/fonts.css"), encoding="utf-8") as handle:
        return re.findall(r"@font-face\s*{([^}]*)}", handle.read())


def covered(face: str, character: str) -> bool:
    ranges = re.search(r"unicode-range:\s*([^;]+);", face).group(1)
    for item in ranges.split(","):
        start, _, end = item.strip().removeprefix("U+").partition("-")
        if int(start, 16) <= ord(character) <= int(end or start, 16):
            return True
    return False


def test_every_face_is_a_self_hosted_woff2_that_swaps_in():
    faces = font_faces()
    assert len(faces) == 9  # 400, 400 italic, 700 × the vietnamese, latin-ext and latin subsets
    for face in faces:
        assert "font-display: swap" in face
        [url] = re.findall(r'url\("\.\./([^"]+\.woff2)"\)', face)
        assert finders.find(url), url
    assert finders.find("fonts/be-vietnam-pro/OFL.txt")


def test_the_subsets_cover_every_vietnamese_letter_in_each_style():
    faces = font_faces()
    for style, weight in (("normal", "400"), ("italic", "400"), ("normal", "700")):
        same = [f for f in faces if f"font-style: {style};" in f and f"font-weight: {weight};" in f]
        missing = [c for c in VIETNAMESE_LETTERS if not any(covered(face, c) for face in same)]
        assert missing == [], (style, weight)


def test_pages_preload_the_body_font_and_link_no_font_service(client, db):
    html = client.get("/").content.decode()
    preloads = re.findall(
        r'<link rel="preload" href="/static/([^"]+)" as="font" type="font/woff2" crossorigin>', html
    )
    assert "fonts/be-vietnam-pro/be-vietnam-pro-latin-400-normal.woff2" in preloads
    assert all(finders.find(path) for path in preloads)
    assert '/static/css/fonts.css"' in html
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
