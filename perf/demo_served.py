"""The demo site served as `make serve` serves it (production settings, gunicorn.conf.py,
whitenoise, Redis), from a scratch PostgreSQL database, for the tools that look at readers' pages
the way a reader gets them: `make lighthouse` and `make screenshots`."""

import json
import os
import subprocess
from contextlib import contextmanager

from harness import ROOT, Server, Site

# gunicorn.conf.py as `make serve` uses it, without its access log in the tools' reports, and
# with /media/ served as the reverse proxy in front of it serves media in production.
GUNICORN = ["-c", str(ROOT / "gunicorn.conf.py"), "--access-logfile", "/dev/null"]
MEDIA_SERVED = "perf.media_served_wsgi:application"

# The readers' pages the tools look at, in both languages: {language: {name: path}}.
READER_PAGES = """
import json
from story_pages.models import ProvincePage, StoryPage
from story_pages.reading.all_stories import path_word

english = StoryPage.objects.published().filter(locale__language_code="en").order_by("pk").first()
stories = {"vi": english.get_translation(english.locale.get_default()), "en": english}
pages = {}
for language, story in stories.items():
    prefix = "" if language == "vi" else "/en"
    former = ProvincePage.objects.filter(status="merged", locale__language_code=language).order_by("code")[0]
    unit = former.merged_into.get_translation(former.locale)  # the unit in this language
    pages[language] = {
        "home": prefix + "/",
        "provinces": unit.get_parent().url,
        "unit": unit.url,
        "former-province": former.url,
        "stories-filtered": f"{prefix}/{path_word(language)}/?theme={story.theme}",  # the story among them
        "story": story.url,
        "search-no-result": prefix + "/search/?q=khong+co+gi+ca+xyzzy",
    }
print(json.dumps(pages))
"""


def scratch_site(name: str, port: int, redis_db: int) -> Site:
    """A Site of its own for a tool: database ``t63_<name>``, overridable from the environment."""
    variable = name.upper()
    return Site(
        database=os.environ.get(f"{variable}_DATABASE", f"t63_{name}"),
        redis_url=os.environ.get(f"{variable}_REDIS_URL", f"redis://127.0.0.1:6379/{redis_db}"),
        port=int(os.environ.get(f"{variable}_PORT", str(port))),
        work=ROOT / "var" / name,
        # The demo video is transcoded while the demo loads: at once, not after a lull in the
        # machine's load (a production worker's manners).
        extra={"BIND": f"127.0.0.1:{port}", "T63_TRANSCODE_YIELD_ABOVE": "off"},
    )


def prepare(site: Site, reuse: bool = False) -> None:
    """A fresh database with the provinces and the demo stories (``reuse``: the last run's, to try
    a fix quickly); the static files collected; the cache emptied."""
    site.work.mkdir(parents=True, exist_ok=True)
    if not reuse:
        for command in (["dropdb", "--if-exists"], ["createdb"]):
            subprocess.run([*command, "-h", "127.0.0.1", "-U", "postgres", site.database], check=True)
    subprocess.run(["redis-cli", "-u", site.redis_url, "flushdb"], check=True, capture_output=True)
    site.manage("migrate", "--no-input", "-v", "0")
    if not reuse:
        site.manage("load_provinces", "-v", "0")
        site.manage("load_demo", "-v", "0")
    site.manage("collectstatic", "--no-input", "-v", "0")


def reader_pages(site: Site) -> dict[str, dict[str, str]]:
    return json.loads(site.manage("shell", "-c", READER_PAGES, capture=True).strip().splitlines()[-1])


@contextmanager
def served(site: Site):
    with Server(site, [*GUNICORN, MEDIA_SERVED], ready_path="/healthz"):
        yield site.base


def chromium_path() -> str:
    return os.environ.get("CHROME_PATH", "/usr/bin/chromium")


def reuse_requested(site_name: str) -> bool:
    return os.environ.get(f"{site_name.upper()}_REUSE") == "1"
