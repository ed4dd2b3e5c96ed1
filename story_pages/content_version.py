"""Versions of public content: one for the last change of anything, and one per cache tag
(story_pages.cache_tags: a story, a place, a theme, the listings, everything). Machine endpoints
and reader pages store each entry with the versions of the tags it depends on
(story_pages.cached_entries), so a publish through any app process is seen by every other one on
its next request (the versions live in the shared cache), and a publish changes only the entries
that show what it changed.

It fails closed. Each change writes its version, and its tags' versions, to the database in the
same transaction as the change, so a change cannot commit without them. The shared cache may miss
a change (Redis paused or restarting while a story is made private, a process stopped between the
commit and its write to the cache); so before an app process trusts the cache's versions it
compares them with the database's:
- at once after a change made in this process;
- on the first request after the cache failed to answer this process;
- otherwise at most T63_CONTENT_VERSION_CHECK_SECONDS after the last comparison (a process that
  was idle through a stall learns of a change made meanwhile within that time; None: never, as
  in the tests, where one process makes every change and query counts must not depend on time).
A comparison reads the last change's version and, when something changed since the last one (or
within RECHECK_MS, to catch a write to the cache that came late), the tags changed since. A tag
the cache holds at another version than the database's is set to the database's, and the cache's
last change forward; what it held under the old versions is never served again.

Every write of tag versions to the cache changes TOKEN_KEY first: an entry rendered while the
token stayed the same was rendered after the versions it is stored with (the fence of
cached_entries.store).
"""

import secrets
import time
from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest

CACHE_KEY = "t63:content-version"  # the last change of anything, as the cache knows it
TOKEN_KEY = "t63:content-token"
TAG_PREFIX = "t63:tag:"
EVERYTHING = "all"  # structural changes: every entry depends on it
DEFAULT_CHECK_SECONDS = 1.0
DATABASE_RETRY_SECONDS = 1.0  # while the database does not answer the check
RECHECK_MS = 60_000  # tags changed this recently are compared again at each check
LOOKBACK_MS = 2 * 3600 * 1000  # a process's first check: longer than any entry lives (an hour)

# What this process knows of the database's versions, and when it last looked.
_known = SimpleNamespace(
    version=0,
    checked_at=float("-inf"),
    cache_failed=False,
    database_failed_at=float("-inf"),
    synced_up_to=None,  # the last change whose tags were compared with the cache
    tags_ahead={},  # tag: version, changed in the database, perhaps not in the cache yet
    epoch=0,  # counts forget_the_database_version(): what was read before is not to be trusted
)


def tag_key(tag: str) -> str:
    return TAG_PREFIX + tag


def current_version() -> int:
    """Milliseconds since the epoch at the last change (set now if the cache has none)."""
    version = caches["responses"].get(CACHE_KEY)
    if version is None:
        version = max(int(time.time() * 1000), _database_version())
        caches["responses"].add(CACHE_KEY, version, timeout=None)
        version = caches["responses"].get(CACHE_KEY, version)
    if not trusted(version):
        return max(version, _known.version)
    return version


def trusted(cache_version) -> bool:
    """Whether the tag versions read from the cache with ``cache_version`` (its CACHE_KEY) may be
    believed. If not, the cache is set forward now and the caller treats what it read as stale."""
    if cache_version is None:
        current_version()
        return False
    known = _database_version()
    if cache_version >= known and not _known.tags_ahead:
        return True
    return not _set_forward(cache_version, known)


def bump(*args, **kwargs) -> None:
    """Signal receiver: public content changed in a way that may show on any page."""
    bump_tags({EVERYTHING})


def bump_tags(tags) -> None:
    """Record that what ``tags`` name changed. In a transaction the database's versions commit
    with the change; the cache learns them once the change is committed (a request in between
    would read the old rows and store them under the new versions)."""
    tags = frozenset(tags)
    if transaction.get_connection().in_atomic_block:
        _record_in_database(tags)
        transaction.on_commit(lambda: _new_version(tags))
    else:
        _new_version(tags)


def process_memo_key() -> tuple[int, int]:
    """What a process may key its own copies of site-wide data by (story_pages.site_wide): the
    cache's version when the shared cache is on, so that a page rendered from the copy is stored
    under the same versions; with it off (T63_CACHE=off), the database's as this process knows
    it: its own changes at once, other processes' within T63_CONTENT_VERSION_CHECK_SECONDS."""
    if isinstance(caches["responses"], DummyCache):
        return _known.epoch, _database_version()
    return _known.epoch, current_version()


def cache_unreachable() -> None:
    """Called by the cache backend when the cache does not answer: it may have missed a change."""
    _known.cache_failed = True


