from urllib.parse import urlsplit

from t63site.settings.base import *  # noqa: F403
from t63site.settings.environment import (
    EMAIL_URL,
    WEBHOOKS_ALLOW_PRIVATE_ADDRESSES,
    env_bool,
    env_list,
    env_str,
)

DEBUG = env_bool("DEBUG", True)
# A development key: dev settings never serve the public.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-t63")
# The site's own host too, when T63_SITE_URL names another (a machine on the office network).
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", f"127.0.0.1,localhost,{urlsplit(T63_SITE_URL).hostname}")  # noqa: F405
# E-mails are printed where `make run` runs, unless EMAIL_URL names a server (a local Mailpit).
if not EMAIL_URL:
    T63_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A webhook receiver on this machine, to try them (T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=1).
T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = WEBHOOKS_ALLOW_PRIVATE_ADDRESSES
