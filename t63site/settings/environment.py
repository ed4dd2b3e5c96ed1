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
# The site's public address (scheme, host and port, no path): the default Site record is set from it
# at every migrate, and every absolute URL (canonical, og:url, hreflang, the API, feeds, ninjs, the
# sitemap, links in e-mails to editors) starts with it. WAGTAILADMIN_BASE_URL is its former name.
SITE_URL = env_str("T63_SITE_URL", env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")).rstrip("/")
# Seconds a database connection is kept between requests (0: a new one per request).
DB_CONN_MAX_AGE = int(env_str("DB_CONN_MAX_AGE", "0"))
# A PostgreSQL streaming replica of DATABASE_URL for readers' pages and the API; optional.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
# The shared cache; without it each process caches in its own memory. T63_CACHE=off disables caching.
REDIS_URL = env_str("REDIS_URL")
CACHE_ENABLED = env_str("T63_CACHE", "on") != "off"
# Where background work (video transcoding, Wagtail's index updates) runs: "database" (a table
# and `manage.py db_worker`), "rq" (Redis at REDIS_URL and `manage.py rqworker`) or "immediate"
# (inside the request: only for a quick try, a transcode then holds the upload's request).
TASKS_BACKEND = env_str("T63_TASKS", "database")
# Threads a worker gives one transcode (0: as many as FFmpeg likes).
TRANSCODE_THREADS = int(env_str("T63_TRANSCODE_THREADS", "0"))
# A transcode waits while other processes use more than this share of the processors (readers
# first: story_pages/video/pacing.py); "off" never waits.
_YIELD_ABOVE = env_str("T63_TRANSCODE_YIELD_ABOVE", "0.25")
TRANSCODE_YIELD_ABOVE = None if _YIELD_ABOVE == "off" else float(_YIELD_ABOVE)
# Webhooks to private and loopback addresses (a receiver on this machine): read by the dev and test
# settings only; production always refuses them (story_pages/distribution/webhooks/addresses.py).
WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = env_bool("T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", False)
# The largest video file an editor may upload, in megabytes.
T63_MAX_VIDEO_MB = int(env_str("T63_MAX_VIDEO_MB", "500"))

# Production serving (issue 7). Media go to S3-compatible storage when a bucket is named; the
# credentials may also come from the instance's role, which boto3 finds by itself.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")  # MinIO, Ceph, Viettel/FPT object storage
AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME")
AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN")  # a CDN in front of the bucket
AWS_ACCESS_KEY_ID = env_str("AWS_ACCESS_KEY_ID")
AWS_SECRET_ACCESS_KEY = env_str("AWS_SECRET_ACCESS_KEY")
# HSTS: browsers refuse plain HTTP for this long once they have seen the site over HTTPS.
HSTS_SECONDS = int(env_str("T63_HSTS_SECONDS", "31536000"))
# Off only where TLS is not terminated in front of the app (a staging box on a private network).
SSL_REDIRECT = env_bool("T63_SSL_REDIRECT", True)
# Trust the client address in X-Forwarded-For (rate limits, login lockout): only behind our proxy.
TRUST_X_FORWARDED_FOR = env_bool("T63_TRUST_X_FORWARDED_FOR", False)
# Requests per client address per window, "count/seconds"; "0" turns a limit off.
RATE_LIMIT_SEARCH = env_str("T63_RATE_LIMIT_SEARCH", "30/60")
RATE_LIMIT_API = env_str("T63_RATE_LIMIT_API", "300/60")
# The "Ask the team" form (story_pages/learning): submissions per address, the seconds a person
# takes at least to fill it, and the days a question (personal data) is kept before the purge.
RATE_LIMIT_CONTACT = env_str("T63_RATE_LIMIT_CONTACT", "10/3600")
CONTACT_MIN_SECONDS = float(env_str("T63_CONTACT_MIN_SECONDS", "3"))
CONTACT_RETENTION_DAYS = int(env_str("T63_CONTACT_RETENTION_DAYS", "180"))
# Admin sign-in: this many failures for one username from one address lock it for a while.
LOGIN_MAX_FAILURES = int(env_str("T63_LOGIN_MAX_FAILURES", "5"))
LOGIN_LOCKOUT_MINUTES = int(env_str("T63_LOGIN_LOCKOUT_MINUTES", "15"))
# A CDN or caching proxy to purge when pages change: an HTTP PURGE endpoint (Varnish, nginx)...
FRONTEND_CACHE_URL = env_str("T63_FRONTEND_CACHE_URL")
# ...or Cloudflare (zone and API token).
CLOUDFLARE_ZONE_ID = env_str("T63_CLOUDFLARE_ZONE_ID")
CLOUDFLARE_BEARER_TOKEN = env_str("T63_CLOUDFLARE_BEARER_TOKEN")
# OpenSearch/Elasticsearch for Wagtail's search when the database backend is outgrown.
SEARCH_URL = env_str("T63_SEARCH_URL")
# Which of Wagtail's backends talks to it: opensearch2, opensearch3, elasticsearch7/8/9.
SEARCH_BACKEND = env_str("T63_SEARCH_BACKEND", "opensearch3")
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
# Outgoing e-mail (password resets, moderation notices): smtp://user:password@host:25,
# submission://…@host (STARTTLS, port 587), smtps://…@host (TLS, port 465), console://, locmem://.
# Unset in production, no e-mail leaves (each one is logged as not sent) and `check --deploy` warns.
EMAIL_URL = env_str("EMAIL_URL")
# The sender of every e-mail, e.g. "T63 <no-reply@t63.mic.gov.vn>"; default no-reply@ the site's host.
FROM_EMAIL = env_str("T63_FROM_EMAIL")
