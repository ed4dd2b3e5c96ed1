"""Redis as a cache the site can live without for a while: while Redis restarts, reads miss and
writes are dropped (pages are built uncached, rate limits let requests through) instead of every
request failing with a 500. /readyz still reports the cache as down."""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError, TimeoutError

from story_pages import content_version

logger = logging.getLogger(__name__)
UNAVAILABLE = (ConnectionError, TimeoutError)


def _tolerant(method, fallback):
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNAVAILABLE as error:
            logger.warning("cache unavailable", extra={"operation": method.__name__, "error": str(error)})
            content_version.cache_unreachable()  # it may have missed a change: check before trusting it
            if isinstance(fallback, type) and issubclass(fallback, Exception):
                raise fallback("cache unavailable") from error
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    call.__name__ = method.__name__
    return call


def _default(key, default=None, *args, **kwargs):
    return default


class ReusedRedisClients(RedisCacheClient):
    """One redis.Redis per connection pool, instead of a new one for every cache operation.

    Django builds a client per operation, and redis-py fills a table of about 170 response
    callbacks for each: a third of the time a page served from the cache took. A client is
    only a handle on its (thread-safe) pool, so one per pool serves every operation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedRedisClients

    get = _tolerant(RedisCache.get, _default)
    get_many = _tolerant(RedisCache.get_many, lambda *args, **kwargs: {})
    has_key = _tolerant(RedisCache.has_key, False)
    set = _tolerant(RedisCache.set, None)
    set_many = _tolerant(RedisCache.set_many, lambda *args, **kwargs: [])
    add = _tolerant(RedisCache.add, False)
    touch = _tolerant(RedisCache.touch, False)
    delete = _tolerant(RedisCache.delete, False)
    delete_many = _tolerant(RedisCache.delete_many, None)
    # As for a missing key: callers already treat ValueError as "start counting again".
    incr = _tolerant(RedisCache.incr, ValueError)
