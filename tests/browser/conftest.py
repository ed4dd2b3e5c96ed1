"""Real Chromium (Debian's package) driven by Playwright against a live test server."""

import os
import shutil

import pytest
from django.core.management import call_command

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# What the machine's probe starts Chromium with: no sandbox as root, no calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are
    # still synchronous and single-threaded.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium):
    contexts = []

    def new_page(language="vi"):
        context = chromium.new_context(locale=language, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        # The first view of a page renders its images' renditions (AVIF, WebP, JPEG; each demo
        # story has its own picture), which a machine busy with other work takes a while to do.
        page.set_default_navigation_timeout(90_000)
        return page

    yield new_page
    for context in contexts:
        context.close()


@pytest.fixture
def demo_site(starting_state):
    """The demo content `make run` shows: curated stories with images, a video, translations."""
    call_command("load_demo", verbosity=0)
