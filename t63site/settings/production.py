from django.core.exceptions import ImproperlyConfigured

from t63site.json_logging import logging_config
from t63site.settings import environment as env
from t63site.settings import services
from t63site.settings.base import *  # noqa: F403

DEBUG = False

if not env.SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not env.ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production.")

if env.CACHE_ENABLED and not env.REDIS_URL:
    # A cache in each process's memory would keep serving a story's old version from the
    # processes that did not handle its publish.
    raise ImproperlyConfigured("REDIS_URL must be set for production (or T63_CACHE=off).")

SECRET_KEY = env.SECRET_KEY
ALLOWED_HOSTS = env.ALLOWED_HOSTS

STORAGES = {
    "default": services.media_storage(),
    # Hashed, compressed names: browsers may keep static files forever.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if env.AWS_STORAGE_BUCKET_NAME:
    T63_CONTENT_SECURITY_POLICY = {
        **T63_CONTENT_SECURITY_POLICY,  # noqa: F405
        "img-src": f"'self' data: {services.media_origin()}",
        "media-src": f"'self' {services.media_origin()}",
    }

# Behind a TLS-terminating proxy (load balancer, nginx) that sets X-Forwarded-Proto: the app
# speaks plain HTTP and learns from that header that the reader used HTTPS. The proxy must
# overwrite the header a client sends, or a client could claim HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.SSL_REDIRECT
# Load balancers probe over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

LOGGING = logging_config(env.LOG_LEVEL)
