"""`make lighthouse`: Lighthouse's scores of the home page and a story page, in Vietnamese and in
English, with the site served as `make serve` serves it (production settings, gunicorn.conf.py,
whitenoise, Redis) from a scratch PostgreSQL database of the demo content.

Exits non-zero when a page's SEO or best-practices score is under 95 (the issue's bar).
Lighthouse (pinned in tools/checkers) drives Debian's Chromium (CHROME_PATH)."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import ROOT, Server, Site  # noqa: E402

LIGHTHOUSE = ROOT / "tools/checkers/node_modules/.bin/lighthouse"
MEDIA_SERVED = "perf.media_served_wsgi:application"
CATEGORIES = ("seo", "best-practices", "accessibility", "performance")
GATED = {"seo": 95, "best-practices": 95}

SITE = Site(
    database=os.environ.get("LIGHTHOUSE_DATABASE", "t63_lh"),
    redis_url=os.environ.get("LIGHTHOUSE_REDIS_URL", "redis://127.0.0.1:6379/7"),
    port=int(os.environ.get("LIGHTHOUSE_PORT", "8081")),
    work=ROOT / "var/lighthouse",
)

# A story of the demo with an English translation, its address in both languages.
STORY_URLS = """
import json
from story_pages.models import StoryPage
english = StoryPage.objects.published().filter(locale__language_code="en").order_by("pk").first()
vietnamese = english.get_translation(english.locale.get_default())
print(json.dumps({"vi": vietnamese.url, "en": english.url}))
"""


def prepare() -> None:
    """A fresh database with the provinces and the demo stories; the static files collected."""
    SITE.work.mkdir(parents=True, exist_ok=True)
    for command in (["dropdb", "--if-exists"], ["createdb"]):
        subprocess.run([*command, "-h", "127.0.0.1", "-U", "postgres", SITE.database], check=True)
    subprocess.run(["redis-cli", "-u", SITE.redis_url, "flushdb"], check=True, capture_output=True)
    SITE.manage("migrate", "--no-input", "-v", "0")
    SITE.manage("load_provinces", "-v", "0")
    SITE.manage("load_demo", "-v", "0")
    SITE.manage("collectstatic", "--no-input", "-v", "0")


def pages() -> dict[str, str]:
    story = json.loads(SITE.manage("shell", "-c", STORY_URLS, capture=True).strip().splitlines()[-1])
    return {"home (vi)": "/", "home (en)": "/en/", "story (vi)": story["vi"], "story (en)": story["en"]}


def scores(url: str) -> dict[str, int]:
    """Lighthouse's default run (a phone, throttled) of one page: each category's score of 100."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report.name}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
            check=True,
        )
        result = json.loads(Path(report.name).read_text())
    failed = [
        audit
        for audit in result["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit["scoreDisplayMode"] == "binary"
    ]
    for audit in failed:
        print(f"  {url} fails {audit['id']}: {audit['title']}")
        for item in (audit.get("details") or {}).get("items", [])[:5]:
            print("    ", item.get("node", {}).get("snippet") or item.get("description") or item)
    return {key: round(result["categories"][key]["score"] * 100) for key in CATEGORIES}


def main() -> int:
    if os.environ.get("LIGHTHOUSE_REUSE") != "1":  # 1: the last run's database, to try a fix
        prepare()
    else:
        SITE.manage("collectstatic", "--no-input", "-v", "0")
    # gunicorn.conf.py as `make serve` uses it, without its access log in the report, and with
    # /media/ served as the proxy in front of it would.
    options = ["-c", str(ROOT / "gunicorn.conf.py"), "--access-logfile", "/dev/null", MEDIA_SERVED]
    SITE.extra["BIND"] = f"127.0.0.1:{SITE.port}"
    with Server(SITE, options, ready_path="/healthz"):
        results = {name: scores(SITE.base + path) for name, path in pages().items()}
    print(f"\n{'page':<12}" + "".join(f"{key:>16}" for key in CATEGORIES))
    for name, figures in results.items():
        print(f"{name:<12}" + "".join(f"{figures[key]:>16}" for key in CATEGORIES))
    failing = [
        f"{name}: {key} {figures[key]} < {bar}"
        for name, figures in results.items()
        for key, bar in GATED.items()
        if figures[key] < bar
    ]
    print("\n" + ("\n".join(failing) if failing else "SEO and best practices: 95 or more on every page."))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
