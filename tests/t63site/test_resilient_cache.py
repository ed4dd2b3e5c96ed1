"""While Redis is down, readers still get pages: the cache misses instead of failing."""

import pytest

from t63site.resilient_cache import ResilientRedisCache

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    unreachable = {
        "BACKEND": "t63site.resilient_cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # a port where nothing listens
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
    settings.CACHES = {"default": unreachable, "responses": unreachable}


def test_every_operation_degrades_to_a_miss():
    cache = ResilientRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    assert cache.get("k", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("k", 1) is False
    assert cache.set("k", 1) is None
    with pytest.raises(ValueError):
        cache.incr("k")


def test_the_site_and_the_api_answer_while_redis_is_down(client, redis_down, settings):
    settings.T63_RATE_LIMITS = {"api": (("/api/",), "1/60")}  # fails open: no counter to check
    assert client.get("/").status_code == 200
    assert client.get("/api/v2/stories/").status_code == 200
    assert client.get("/api/v2/stories/").status_code == 200
    assert client.get("/readyz").status_code == 503  # but the load balancer is told


def test_every_operation_uses_the_same_client_of_its_pool():
    cache = ResilientRedisCache("redis://127.0.0.1:6379/7", {})
    assert cache._cache.get_client("a") is cache._cache.get_client("b", write=True)
