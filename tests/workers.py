"""The background worker for real: a `manage.py` worker process, started as `make run` and
production start it, on the test database; it does what is due, then stops."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

from t63site.settings.services import task_backends

ROOT = Path(__file__).resolve().parents[1]
DATABASE_TASKS, _ = task_backends("database", "")
DB_WORKER = ["db_worker", "--batch", "--no-startup-delay", "--no-reload"]
RQ_WORKER = ["rqworker", "--burst", "--job-class", "django_tasks_rq.Job"]


def database_url() -> str:
    """The test database, as the worker process must be told it."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{host}:{port}/{db['NAME']}"


def run_manage(command: list[str], **environment: str) -> subprocess.CompletedProcess:
    """``manage.py <command>`` in its own process, with the test settings and database and the
    given environment variables (e.g. ``T63_TASKS``)."""
    return subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "t63site.settings.test",
            "DATABASE_URL": database_url(),
            **environment,
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
