"""Readers' reads from a PostgreSQL read replica (DATABASE_REPLICA_URL), everything else from
the primary.

A replica lags the primary by a moment. Three rules keep anyone from seeing, or caching, the
past: editors (anyone with a session), the admin and every request that is not GET or HEAD read
from the primary; so does every request within REPLICA_LAG_SECONDS of the last change to public
content (the content version is that change's time), so a publish is never cached from a replica
that has not received it yet; and anything outside a request (commands, tasks) uses the primary.
The decision is made once per request, by the middleware, not per query.
"""

import time
from contextvars import ContextVar

from django.conf import settings

from story_pages.content_version import current_version

REPLICA_LAG_SECONDS = 10
_read_from: ContextVar[str | None] = ContextVar("t63_read_from", default=None)


class ReadReplicaRouter:
    def db_for_read(self, model, **hints):
        return _read_from.get()  # None: Django's default, the primary

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica copies the primary's schema


class ReadReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _read_from.set(settings.T63_READ_REPLICA if _may_read_replica(request) else None)
        try:
            return self.get_response(request)
        finally:
            _read_from.reset(token)


def _may_read_replica(request) -> bool:
    return (
        settings.T63_READ_REPLICA is not None
        and request.method in ("GET", "HEAD")
        and not request.path.startswith("/admin/")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and time.time() - current_version() / 1000 > REPLICA_LAG_SECONDS
    )
