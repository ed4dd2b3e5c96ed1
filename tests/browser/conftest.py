"""Real Chromium (Debian's package) driven by Playwright against a live test server."""

import os
import shutil

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

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
        return page

    yield new_page
    for context in contexts:
        context.close()


@pytest.fixture
def starting_state(transactional_db):
    """The database as the session began (migrations and the 63 provinces): a live-server test
    commits, and the one before emptied the database."""
    from wagtail.models import Site

    from tests.conftest import STARTING_STATE

    if not Site.objects.exists():
        # Emptied again without the content types and permissions that post_migrate recreated:
        # the starting state brings its own, with their ids.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(STARTING_STATE[0])
        # Rows came back with their ids; the sequences must continue after them.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)


@pytest.fixture
def demo_site(starting_state):
    """The demo content `make run` shows: curated stories with images, a video, translations."""
    call_command("load_demo", verbosity=0)
