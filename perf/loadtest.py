"""Load and faults, as production runs: 10,000 stories on PostgreSQL, Redis, gunicorn with
gunicorn.conf.py; wrk with 50 connections for 5 minutes over a mix of story pages, province pages,
search, the API listing and feeds. A third of the way in PostgreSQL is restarted, two thirds in
Redis. Reports req/s, p50/p99, errors, when /readyz went down and came back, and compares the
published content (counts and a hash) before and after. Run with `make loadtest`; it reports,
it asserts nothing about speed. Needs PostgreSQL 15 (pg_ctlcluster) and Redis (service), as root.
LOADTEST_FAULTS=off runs the same load without the restarts; LOADTEST_REUSE=1 reuses the database.
"""

import json
import os
import random
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

from harness import ROOT, Server, Site, figures, wrk

SITE = Site(
    database=os.environ.get("LOADTEST_DATABASE", "t63_loadtest"),
    redis_url=os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/4"),
    port=8078,
    work=ROOT / "var" / "loadtest",
    pg=os.environ.get("LOADTEST_PG", "postgres://postgres@127.0.0.1:5432"),
    extra={"BIND": "127.0.0.1:8078", "LOG_LEVEL": "WARNING"},  # read by gunicorn.conf.py
)
STORIES = int(os.environ.get("LOADTEST_STORIES", "10000"))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "300"))
CONNECTIONS = int(os.environ.get("LOADTEST_CONNECTIONS", "50"))
BASE = SITE.base
WORK = SITE.work
# As production runs: gunicorn.conf.py (its access log left out of the measure).
GUNICORN = ["-c", "gunicorn.conf.py", "--access-logfile", "/dev/null"]
RESTART_POSTGRESQL = ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart"]
RESTART_REDIS = ["service", "redis-server", "restart"]
FINGERPRINT = (
    "import json; from t63site.operations.fingerprint import content_counts, published_hash;"
    "print(json.dumps({'counts': content_counts(), 'hash': published_hash()}))"
)


def fingerprint() -> dict:
    return json.loads(SITE.manage("shell", "-c", FINGERPRINT, capture=True).strip().splitlines()[-1])


def write_paths() -> Path:
    """The mix: story pages 40%, province pages 20%, search 15%, API listing 15%, feeds 10%."""
    script = (
        "from story_pages.models import StoryPage, ProvincePage;"
        "print('\\n'.join(p.url for p in StoryPage.objects.live().order_by('?')[:400]));"
        "print('\\n'.join(p.url for p in ProvincePage.objects.live()))"
    )
    urls = [
        line for line in SITE.manage("shell", "-c", script, capture=True).splitlines() if line.startswith("/")
    ]
    stories = [u for u in urls if u.count("/") > 3]
    provinces = [u for u in urls if u.count("/") <= 3]
    words = ["chuyen doi so", "dịch vụ công", "y tế", "nông nghiệp", "Bắc Giang", "giáo dục"]
    api = [f"/api/v2/stories/?limit=20&offset={20 * n}" for n in range(20)] + ["/api/v2/stories/?unit=79"]
    feeds = [
        "/feeds/vi/rss/",
        "/feeds/en/atom/",
        "/feeds/vi/province/24/rss/",
        "/feeds/vi/theme/kinh-te-so/rss/",
    ]
    mix = (
        random.choices(stories, k=40)
        + random.choices(provinces, k=20)
        + [f"/search/?q={urllib.request.quote(random.choice(words))}" for _ in range(15)]
        + random.choices(api, k=15)
        + random.choices(feeds, k=10)
    )
    path = WORK / "paths.txt"
    path.write_text("\n".join(mix) + "\n")
    return path


class Probe(threading.Thread):
    """/readyz and a story page every half second: when each went down and came back."""

    def __init__(self, page: str):
        super().__init__(daemon=True)
        self.page, self.events, self.stopped, self.started = page, [], threading.Event(), time.time()

    def status(self, path: str) -> int:
        try:
            return urllib.request.urlopen(BASE + path, timeout=5).status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return 0

    def run(self):
        last = None
        while not self.stopped.is_set():
            now = (self.status("/readyz"), self.status(self.page))
            if now != last:
                self.events.append((round(time.time() - self.started, 1), *now))
                last = now
            time.sleep(0.5)


def load(paths: Path) -> str:
    env = {"T63_LOADTEST_PATHS": str(paths)}
    return wrk(BASE, CONNECTIONS, f"{SECONDS}s", script=ROOT / "perf" / "mix.lua", env=env)


def faults(started: float, log: list):
    if os.environ.get("LOADTEST_FAULTS") == "off":  # the steady state alone, for comparison
        return
    for fraction, name, command in (
        (1 / 3, "PostgreSQL", RESTART_POSTGRESQL),
        (2 / 3, "Redis", RESTART_REDIS),
    ):
        time.sleep(max(0, started + SECONDS * fraction - time.time()))
        log.append((round(time.time() - started, 1), f"restart {name}"))
        subprocess.run(command, check=True, capture_output=True)
        log.append((round(time.time() - started, 1), f"{name} back"))


def main():
    SITE.prepare(STORIES, reuse=os.environ.get("LOADTEST_REUSE") == "1")
    paths = write_paths()
    before = fingerprint()
    with Server(SITE, GUNICORN, "/readyz"):
        probe = Probe(paths.read_text().splitlines()[0])
        probe.start()
        log: list = []
        started = time.time()
        injector = threading.Thread(target=faults, args=(started, log), daemon=True)
        injector.start()
        output = load(paths)
        injector.join()
        time.sleep(2)
        probe.stopped.set()
        probe.join()
        after_load = [probe.status(p) for p in paths.read_text().splitlines()[:30]]
    after = fingerprint()
    report(output, log, probe.events, after_load, before, after)


def report(output, log, events, after_load, before, after):
    print(
        f"\n{STORIES} stories, gunicorn (gunicorn.conf.py), wrk {CONNECTIONS} connections, {SECONDS} s, mix"
    )
    measured = figures(output)
    print(
        f"requests {measured['requests']}, req/s {measured['rps']:.0f}, "
        f"p50 {measured['p50']:.1f} ms, p99 {measured['p99']:.1f} ms"
    )
    print(f"errors: non-2xx/3xx {measured['non_2xx']}; socket {measured['socket_errors'] or 'none'}")
    print("faults:", log)
    print("probe (seconds, /readyz, story page):", events)
    print("after the load, 30 requests of the mix:", sorted(set(after_load)))
    same = "identical" if before == after else "DIFFERENT"
    print(f"published content before/after: {same} {after['counts']} {after['hash'][:16]}")
    print("wrk output:\n" + output)


if __name__ == "__main__":
    main()
