"""The API and the reader pages under load: 10,000 stories on PostgreSQL, gunicorn with 2 sync
workers, wrk.

Measures requests/s and p50/p99 latency for the stories endpoint (plain, with a province filter,
with a search), Wagtail's stock pages endpoint over the same stories, a static file of the
same size (the ceiling of this server stack), and the readers' pages: a story, the home page,
a search matching about 1.6 % of the stories and one matching all of them. First with T63's
page and response caches off (T63_CACHE=off; Wagtail's own caches then live in each process,
as in a stock install, for the stock endpoint too), then with the cache warm (Redis). Prints
the figures and the ratios. Run with `make bench`; it needs PostgreSQL and Redis running and
installs wrk if missing. Nothing here asserts a speed: it reports.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE = os.environ.get("BENCH_DATABASE", "t63_bench")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
STORIES = int(os.environ.get("BENCH_STORIES", "10000"))
DURATION = os.environ.get("BENCH_DURATION", "15s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "16")
REUSE = os.environ.get("BENCH_REUSE") == "1"
PORT = 8077
BASE = f"http://127.0.0.1:{PORT}"

ENDPOINTS = {
    "stories": "/api/v2/stories/?limit=20",
    "stories, province filter": "/api/v2/stories/?limit=20&unit=79",
    "stories, search": "/api/v2/stories/?limit=20&search=chuy%E1%BB%83n%20%C4%91%E1%BB%95i",
    "stock pages": "/api/v2/pages/?type=story_pages.StoryPage&fields=*&limit=20",
    "static file (ceiling)": "/static/bench/same-size.json",
}
READER_PAGES = {
    "home page": "/",
    "search, narrow (1.6 %)": "/search/?q=kon+tum",  # one province's stories
    "search, broad (all)": "/search/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91",  # chuyển đổi số
}


def environment(cache: bool) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "t63site.settings.production",
        "DATABASE_URL": f"{PG}/{DATABASE}",
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DB_CONN_MAX_AGE": "60",
        "REDIS_URL": REDIS_URL,
        "T63_CACHE": "on" if cache else "off",
        # wrk speaks plain HTTP from one address: no HTTPS redirect, no per-client rate limits.
        "T63_SSL_REDIRECT": "off",
        "T63_RATE_LIMIT_API": "0",
        "T63_RATE_LIMIT_SEARCH": "0",
        "MEDIA_ROOT": str(ROOT / "var" / "bench-media"),
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
    }


def manage(*args, cache=False):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=environment(cache), check=True)


def prepare_database():
    if shutil.which("wrk") is None:
        subprocess.run("apt-get update -q && apt-get install -y -q wrk", shell=True, check=True)
    if REUSE:  # a database loaded by an earlier run: brought up to date, not rebuilt
        manage("migrate", "--no-input", "-v", "0")
        manage("collectstatic", "--no-input", "-v", "0")
        return
    subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    manage("migrate", "--no-input", "-v", "0")
    manage("load_provinces")
    manage("load_demo")
    manage("load_demo", "--stories", str(STORIES))
    manage("collectstatic", "--no-input", "-v", "0")
    # Fresh tables have no planner statistics yet; a live site's autovacuum would have them.
    subprocess.run(["vacuumdb", "--analyze", "-q", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)


class Server:
    def __init__(self, cache: bool):
        self.cache = cache

    def __enter__(self):
        command = [
            PYTHON,
            "-m",
            "gunicorn",
            "t63site.wsgi",
            # The bench's own settings, not production's gunicorn.conf.py (its access log and
            # worker recycling would be measured too).
            "-c",
            "/dev/null",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=environment(self.cache))
        for _ in range(100):
            try:
                urllib.request.urlopen(BASE + "/api/v2/provinces/", timeout=2)
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=20)


def write_same_size_static_file():
    """A static file as large as a stories response: what the stack serves with no app work."""
    with urllib.request.urlopen(BASE + ENDPOINTS["stories"]) as response:
        size = len(response.read())
    folder = Path(environment(False)["STATIC_ROOT"]) / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "same-size.json").write_text(json.dumps({"padding": "x" * (size - 16)}))
    return size


def wrk(path: str, header: str | None = None) -> dict:
    urllib.request.urlopen(BASE + path).read()  # fills the cache, when on

    def run(duration):
        # A long timeout: a slow response counts in the figures instead of vanishing as an error.
        command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}", "--timeout", "10s", "--latency"]
        command += ["-H", header] if header else []
        return subprocess.run([*command, BASE + path], capture_output=True, text=True, check=True).stdout

    # Two seconds unmeasured first: each worker's first requests compile its templates and fill
    # Wagtail's caches, a start-up cost that would otherwise land in the p99 of a steady load.
    run("2s")
    output = run(DURATION)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _milliseconds(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99": _milliseconds(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        "errors": "Non-2xx" in output or "Socket errors" in output,
    }


def _milliseconds(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def single_client_latency(path: str) -> float:
    times = []
    for _ in range(20):
        started = time.perf_counter()
        urllib.request.urlopen(BASE + path).read()
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)[len(times) // 2]


def newest_story_path() -> str:
    with urllib.request.urlopen(BASE + "/api/v2/stories/?limit=1") as response:
        url = json.load(response)["items"][0]["url"]
    return urllib.parse.urlsplit(url).path


def main():
    prepare_database()
    with Server(cache=False):
        size = write_same_size_static_file()  # served from the next start on
    results = {}
    with Server(cache=False):
        endpoints = {**ENDPOINTS, "story page": newest_story_path(), **READER_PAGES}
    for cache in (False, True):
        label = "warm cache" if cache else "no cache"
        if cache:
            subprocess.run(
                ["redis-cli", "-n", REDIS_URL.rsplit("/", 1)[1], "flushdb"], check=False, capture_output=True
            )
        with Server(cache):
            for name, path in endpoints.items():
                results[(label, name)] = wrk(path)
                results[(label, name)]["single"] = single_client_latency(path)
            if cache:
                with urllib.request.urlopen(BASE + ENDPOINTS["stories"]) as response:
                    etag = response.headers["ETag"]
                results[(label, "conditional 304")] = wrk(
                    ENDPOINTS["stories"], header=f"If-None-Match: {etag}"
                )
                results[(label, "conditional 304")]["single"] = 0.0
    report(results, size)


def report(results, size):
    print(
        f"\n{STORIES} synthetic stories, gunicorn 2 sync workers, wrk {CONNECTIONS} connections {DURATION}, "
        f"responses of {size} bytes"
    )
    print(f"{'':14}{'endpoint':28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'1 client ms':>13}")
    for (label, name), figures in results.items():
        flag = "  (errors!)" if figures["errors"] else ""
        print(
            f"{label:14}{name:28}{figures['rps']:9.0f}{figures['p50']:9.1f}{figures['p99']:9.1f}"
            f"{figures['single']:13.1f}{flag}"
        )
    for label in ("no cache", "warm cache"):
        stories = results[(label, "stories")]["rps"]
        print(
            f"{label}: stories / stock pages = {stories / results[(label, 'stock pages')]['rps']:.2f}x; "
            f"stories / static ceiling = {stories / results[(label, 'static file (ceiling)')]['rps']:.2f}"
        )


if __name__ == "__main__":
    main()
