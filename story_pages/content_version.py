"""One number that changes whenever anything public changes: published, unpublished, moved or
deleted pages, images and videos, view restrictions made or lifted. Machine endpoints and reader
pages derive their ETags and cached entries from it, so a publish through any app process is seen
by every other one on its next request (the version lives in the shared cache).

It fails closed. The version is also written to the database, in the same transaction as the
change, so a change cannot commit without it. The shared cache may miss a new version (Redis
paused or restarting while a story is made private); so before an app process trusts the cache's
version it compares it with the database's:
- at once after a change made in this process;
- on the first request after the cache failed to answer this process;
- otherwise at most T63_CONTENT_VERSION_CHECK_SECONDS after the last comparison (a process that
  was idle through a stall learns of a change made meanwhile within that time; None: never, as
  in the tests, where one process makes every change and query counts must not depend on time).
A cache whose version is older than the database's is set forward; what it holds under the old
version is never served again.
"""

import time
from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, DatabaseError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest

CACHE_KEY = "t63:content-version"
DEFAULT_CHECK_SECONDS = 1.0
DATABASE_RETRY_SECONDS = 1.0  # while the database does not answer the check

# What this process knows of the database's version, and when it last looked.
_known = SimpleNamespace(
    version=0, checked_at=float("-inf"), cache_failed=False, database_failed_at=float("-inf")
)


def current_version() -> int:
    """Milliseconds since the epoch at the last change (set now if the cache has none)."""
    version = caches["responses"].get(CACHE_KEY)
    if version is None:
        version = max(int(time.time() * 1000), _database_version())
        caches["responses"].add(CACHE_KEY, version, timeout=None)
        version = caches["responses"].get(CACHE_KEY, version)
    return _at_least_the_database(version)


def current_version_and_entry(key: str):
    """The content version and the entry stored under ``key`` by store_entry(), in one round
    trip to the cache. The entry is None unless it was stored under this very version: a
    publish makes every stored entry stale at once, each one replaced on its next request."""
    found = caches["responses"].get_many([CACHE_KEY, key])
    version = found.get(CACHE_KEY)
    if version is None:
        return current_version(), None
    if version < _database_version():  # the cache missed a change
        return _at_least_the_database(version), None
    stored_version, entry = found.get(key, (None, None))
    return version, (entry if stored_version == version else None)


def store_entry(key: str, version: int, entry, timeout: int) -> None:
    caches["responses"].set(key, (version, entry), timeout)


def bump(*args, **kwargs) -> None:
    """Signal receiver: record that public content changed. In a transaction the database's
    version commits with the change; the cache learns it once the change is committed (a request
    in between would read the old rows and store them under the new version)."""
    if transaction.get_connection().in_atomic_block:
        _record_in_database()
        transaction.on_commit(_new_version)
    else:
        _new_version()


def cache_unreachable() -> None:
    """Called by the cache backend when the cache does not answer: it may have missed a change."""
    _known.cache_failed = True


def _records():
    """The database's record, through the app registry: this module is imported by the cache
    backend, before the models can be."""
    return apps.get_model("story_pages", "ContentVersionRecord").objects.using(DEFAULT_DB_ALIAS)


def _new_version() -> None:
    version = _record_in_database()
    _known.cache_failed = False  # set again by the backend if this write fails too
    caches["responses"].set(CACHE_KEY, version, timeout=None)


def _record_in_database() -> int:
    records = _records()
    # Later than any version handed out yet, even within the same millisecond.
    now = max(int(time.time() * 1000), (caches["responses"].get(CACHE_KEY) or 0) + 1, _known.version + 1)
    if not records.filter(pk=1).update(version=Greatest(F("version") + 1, Value(now))):
        records.get_or_create(pk=1, defaults={"version": now})
    version = records.values_list("version", flat=True).get(pk=1)
    _known.version = max(_known.version, version)  # this process knows at once
    return version


def _database_version() -> int:
    """The database's version as this process last read it, read again when it may be stale."""
    interval = getattr(settings, "T63_CONTENT_VERSION_CHECK_SECONDS", DEFAULT_CHECK_SECONDS)
    now = time.monotonic()
    if _known.cache_failed:
        due = now - _known.database_failed_at >= DATABASE_RETRY_SECONDS
    else:
        due = interval is not None and now - _known.checked_at >= interval
    if not due:
        return _known.version
    try:
        version = _records().values_list("version", flat=True).filter(pk=1).first() or 0
    except DatabaseError:  # no change can commit while the database is away either: ask again
        _known.checked_at = _known.database_failed_at = now  # later, not on every cached request
        return _known.version
    _known.version = max(_known.version, version)
    _known.checked_at = now
    _known.cache_failed = False  # the caller compares what the cache holds now with this
    return _known.version


def _at_least_the_database(version: int) -> int:
    """``version``, or the database's if the cache's is older (and then the cache is set to it)."""
    known = _database_version()
    if version >= known:
        return version
    _known.cache_failed = False
    caches["responses"].set(CACHE_KEY, known, timeout=None)
    return known


def forget_the_database_version() -> None:
    """Forget what this process read of the database's version (a test's database is rolled back
    after it; the next check reads it again)."""
    _known.version, _known.checked_at, _known.cache_failed = 0, float("-inf"), False
    _known.database_failed_at = float("-inf")


def pretend_last_change_at(version: int) -> None:
    """For the replica check: make the last change look as old as ``version`` (milliseconds)."""
    _records().filter(pk=1).update(version=version)
    _known.version = version
    caches["responses"].set(CACHE_KEY, version, timeout=None)
