import tempfile
from pathlib import Path

from t63site.settings import environment as env
from t63site.settings import services
from t63site.settings.base import *  # noqa: F403
from t63site.settings.environment import env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "test-only-not-secret-t63")
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "responses": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "responses"},
}
# The worker's tests start a worker process that must see the same files.
MEDIA_ROOT = env_str("T63_TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="t63-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="t63-test-static-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The address of the Site the migrations make (localhost, port 80): the test database keeps it.
T63_SITE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://localhost"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
T63_EMAIL_BACKEND = EMAIL_BACKEND  # where t63site.mail.LoggingEmailBackend delivers, in its tests
# Rate limits are off in tests, except in the tests of the limits themselves.
T63_RATE_LIMITS = {}
# One process makes every change in a test, and query counts must not depend on the clock: the
# content version's database check (story_pages.content_version) runs only after a cache failure.
T63_CONTENT_VERSION_CHECK_SECONDS = None
# Background work runs inside the test's own process; the worker's tests queue it in the database
# and start a real worker process (tests/story_pages/video/test_worker.py), which sets T63_TASKS.
TASKS, RQ_QUEUES = services.task_backends(env_str("T63_TASKS", "immediate"), env_str("REDIS_URL"))
# Transcodes in tests do not wait for an idle machine (pacing has its own tests).
T63_TRANSCODE_YIELD_ABOVE = None
# Refused as in production, except where a test sends webhooks to its own receiver on 127.0.0.1 (and
# tells the worker process it starts).
T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, not memory: the worker process opens the same test database.
    _test_database = Path(tempfile.mkdtemp(prefix="t63-test-db-")) / "t63.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(_test_database)}  # noqa: F405
