import tempfile

from .base import *  # noqa: F403
from .environment import env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "test-only-not-secret-t63")
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "responses": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "responses"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="t63-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="t63-test-static-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Rate limits are off in tests, except in the tests of the limits themselves.
T63_RATE_LIMITS = {}
