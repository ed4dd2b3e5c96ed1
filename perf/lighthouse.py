"""`make lighthouse`: Lighthouse's scores of the home page and a story page, in Vietnamese and in
English, with the site served as `make serve` serves it, from a scratch database of the demo
content (perf/demo_served.py).

Exits non-zero when a page's SEO or best-practices score is under 95 (the issue's bar).
Lighthouse (pinned in tools/checkers) drives Debian's Chromium (CHROME_PATH).
LIGHTHOUSE_REUSE=1 keeps the last run's database."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from demo_served import ROOT, chromium_path, prepare, reader_pages, reuse_requested, scratch_site, served

LIGHTHOUSE = ROOT / "tools/checkers/node_modules/.bin/lighthouse"
CATEGORIES = ("seo", "best-practices", "accessibility", "performance")
GATED = {"seo": 95, "best-practices": 95}
SITE = scratch_site("lighthouse", port=8081, redis_db=7)


def scores(url: str) -> dict[str, int]:
    """Lighthouse's default run (a phone, throttled) of one page: each category's score of 100;
    the audits it failed, printed with their first elements."""
    result = _run(url)
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


def _run(url: str, attempts: int = 3) -> dict:
    """Lighthouse's report of one page. Its trace of the page load sometimes fails on a busy
    machine ("NO_NAVSTART … Please run Lighthouse again"): it is run again, up to ``attempts``."""
    for attempt in range(1, attempts + 1):
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            done = subprocess.run(
                [
                    str(LIGHTHOUSE),
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report.name}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                ],
                env={**os.environ, "CHROME_PATH": chromium_path()},
                check=attempt == attempts,
            )
            if done.returncode == 0:
                return json.loads(Path(report.name).read_text())
        print(f"  {url}: Lighthouse failed (attempt {attempt} of {attempts}), run again")
    raise AssertionError("unreachable: the last attempt raises")


def main() -> int:
    prepare(SITE, reuse=reuse_requested("lighthouse"))
    pages = reader_pages(SITE)
    checked = {
        f"{name} ({language})": named[name] for name in ("home", "story") for language, named in pages.items()
    }
    with served(SITE) as base:
        results = {name: scores(base + path) for name, path in checked.items()}
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
