"""Every setting T63 takes from the environment, declared in one place with its type and default.

Settings modules read these names and nothing else from ``os.environ``.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# The declared variables. Production refuses to start without SECRET_KEY and ALLOWED_HOSTS.
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
DEBUG = env_bool("DEBUG", False)
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 't63.sqlite3'}")
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media"))
STATIC_ROOT = env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static"))
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Seconds a database connection is kept between requests (0: a new one per request).
DB_CONN_MAX_AGE = int(env_str("DB_CONN_MAX_AGE", "0"))
# The shared cache; without it each process caches in its own memory. T63_CACHE=off disables caching.
REDIS_URL = env_str("REDIS_URL")
CACHE_ENABLED = env_str("T63_CACHE", "on") != "off"
# The largest video file an editor may upload, in megabytes.
T63_MAX_VIDEO_MB = int(env_str("T63_MAX_VIDEO_MB", "500"))
