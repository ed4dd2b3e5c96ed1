"""The API and the reader pages under load: 10,000 stories on PostgreSQL, gunicorn with 2 sync
workers, wrk.

Measures requests/s and p50/p99 latency for the stories endpoint (plain, with a province filter,
with a search), Wagtail's stock pages endpoint over the same stories, a static file of the
same size (the ceiling of this server stack), and the readers' pages: a story, the home page,
a search matching about 1.6 % of the stories and one matching all of them. First with T63's
page and response caches off (T63_CACHE=off; Wagtail's own caches then live in each process,
as in a stock install, for the stock endpoint too), then with the cache warm (Redis). Uncached,
T63's story pages (the newest story, and the newest Vietnamese one) and home page are also set
against stock Wagtail pages (perf/stock_site: the same story body in Wagtail's plain templates,
and a home page listing as many stories with pageurl), served by the same gunicorn with the same
settings from the same database, in alternating rounds. Prints the figures
and the ratios. Run with `make bench`; it needs PostgreSQL and Redis running and
installs wrk if missing. Nothing here asserts a speed: it reports.
"""

import json
import os
import statistics
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

from harness import ROOT, Server, Site, bench_gunicorn, figures, wrk

SITE = Site(
    database=os.environ.get("BENCH_DATABASE", "t63_bench"),
    redis_url=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"),
    port=8077,
    work=ROOT / "var" / "bench",
    pg=os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432"),
    # Production's settings plus the stock pages (perf/stock_site), which nothing else serves.
    extra={"DJANGO_SETTINGS_MODULE": "perf.bench_settings"},
)
# The stock site is a second Wagtail Site on the same server, told apart by the Host header.
STOCK_HOST = f"localhost:{SITE.port}"
# BENCH_ONLY=stock: only T63's story and home pages and their stock pages, uncached (iterating).
ONLY_STOCK = os.environ.get("BENCH_ONLY") == "stock"
STORIES = int(os.environ.get("BENCH_STORIES", "10000"))
DURATION = os.environ.get("BENCH_DURATION", "15s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
REUSE = os.environ.get("BENCH_REUSE") == "1"
# T63 against stock: rounds of each page in turn (5 × 6 s under load, 20 single requests each).
STOCK_ROUNDS = int(os.environ.get("BENCH_STOCK_ROUNDS", "5"))
ROUND_DURATION = os.environ.get("BENCH_ROUND_DURATION", "6s")
BASE = SITE.base
GUNICORN = bench_gunicorn(SITE)

ENDPOINTS = {
    "stories": "/api/v2/stories/?limit=20",
    "stories, province filter": "/api/v2/stories/?limit=20&unit=79",
    "stories, search": "/api/v2/stories/?limit=20&search=chuy%E1%BB%83n%20%C4%91%E1%BB%95i",
    "stock pages": "/api/v2/pages/?type=story_pages.StoryPage&fields=*&limit=20",
    "feed, full text (30 items)": "/feeds/vi/rss/",  # RSS with content:encoded, Media RSS
    "static file (ceiling)": "/static/bench/same-size.json",
}
READER_PAGES = {
    "home page": "/",
    "search, narrow (1.6 %)": "/search/?q=kon+tum",  # one province's stories
    "search, broad (all)": "/search/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91",  # chuyển đổi số
}


def server(cache: bool) -> Server:
    return Server(SITE, GUNICORN, "/api/v2/provinces/", cache)


def write_same_size_static_file():
    """A static file as large as a stories response: what the stack serves with no app work."""
    with urllib.request.urlopen(BASE + ENDPOINTS["stories"]) as response:
        size = len(response.read())
    folder = Path(SITE.environment()["STATIC_ROOT"]) / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "same-size.json").write_text(json.dumps({"padding": "x" * (size - 16)}))
    return size


def get(path: str, host: str | None = None) -> bytes:
    headers = {"Host": host} if host else {}
    with urllib.request.urlopen(urllib.request.Request(BASE + path, headers=headers)) as response:
        return response.read()


def measure(path: str, header: str | None = None, host: str | None = None, duration: str = DURATION) -> dict:
    get(path, host)  # fills the cache, when on
    header = header or (f"Host: {host}" if host else None)
    # Two seconds unmeasured first: each worker's first requests compile its templates and fill
    # Wagtail's caches, a start-up cost that would otherwise land in the p99 of a steady load.
    wrk(BASE + path, CONNECTIONS, "2s", header)
    measured = figures(wrk(BASE + path, CONNECTIONS, duration, header))
    measured["errors"] = bool(measured["non_2xx"] or measured["socket_errors"])
    return measured


