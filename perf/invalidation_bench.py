"""What one publish empties of the reader page cache: a site of a few thousand stories across the
34 units (PostgreSQL, Redis, gunicorn with production settings), a sample of story pages of every
unit, the units' pages and the home page served until cached, one story of one unit published
again through Wagtail's publish (`revision.publish()` in a `manage.py shell` of its own, as an
editor's publish runs in another process than the readers'), then the sample asked again.

Counted from the `X-Cache` header of each answer (reader_cache: `hit` = served from the cache,
the page not built; `miss` = built). Each hit is also compared with the page built afresh (the
same URL asked with a session cookie, which the cache never answers nor stores), so a hit that
shows something old is counted as stale, not as a success. Prints the hit rate of other units'
story pages (the target: at least 90 %), of the publishing unit's, and which pages missed. Run
after perf/bench.py by `make bench`; it reports, asserts nothing.
"""

import json
import os
import re
import subprocess
import sys
import urllib.request

from harness import ROOT, Server, Site, bench_gunicorn

SITE = Site(
    database=os.environ.get("BENCH_DATABASE", "t63_bench_inval"),
    redis_url=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6"),
    port=int(os.environ.get("BENCH_INVALIDATION_PORT", "8078")),
    work=ROOT / "var" / "bench-invalidation",
    pg=os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432"),
)
STORIES = int(os.environ.get("BENCH_INVALIDATION_STORIES", "3000"))
PER_UNIT = int(os.environ.get("BENCH_INVALIDATION_PER_UNIT", "6"))
REUSE = os.environ.get("BENCH_REUSE") == "1"
PUBLISHING_UNIT = os.environ.get("BENCH_INVALIDATION_UNIT", "01")  # Hà Nội
TARGET = 0.90

# Run by `manage.py shell -c`: every current unit's page and its newest stories, as JSON.
SAMPLE = """
import json
from story_pages.models import ProvincePage, StoryPage
units = ProvincePage.objects.filter(status="current", locale__language_code="vi").order_by("code")
sample = []
for unit in units:
    stories = StoryPage.objects.published_in(unit.unit_provinces()).order_by("-first_published_at", "-pk")
    sample.append({
        "unit": unit.code,
        "name": unit.title,
        "page": unit.get_url(),
        "stories": [[story.pk, story.get_url()] for story in stories[:%d]],
    })
print(json.dumps(sample))
"""

# Run by `manage.py shell -c`: a new revision of one story, published as the admin publishes it.
PUBLISH = """
from story_pages.models import StoryPage
story = StoryPage.objects.get(pk=%d)
story.summary = story.summary.rstrip() + " Cập nhật."
story.save_revision().publish()
print(story.title)
"""

# What differs between two builds of the same page without a change: none known; kept here so a
# future per-request value (a nonce) is named rather than counted as stale.
PER_REQUEST = re.compile(rb"(?!)")


def main():
    SITE.prepare(STORIES, REUSE)
    sample = json.loads(SITE.manage("shell", "-c", SAMPLE % PER_UNIT, capture=True).strip().splitlines()[-1])
    publishing = next(unit for unit in sample if unit["unit"] == PUBLISHING_UNIT)
    published_pk, _ = publishing["stories"][0]
    pages = pages_of(sample)
    redis_database = SITE.redis_url.rsplit("/", 1)[1]
    subprocess.run(["redis-cli", "-n", redis_database, "flushdb"], check=False, capture_output=True)
    with Server(SITE, bench_gunicorn(SITE), "/api/v2/provinces/"):
        cold = [page for page in pages if not warm(page["url"])]
        title = SITE.manage("shell", "-c", PUBLISH % published_pk, capture=True).strip().splitlines()[-1]
        for page in pages:
            page["cache"], body = fetch(page["url"])
            page["stale"] = page["cache"] == "hit" and fresh(page["url"]) != normalised(body)
    report(sample, pages, publishing, title, cold)


def pages_of(sample) -> list[dict]:
    pages = [{"kind": "home", "unit": None, "url": "/"}]
    for unit in sample:
        pages.append({"kind": "unit page", "unit": unit["unit"], "url": unit["page"]})
        pages += [{"kind": "story", "unit": unit["unit"], "url": url} for _pk, url in unit["stories"]]
    return pages


def fetch(path: str, cookie: str | None = None) -> tuple[str, bytes]:
    request = urllib.request.Request(SITE.base + path, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers.get("X-Cache", "none"), response.read()


def warm(path: str) -> bool:
    """Asks until the page is served from the cache (its first build may meet tags never used)."""
    return any(fetch(path)[0] == "hit" for _ in range(3))


def fresh(path: str) -> bytes:
    """The page built now: a session cookie makes the cache neither answer nor store."""
    return normalised(fetch(path, cookie="sessionid=measuring-freshness")[1])


def normalised(body: bytes) -> bytes:
    return PER_REQUEST.sub(b"", body)


def report(sample, pages, publishing, title, cold):
    def rate(selected):
        hits = sum(page["cache"] == "hit" and not page["stale"] for page in selected)
        return hits, len(selected)

    others = [p for p in pages if p["kind"] == "story" and p["unit"] != publishing["unit"]]
    own = [p for p in pages if p["kind"] == "story" and p["unit"] == publishing["unit"]]
    units = [p for p in pages if p["kind"] == "unit page"]
    print(
        f"\n{STORIES} synthetic stories in {len(sample)} units; sample: {len(pages)} pages "
        f"({PER_UNIT} newest stories of each unit, each unit's page, the home page)"
    )
    if cold:
        print(f"not cached before the publish ({len(cold)}): {', '.join(p['url'] for p in cold)}")
    where = f"{publishing['name']} ({publishing['unit']})"
    print(f"published again: {title!r} of {where}, through revision.publish()")
    for label, selected in (
        ("other units' story pages", others),
        (f"{publishing['name']}'s story pages", own),
        ("other units' pages", [p for p in units if p["unit"] != publishing["unit"]]),
    ):
        hits, total = rate(selected)
        print(f"  {label:32} {hits:4} / {total:<4} hits  {100 * hits / max(total, 1):5.1f} %")
    stale = [p["url"] for p in pages if p["stale"]]
    print(f"  stale hits (served, but differ from a fresh build): {len(stale)} {' '.join(stale)}")
    missed = [p for p in pages if p["cache"] != "hit"]
    print(f"  missed ({len(missed)}):")
    for page in missed:
        print(f"    {page['kind']:10} {page['unit'] or '':3} {page['url']}")
    hits, total = rate(others)
    verdict = "meets" if hits >= TARGET * total else "MISSES"
    percent = 100 * hits / max(total, 1)
    print(f"hit rate after a publish, other units' story pages: {percent:.1f} % ({verdict} ≥ 90 %)")


if __name__ == "__main__":
    sys.exit(main())
