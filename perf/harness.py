"""What `make bench` and `make loadtest` share: the production settings they run the site with, a
PostgreSQL database of synthetic stories prepared the same way, gunicorn started and waited for,
and wrk run and read. Each script says only what it measures."""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


@dataclass
class Site:
    """One installation to measure: its database, Redis database, port and working folder."""

    database: str
    redis_url: str
    port: int
    work: Path
    pg: str = "postgres://postgres@127.0.0.1:5432"
    extra: dict = field(default_factory=dict)  # more environment, e.g. gunicorn.conf.py's BIND

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def environment(self, cache: bool = True) -> dict:
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "t63site.settings.production",
            "DATABASE_URL": f"{self.pg}/{self.database}",
            "SECRET_KEY": "measuring-only-not-secret-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "T63_SITE_URL": self.base,
            "DB_CONN_MAX_AGE": "60",
            "REDIS_URL": self.redis_url,
            "T63_CACHE": "on" if cache else "off",
            # wrk speaks plain HTTP from one address: no HTTPS redirect, no per-client limits.
            "T63_SSL_REDIRECT": "off",
            "T63_RATE_LIMIT_API": "0",
            "T63_RATE_LIMIT_SEARCH": "0",
            "MEDIA_ROOT": str(self.work / "media"),
            "STATIC_ROOT": str(self.work / "static"),
            **self.extra,
        }

    def manage(self, *args, cache: bool = True, capture: bool = False) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.environment(cache),
            check=True,
            capture_output=capture,
            text=True,
        )
        return result.stdout or ""

    def prepare(self, stories: int, reuse: bool) -> None:
        """The database with the provinces, the demo stories and ``stories`` synthetic ones,
        indexed for the readers' search and analysed as a live site's autovacuum would have it;
        ``reuse``: an earlier run's database, only brought up to date."""
        install_wrk()
        self.work.mkdir(parents=True, exist_ok=True)
        if not reuse:
            for command in ("dropdb", "createdb"):
                extra = ["--if-exists"] if command == "dropdb" else []
                subprocess.run(
                    [command, *extra, "-h", "127.0.0.1", "-U", "postgres", self.database], check=True
                )
        self.manage("migrate", "--no-input", "-v", "0")
        if not reuse:
            self.manage("load_provinces")
            self.manage("load_demo")
            self.manage("load_demo", "--stories", str(stories))
            self.manage("index_for_search")
            subprocess.run(
                ["vacuumdb", "--analyze", "-q", "-h", "127.0.0.1", "-U", "postgres", self.database],
                check=True,
            )
        self.manage("collectstatic", "--no-input", "-v", "0")


def bench_gunicorn(site: Site, workers: int = 2) -> list[str]:
    """The benches' own gunicorn options, not production's gunicorn.conf.py (its access log and
    worker recycling would be measured too)."""
    return [
        "t63site.wsgi",
        "-c",
        "/dev/null",
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{site.port}",
        "--log-level",
        "warning",
    ]


def install_wrk() -> None:
    if shutil.which("wrk") is None:
        subprocess.run("apt-get update -q && apt-get install -y -q wrk", shell=True, check=True)


class Server:
    """gunicorn serving ``site`` (with ``options``), from the moment ``ready_path`` answers."""

    def __init__(self, site: Site, options: list[str], ready_path: str, cache: bool = True):
        self.site, self.options, self.ready_path, self.cache = site, options, ready_path, cache

    def __enter__(self):
        command = [PYTHON, "-m", "gunicorn", *self.options]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.site.environment(self.cache))
        for _ in range(150):
            try:
                urllib.request.urlopen(self.site.base + self.ready_path, timeout=2)
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk(url: str, connections: int, duration: str, header: str | None = None, script=None, env=None) -> str:
    """wrk's report of ``duration`` at ``connections`` connections. A long timeout: a slow
    response counts in the figures instead of vanishing as an error."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}", "--timeout", "10s", "--latency"]
    command += ["-H", header] if header else []
    command += ["-s", str(script)] if script else []
    return subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, env={**os.environ, **(env or {})}
    ).stdout


def figures(output: str) -> dict:
    """Requests/s, p50 and p99 in milliseconds, the request count and the errors of a wrk report."""
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99": milliseconds(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sockets.group(1) if sockets else None,
    }


def milliseconds(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