def single_client_latency(path: str, host: str | None = None) -> float:
    times = []
    for _ in range(20):
        started = time.perf_counter()
        get(path, host)
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)[len(times) // 2]


def newest_story_path(language: str | None = None) -> str:
    query = f"&locale={language}" if language else ""
    with urllib.request.urlopen(BASE + "/api/v2/stories/?limit=1" + query) as response:
        url = json.load(response)["items"][0]["url"]
    return urllib.parse.urlsplit(url).path


def compared_pages() -> dict[str, tuple[str, str]]:
    """T63's pages and the stock pages matching them: the newest story (the demo's, in English)
    and the newest Vietnamese one, each with the stock copy of the same story (by its slug), and
    the home pages."""
    with server(cache=False):
        stories = {"story page": newest_story_path(), "story page (vi)": newest_story_path("vi")}
    pages = {name: (path, f"/{path.rstrip('/').rsplit('/', 1)[1]}/") for name, path in stories.items()}
    return {**pages, "home page": (READER_PAGES["home page"], "/")}


def compare_with_stock(results: dict, pages: dict[str, tuple[str, str]]) -> None:
    """T63's pages and their stock pages, uncached, measured in alternating rounds: on a shared
    machine a slow spell then falls on both pages of a pair, not on one of them. Each figure is
    the median of its rounds'."""
    with server(cache=False):
        for name, (t63_path, stock_path) in pages.items():
            pair = (("no cache", t63_path, None), ("stock Wagtail", stock_path, STOCK_HOST))
            rounds = {label: [] for label, _, _ in pair}
            singles = {label: [] for label, _, _ in pair}
            for _ in range(STOCK_ROUNDS):
                for label, path, host in pair:
                    rounds[label].append(measure(path, host=host, duration=ROUND_DURATION))
                    singles[label].append(single_client_latency(path, host))
            for label, _, _ in pair:
                measured = rounds[label]
                results[(label, name)] = {
                    **{key: statistics.median([r[key] for r in measured]) for key in ("rps", "p50", "p99")},
                    "errors": any(r["errors"] for r in measured),
                    "single": statistics.median(singles[label]),
                }


def main():
    SITE.prepare(STORIES, REUSE)
    hostname = STOCK_HOST.split(":")[0]
    SITE.manage("make_stock_site", "--hostname", hostname, "--port", str(SITE.port), cache=False)
    results = {}
    pages = compared_pages()
    if ONLY_STOCK:
        compare_with_stock(results, pages)
        report_stock(results, pages)
        return
    with server(cache=False):
        size = write_same_size_static_file()  # served from the next start on
    endpoints = {**ENDPOINTS, "story page": pages["story page"][0], **READER_PAGES}
    compare_with_stock(results, pages)
    for cache in (False, True):
        label = "warm cache" if cache else "no cache"
        if cache:
            subprocess.run(
                ["redis-cli", "-n", SITE.redis_url.rsplit("/", 1)[1], "flushdb"],
                check=False,
                capture_output=True,
            )
        with server(cache):
            for name, path in endpoints.items():
                if (label, name) in results:  # measured next to the stock page
                    continue
                results[(label, name)] = measure(path)
                results[(label, name)]["single"] = single_client_latency(path)
            if cache:
                with urllib.request.urlopen(BASE + ENDPOINTS["stories"]) as response:
                    etag = response.headers["ETag"]
                results[(label, "conditional 304")] = measure(
                    ENDPOINTS["stories"], header=f"If-None-Match: {etag}"
                )
                results[(label, "conditional 304")]["single"] = 0.0
    report(results, size)
    report_stock(results, pages)


def report(results, size):
    print(
        f"\n{STORIES} synthetic stories, gunicorn 2 sync workers, wrk {CONNECTIONS} connections {DURATION}, "
        f"responses of {size} bytes"
    )
    print(f"{'':14}{'endpoint':28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'1 client ms':>13}")
    for (label, name), measured in results.items():
        flag = "  (errors!)" if measured["errors"] else ""
        print(
            f"{label:14}{name:28}{measured['rps']:9.0f}{measured['p50']:9.1f}{measured['p99']:9.1f}"
            f"{measured['single']:13.1f}{flag}"
        )
    for label in ("no cache", "warm cache"):
        stories = results[(label, "stories")]["rps"]
        print(
            f"{label}: stories / stock pages = {stories / results[(label, 'stock pages')]['rps']:.2f}x; "
            f"stories / static ceiling = {stories / results[(label, 'static file (ceiling)')]['rps']:.2f}"
        )


def report_stock(results, pages):
    """What T63's page costs in stock Wagtail pages: latency with one client, time per request
    (the inverse of requests/s) and p50 under load."""
    print(
        f"\nUncached (T63_CACHE=off), T63 ÷ stock Wagtail ({CONNECTIONS} connections for the load; "
        f"medians of {STOCK_ROUNDS} alternating rounds of {ROUND_DURATION}):"
    )
    print(f"{'page':17}{'1 client ms':>19}{'req/s':>18}{'p50 ms':>20}{'1 client':>10}{'load':>7}{'p50':>7}")
    for name in pages:
        t63, stock = results[("no cache", name)], results[("stock Wagtail", name)]
        print(
            f"{name:17}{t63['single']:7.1f} / {stock['single']:7.1f}{t63['rps']:8.0f} / {stock['rps']:7.0f}"
            f"{t63['p50']:9.1f} / {stock['p50']:7.1f}{t63['single'] / stock['single']:9.2f}x"
            f"{stock['rps'] / t63['rps']:6.2f}x{t63['p50'] / stock['p50']:6.2f}x"
        )


if __name__ == "__main__":
    main()
