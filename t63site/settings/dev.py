from .base import *  # noqa: F403
from .environment import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", True)
# A development key: dev settings never serve the public.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-t63")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
