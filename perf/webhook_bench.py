"""Webhook delivery time (`make bench-webhooks`): 100 changes to an outlet's endpoint, delivered by
a real worker (`manage.py db_worker`, as `make run` starts it) to a receiver on this machine that
checks every signature, on PostgreSQL.

Two runs of 100 changes each:
- *one by one*: 100 stories published one after another, each in its own transaction (editors
  publishing through a day, compressed);
- *at once*: 100 changes committed in one transaction (a province's stories moved or made public
  together), the worst burst the fan-out sees.
For each, the time from a change's commit to its arrival at the receiver (median, p90, max) and
from the first commit to the last arrival. The worker looks for work once a second when idle
(db_worker's default `--interval 1`), which bounds the wait of a change that finds it idle.

    make bench-webhooks            # or: python perf/webhook_bench.py [--interval 1] [--keep]
"""

import argparse
import hashlib
import hmac
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = "t63hooks_bench"
PG = "postgres://postgres@127.0.0.1:5432"
CHANGES = 100
SECRET = "bench-" + "s" * 40


class Receiver:
    """Records when each change arrived, by the change feed's cursor; refuses a bad signature."""

    def __init__(self):
        self.arrivals: dict[str, float] = {}
        self.refused = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                arrived = time.time()
                fields = dict(part.split("=", 1) for part in self.headers["X-T63-Signature"].split(","))
                signed = f"{fields['t']}.".encode() + body
                expected = hmac.new(SECRET.encode(), signed, hashlib.sha256).hexdigest()
                if hmac.compare_digest(expected, fields["v1"]):
                    receiver.arrivals[json.loads(body)["change"]["cursor"]] = arrived
                    self.send_response(204)
                else:
                    receiver.refused += 1
                    self.send_response(401)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/t63"

    def wait_for(self, cursors, seconds=300) -> None:
        deadline = time.monotonic() + seconds
        while not set(cursors) <= self.arrivals.keys():
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"only {len(set(cursors) & self.arrivals.keys())} of {len(cursors)} arrived"
                )
            time.sleep(0.01)


def environment() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "t63site.settings.dev",
        "DEBUG": "off",
        "DATABASE_URL": f"{PG}/{DATABASE}",
        "T63_TASKS": "database",
        "T63_SITE_URL": "http://127.0.0.1:8000",
        "T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES": "1",  # the receiver is on this machine
        "T63_CACHE": "off",
    }


def manage(*args) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment(), check=True)


def prepare(keep: bool) -> None:
    if not keep:
        for command in ("dropdb", "createdb"):
            extra = ["--if-exists"] if command == "dropdb" else []
            subprocess.run([command, *extra, "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    manage("migrate", "--no-input", "-v", "0")
    manage("load_provinces")


def figures(name: str, commits: dict[str, float], arrivals: dict[str, float]) -> None:
    latencies = sorted((arrivals[cursor] - committed) * 1000 for cursor, committed in commits.items())
    total = max(arrivals[c] for c in commits) - min(commits.values())
    p90 = latencies[int(0.9 * len(latencies)) - 1]
    median = statistics.median(latencies)
    print(
        f"{name:<11} {len(latencies)} changes: commit → delivery median {median:.0f} ms, "
        f"p90 {p90:.0f} ms, max {latencies[-1]:.0f} ms; all {len(latencies)} delivered "
        f"{total:.2f} s after the first commit"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interval", default="1", help="db_worker's idle polling interval (seconds)")
    parser.add_argument("--keep", action="store_true", help="reuse the database of an earlier run")
    options = parser.parse_args()
    prepare(options.keep)
    os.environ.update(environment())
    import django

    django.setup()
    from django.db import transaction
    from wagtail.rich_text import RichText

    from story_pages.models import ProvincePage, StoryChange, StoryPage, WebhookEndpoint
    from story_pages.models.stories import Theme

    receiver = Receiver()
    WebhookEndpoint.objects.all().delete()
    WebhookEndpoint.objects.create(name="Bench", url=receiver.url, secret=SECRET, owner_email="bench@t63.vn")
    province = ProvincePage.objects.get(code="24", locale__language_code="vi")
    stories = []
    for n in range(CHANGES):
        story = StoryPage(
            title=f"Câu chuyện đo {n} {time.time_ns()}",
            summary="Tỉnh đưa thủ tục hành chính lên mạng.",
            theme=Theme.DIGITAL_GOVERNMENT,
            credit_line="Sở TT&TT Bắc Giang",
            body=[("paragraph", RichText("<p>" + " ".join(["số"] * 300) + "</p>"))],
            live=False,
        )
        province.add_child(instance=story)
        stories.append(story)

    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "default",
            "--no-reload",
            "--interval",
            options.interval,
        ],
        cwd=ROOT,
        env=environment(),
    )
    try:
        time.sleep(3)  # the worker is up and idle

        def cursors_since(last_id: int) -> dict[int, str]:
            from story_pages.distribution.api.change_feed import encode_cursor

            ids = StoryChange.objects.filter(pk__gt=last_id).order_by("pk").values_list("pk", flat=True)
            return {pk: encode_cursor(pk) for pk in ids}

        # One by one: each publish commits on its own.
        last = StoryChange.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        commits_by_story = {}
        for story in stories:
            with transaction.atomic():
                # The first callback once the commit is made (those that follow queue Wagtail's tasks).
                transaction.on_commit(lambda pk=story.pk: commits_by_story.__setitem__(pk, time.time()))
                story.save_revision().publish()
        made = cursors_since(last)
        story_of = dict(StoryChange.objects.filter(pk__in=made).values_list("pk", "story_id"))
        commits = {made[pk]: commits_by_story[story_of[pk]] for pk in made}
        receiver.wait_for(commits)
        figures("one by one", commits, receiver.arrivals)

        # At once: a hundred corrections committed together.
        last = max(made)
        committed = []
        with transaction.atomic():
            transaction.on_commit(lambda: committed.append(time.time()))
            for story in stories:
                page = StoryPage.objects.get(pk=story.pk)
                page.title += " (sửa)"
                page.save_revision().publish()
        made = cursors_since(last)
        commits = {cursor: committed[0] for cursor in made.values()}
        receiver.wait_for(commits)
        figures("at once", commits, receiver.arrivals)
        assert receiver.refused == 0, f"{receiver.refused} signatures refused"
        print(f"{len(receiver.arrivals)} deliveries, every signature checked by the receiver")
    finally:
        worker.terminate()
        worker.wait(timeout=30)


if __name__ == "__main__":
    main()
