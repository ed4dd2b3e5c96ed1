"""The home page's province map on a 390 px phone: written names never overlap, and a tap (or
keyboard focus) on a circle shows its province's name and count before opening it."""

import pytest

from story_pages.models import ProvincePage
from tests.browser.test_reader_quality import PHONE, axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

VISIBLE_LABEL_BOXES = """() => [...document.querySelectorAll('.province-map text')]
    .filter(text => !text.closest('.map-dot') && getComputedStyle(text).display !== 'none')
    .map(text => { const r = text.getBoundingClientRect();
                   return [text.textContent, r.left, r.top, r.right, r.bottom]; })"""


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(locale="vi", viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.set_default_navigation_timeout(90_000)  # as open_page: a first view renders renditions
    yield page
    context.close()


def overlapping(boxes) -> list[tuple[str, str]]:
    return [
        (a[0], b[0])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5 and a[2] < b[4] - 0.5 and b[2] < a[4] - 0.5
    ]


def test_no_two_written_names_overlap_on_a_phone_in_either_language(live_server, phone, demo_site):
    for prefix in ("", "/en"):
        phone.goto(f"{live_server.url}{prefix}/")
        boxes = phone.evaluate(VISIBLE_LABEL_BOXES)
        assert len(boxes) >= 6, boxes  # the archipelagos and several provinces stay named
        assert overlapping(boxes) == []


def test_a_tap_names_a_province_and_a_second_tap_opens_it(live_server, phone, demo_site):
    da_nang = ProvincePage.objects.get(code="48", locale__language_code="vi")
    phone.goto(live_server.url + "/")
    dot = phone.locator(f'a.map-dot[href="{da_nang.url}"]')
    names = phone.evaluate(VISIBLE_LABEL_BOXES)
    assert "Đà Nẵng" not in [name for name, *_ in names]  # not written: it would collide
    callout = phone.locator(".map-callout")
    assert callout.is_hidden()

    dot.locator(".map-circle").tap()
    assert callout.is_visible() and callout.inner_text() == "Đà Nẵng: 1 câu chuyện"
    assert phone.url == live_server.url + "/"  # the first tap only names it
    assert axe_violations(phone) == []  # the map with its name shown stays accessible

    dot.locator(".map-circle").tap()
    phone.wait_for_url(live_server.url + da_nang.url)


def test_keyboard_focus_names_a_province_and_enter_opens_it(live_server, open_page, demo_site):
    # Bắc Giang's page is unit Bắc Ninh's since 1/7/2025: the map names the unit by today's name.
    bac_ninh = ProvincePage.objects.get(code="24", locale__language_code="vi")
    page = open_page("vi")
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    dot = page.locator(f'a.map-dot[href="{bac_ninh.url}"]')
    dot.focus()
    callout = page.locator(".map-callout")
    assert callout.is_visible() and callout.inner_text() == "Bắc Ninh: 1 câu chuyện"
    page.keyboard.press("Escape")
    assert callout.is_hidden()
    dot.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + bac_ninh.url)