def new_token() -> str:
    return secrets.token_hex(8)


def _records():
    """The database's record, through the app registry: this module is imported by the cache
    backend, before the models can be."""
    return apps.get_model("story_pages", "ContentVersionRecord").objects.using(DEFAULT_DB_ALIAS)


def _tag_records():
    return apps.get_model("story_pages", "CacheTagVersion").objects.using(DEFAULT_DB_ALIAS)


def _new_version(tags=frozenset({EVERYTHING})) -> None:
    version = _record_in_database(tags)
    _known.cache_failed = False  # set again by the backend if this write fails too
    caches["responses"].set_many(_writes(version, {tag: version for tag in tags}), timeout=None)
    if not _known.cache_failed:
        for tag in tags:
            if _known.tags_ahead.get(tag, 0) <= version:
                _known.tags_ahead.pop(tag, None)


def _writes(version: int, tags: dict) -> dict:
    """One write of versions: the token first (a cache that writes key by key changes it before
    any tag), then the last change, then the tags."""
    return {TOKEN_KEY: new_token(), CACHE_KEY: version, **{tag_key(tag): v for tag, v in tags.items()}}


def _record_in_database(tags) -> int:
    records = _records()
    # Later than any version handed out yet, even within the same millisecond.
    now = max(int(time.time() * 1000), (caches["responses"].get(CACHE_KEY) or 0) + 1, _known.version + 1)
    # The record's row is locked until the transaction ends: versions follow the commits' order.
    if not records.filter(pk=1).update(version=Greatest(F("version") + 1, Value(now))):
        records.get_or_create(pk=1, defaults={"version": now})
    version = records.values_list("version", flat=True).get(pk=1)
    tag_model = _tag_records().model
    _tag_records().bulk_create(
        [tag_model(tag=tag, version=version) for tag in sorted(tags)],
        update_conflicts=True,
        unique_fields=["tag"],
        update_fields=["version"],
    )
    _known.version = max(_known.version, version)  # this process knows at once
    _known.tags_ahead.update(dict.fromkeys(tags, version))
    return version


def _database_version() -> int:
    """The database's version as this process last read it, read again when it may be stale
    (and then the tags changed since the last comparison are to be compared again)."""
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
        _read_changed_tags(version)
    except DatabaseError:  # no change can commit while the database is away either: ask again
        _known.checked_at = _known.database_failed_at = now  # later, not on every cached request
        return _known.version
    _known.version = max(_known.version, version)
    _known.checked_at = now
    _known.cache_failed = False  # the caller compares what the cache holds now with this
    return _known.version


def _read_changed_tags(database_version: int) -> None:
    """Adds the tags changed since the last comparison (or within RECHECK_MS) to those to compare."""
    now_ms = int(time.time() * 1000)
    synced = _known.synced_up_to if _known.synced_up_to is not None else now_ms - LOOKBACK_MS
    since = min(synced, now_ms - RECHECK_MS)
    if database_version > since:
        for tag, version in _tag_records().filter(version__gt=since).values_list("tag", "version"):
            _known.tags_ahead[tag] = max(version, _known.tags_ahead.get(tag, 0))
    _known.synced_up_to = max(synced, database_version)


def _set_forward(cache_version, known: int) -> bool:
    """Sets the cache's tags to the versions this process knows where they differ, and its last
    change forward. Whether anything was written."""
    cache = caches["responses"]
    ahead = dict(_known.tags_ahead)
    found = cache.get_many([tag_key(tag) for tag in ahead]) if ahead else {}
    differing = {tag: version for tag, version in ahead.items() if found.get(tag_key(tag)) != version}
    for tag in ahead:
        if _known.tags_ahead.get(tag) == ahead[tag]:
            del _known.tags_ahead[tag]
    if not differing and cache_version is not None and cache_version >= known:
        return False
    _known.cache_failed = False
    cache.set_many(_writes(max(known, cache_version or 0), differing), timeout=None)
    if _known.cache_failed:  # compare again on the next request
        for tag, version in differing.items():
            _known.tags_ahead.setdefault(tag, version)
    return True


def forget_the_database_version() -> None:
    """Forget what this process read of the database's versions (a test's database is rolled back
    after it; the next check reads it again)."""
    _known.version, _known.checked_at, _known.cache_failed = 0, float("-inf"), False
    _known.database_failed_at = float("-inf")
    _known.synced_up_to, _known.tags_ahead = None, {}
    _known.epoch += 1


def pretend_last_change_at(version: int) -> None:
    """For the replica check: make the last change look as old as ``version`` (milliseconds)."""
    _records().filter(pk=1).update(version=version)
    _known.version = version
    caches["responses"].set(CACHE_KEY, version, timeout=None)
