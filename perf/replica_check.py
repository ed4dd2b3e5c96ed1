"""The read replica option, exercised: a PostgreSQL 15 streaming replica of the local cluster on
port 5433, and the site reading from it.

Run as root on a machine like the development one (Debian's PostgreSQL 15 cluster "main" on
5432, Redis): `make replica-check`, on the database `make bench` loaded (REPLICA_DATABASE, by
default t63_bench). It allows replication from 127.0.0.1 in main's pg_hba.conf, makes the
cluster "replica" from a base backup, then checks that a reader's page and an API listing are read
from the replica, that right after a publish readers read the primary and see the change, and
that the replica receives it. The replica cluster is dropped at the end. It reports; it changes
one story's title and sets it back.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = os.environ.get("REPLICA_DATABASE", "t63_bench")
PRIMARY = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
REPLICA = f"postgres://postgres@127.0.0.1:5433/{DATABASE}"
HBA = Path("/etc/postgresql/15/main/pg_hba.conf")
REPLICATION_RULE = "host replication all 127.0.0.1/32 trust"


def sh(command: str) -> None:
    subprocess.run(command, shell=True, check=True)


def make_replica() -> None:
    if REPLICATION_RULE not in HBA.read_text():
        HBA.write_text(HBA.read_text() + REPLICATION_RULE + "\n")
        sh("pg_ctlcluster 15 main reload")
    sh("pg_dropcluster --stop 15 replica 2>/dev/null || true")
    sh("pg_createcluster 15 replica -p 5433 >/dev/null")
    sh("cp /etc/postgresql/15/main/pg_hba.conf /etc/postgresql/15/replica/pg_hba.conf")
    sh("rm -rf /var/lib/postgresql/15/replica/*")
    backup = "pg_basebackup -h 127.0.0.1 -p 5432 -U postgres -D /var/lib/postgresql/15/replica -R -X stream"
    sh(f"su postgres -c '{backup}'")
    sh("pg_ctlcluster 15 replica start")


def exercise() -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="t63site.settings.production",
        DATABASE_URL=PRIMARY,
        DATABASE_REPLICA_URL=REPLICA,
        REDIS_URL="redis://127.0.0.1:6379/6",
        SECRET_KEY="replica-check-only-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="testserver",
        T63_SSL_REDIRECT="off",
        MEDIA_ROOT=str(ROOT / "var" / "bench" / "media"),  # make bench's database and its images
        STATIC_ROOT=str(ROOT / "var" / "replica-check" / "static"),
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", "--no-input", verbosity=0)
    from django.core.cache import caches
    from django.db import connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from story_pages import content_version
    from story_pages.models import StoryPage
    from t63site.read_replica import REPLICA_LAG_SECONDS

    def served(url):
        with CaptureQueriesContext(connections["default"]) as primary:
            with CaptureQueriesContext(connections["replica"]) as replica:
                response = Client().get(url)
        return response, len(primary), len(replica)

    caches["responses"].clear()
    settled = int((time.time() - REPLICA_LAG_SECONDS - 1) * 1000)
    content_version.pretend_last_change_at(settled)
    story = StoryPage.objects.live().filter(alias_of__isnull=True).order_by("-pk").first()
    response, primary, replica = served(story.url)
    print(f"a reader's story page: {response.status_code}; queries: {replica} replica, {primary} primary")
    response, primary, replica = served("/api/v2/stories/?limit=20&unit=79")
    print(f"an outlet's API listing: {response.status_code}; queries: {replica} replica, {primary} primary")

    original = story.title
    story.title = f"{original} (replica check)"
    story.save_revision().publish()  # through the primary; bumps the content version
    response, primary, replica = served(story.url)
    seen = story.title in response.content.decode()
    print(f"just after a publish: queries: {primary} primary, {replica} replica; new title shown: {seen}")
    for _ in range(50):
        if StoryPage.objects.using("replica").get(pk=story.pk).title == story.title:
            print("the replica has the change")
            break
        time.sleep(0.1)
    else:
        print("the replica did NOT receive the change within 5 s")
    story.title = original
    story.save_revision().publish()


def main():
    make_replica()
    try:
        exercise()
    finally:
        sh("pg_dropcluster --stop 15 replica")


if __name__ == "__main__":
    main()
