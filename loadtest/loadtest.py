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
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE = os.environ.get("LOADTEST_DATABASE", "t63_loadtest")
PG = os.environ.get("LOADTEST_PG", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/4")
STORIES = int(os.environ.get("LOADTEST_STORIES", "10000"))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "300"))
CONNECTIONS = int(os.environ.get("LOADTEST_CONNECTIONS", "50"))
PORT = 8078
BASE = f"http://127.0.0.1:{PORT}"
WORK = ROOT / "var" / "loadtest"
RESTART_POSTGRESQL = ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart"]
RESTART_REDIS = ["service", "redis-server", "restart"]
FINGERPRINT = (
    "import json; from t63site.operations.fingerprint import content_counts, published_hash;"
    "print(json.dumps({'counts': content_counts(), 'hash': published_hash()}))"
)


def environment() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "t63site.settings.production",
        "DATABASE_URL": f"{PG}/{DATABASE}",
        "SECRET_KEY": "loadtest-only-not-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DB_CONN_MAX_AGE": "60",
        "REDIS_URL": REDIS_URL,
        # wrk speaks plain HTTP from one address: no HTTPS redirect, no per-client limits.
        "T63_SSL_REDIRECT": "off",
        "T63_RATE_LIMIT_API": "0",
        "T63_RATE_LIMIT_SEARCH": "0",
        "MEDIA_ROOT": str(WORK / "media"),
        "STATIC_ROOT": str(WORK / "static"),
        "BIND": f"127.0.0.1:{PORT}",
        "LOG_LEVEL": "WARNING",
    }


def manage(*args, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=environment(),
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout


def prepare_database():
    if os.environ.get("LOADTEST_REUSE") == "1":  # a database loaded by an earlier run, brought up to date
        manage("migrate", "--no-input", "-v", "0")
        manage("collectstatic", "--no-input", "-v", "0")
        return
    subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    manage("migrate", "--no-input", "-v", "0")
    manage("load_provinces")
    manage("load_demo")
    manage("load_demo", "--stories", str(STORIES))
    manage("index_for_search")
    manage("collectstatic", "--no-input", "-v", "0")


def fingerprint() -> dict:
    return json.loads(manage("shell", "-c", FINGERPRINT, capture=True).strip().splitlines()[-1])


def write_paths() -> Path:
    """The mix: story pages 40%, province pages 20%, search 15%, API listing 15%, feeds 10%."""
    script = (
        "from story_pages.models import StoryPage, ProvincePage;"
        "print('\\n'.join(p.url for p in StoryPage.objects.live().order_by('?')[:400]));"
        "print('\\n'.join(p.url for p in ProvincePage.objects.live()))"
    )
    urls = [line for line in manage("shell", "-c", script, capture=True).splitlines() if line.startswith("/")]
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


class Server:
    def __enter__(self):
        command = [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--access-logfile", "/dev/null"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=environment())
        for _ in range(150):
            try:
                urllib.request.urlopen(BASE + "/readyz", timeout=2)
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


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


def wrk(paths: Path) -> str:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "--timeout", "10s"]
    command += ["-s", str(ROOT / "loadtest" / "mix.lua"), BASE]
    env = {**os.environ, "T63_LOADTEST_PATHS": str(paths)}
    return subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout


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
    WORK.mkdir(parents=True, exist_ok=True)
    prepare_database()
    paths = write_paths()
    before = fingerprint()
    with Server():
        probe = Probe(paths.read_text().splitlines()[0])
        probe.start()
        log: list = []
        started = time.time()
        injector = threading.Thread(target=faults, args=(started, log), daemon=True)
        injector.start()
        output = wrk(paths)
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
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)
    p50 = re.search(r"50%\s+(\S+)", output).group(1)
    p99 = re.search(r"99%\s+(\S+)", output).group(1)
    total = re.search(r"(\d+) requests in", output).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: (.*)", output)
    print(f"requests {total}, req/s {rps}, p50 {p50}, p99 {p99}")
    errors = non2xx.group(1) if non2xx else 0
    print(f"errors: non-2xx/3xx {errors}; socket {sockets.group(1) if sockets else 'none'}")
    print("faults:", log)
    print("probe (seconds, /readyz, story page):", events)
    print("after the load, 30 requests of the mix:", sorted(set(after_load)))
    same = "identical" if before == after else "DIFFERENT"
    print(f"published content before/after: {same} {after['counts']} {after['hash'][:16]}")
    print("wrk output:\n" + output)


if __name__ == "__main__":
    main()
