"""Settings shared by every environment. Secrets and hosts live in dev/test/production."""

import dj_database_url
from django.utils.translation import gettext_lazy as _

from t63site.settings import environment as env
from t63site.settings import services

BASE_DIR = env.BASE_DIR

INSTALLED_APPS = [
    "home",
    "story_pages",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtailmedia",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "t63site.operations",
    "django_tasks",
    "django_tasks_db",
]
if env.TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "t63site.bad_input.RefuseUnreadableUrls",
    "t63site.read_replica.ReadReplicaMiddleware",
    "t63site.rate_limits.RateLimitMiddleware",
    "t63site.security_headers.ContentSecurityPolicyMiddleware",
    "t63site.machine_http.MachineEndpointsMiddleware",
    "story_pages.visibility.PrivateSectionsOncePerRequest",
    "story_pages.site_wide.OneVersionPerRequest",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is known, before anything that reads cookies or the user.
    "t63site.reader_cache.ReaderPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "story_pages.distribution.documents.PrivateDocumentsStayPrivate",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "t63site.admin_hardcoded_text.TranslateHardCodedAdminText",
]

ROOT_URLCONF = "t63site.urls"
WSGI_APPLICATION = "t63site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "t63site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.DATABASE_URL, conn_max_age=env.DB_CONN_MAX_AGE, conn_health_checks=True
    )
}
# Readers' reads from a read replica, when there is one (t63site/read_replica.py says when not).
T63_READ_REPLICA = None
if env.DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        env.DATABASE_REPLICA_URL, conn_max_age=env.DB_CONN_MAX_AGE, conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    T63_READ_REPLICA = "replica"
DATABASE_ROUTERS = ["t63site.read_replica.ReadReplicaRouter"]

# Two caches. "default" holds Wagtail's and Django's own small caches (site root paths, image
# renditions), rate limits and login lockouts. "responses" holds T63's caches: whole reader pages,
# API and feed responses, and the content version their keys derive from. T63_CACHE=off turns
# only "responses" off; "default" then lives in each process's memory, as in a stock install.
if env.REDIS_URL and env.CACHE_ENABLED:
    _shared = {
        "BACKEND": "t63site.resilient_cache.ResilientRedisCache",
        "LOCATION": env.REDIS_URL,
        # A Redis that does not answer within a second counts as down: pages go uncached.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    CACHES = {"default": _shared, "responses": _shared}
else:
    _in_process = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    _off = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    CACHES = {"default": _in_process, "responses": _in_process if env.CACHE_ENABLED else _off}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English second; English pages live under /en/.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
# T63's own messages, then the Vietnamese of Wagtail, wagtail-localize and wagtailmedia that their
# packages lack (docs/admin-vietnamese.md); the first path wins where both translate a message.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_upstream"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# "Translate" must not publish an English page that still holds Vietnamese text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = env.STATIC_ROOT
STATICFILES_DIRS = [BASE_DIR / "t63site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.MEDIA_ROOT

WAGTAIL_SITE_NAME = "T63"
# ASCII slugs ("bac-giang-so-hoa-xet-nghiem"): links shared on Zalo, Facebook and in print stay
# readable instead of turning into percent-escapes.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The site's address (T63_SITE_URL): the default Site record is set from it at every migrate
# (t63site/site_address.py), and the links in e-mails to editors and the API's URLs start with it.
_site = services.site_address(env.SITE_URL)
T63_SITE_URL = _site.url
WAGTAILADMIN_BASE_URL = T63_SITE_URL
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # On PostgreSQL the admin's search folds Vietnamese as the readers' search does: the
        # configuration is made by search/migrations/0001 (SQLite's backend ignores this option).
        "SEARCH_CONFIG": "t63_vi",
    },
}
WAGTAILSEARCH_BACKENDS = services.search_engine() or WAGTAILSEARCH_BACKENDS
# Documents leave through /documents/ (story_pages.distribution.documents decides who gets one),
# streamed by the app: never a redirect to the file's own address in the storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

WAGTAILMEDIA = {
    # Our form measures the duration of every upload instead of trusting a typed value.
    "MEDIA_FORM_BASE": "story_pages.video.upload_form.MeasuredMediaForm",
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "mov", "webm", "mkv", "ogv"],
}

# The API: outlets may take up to 100 stories a page; `format` is a stories filter, not DRF's
# renderer switch.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = T63_SITE_URL
# JSON only (story_pages/api/renderers.py): no browsable HTML, made for whoever asked, for a cache to keep.
REST_FRAMEWORK = {
    "URL_FORMAT_OVERRIDE": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# story_pages settings (the app reads them with these defaults).
T63_MAX_WORDS = 1000
T63_MAX_VIDEO_SECONDS = 720
T63_MAX_VIDEO_MB = env.T63_MAX_VIDEO_MB
# Uploads above this go to a temporary file instead of memory (videos are large).
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Background work: the worker's backend (t63site/settings/services.py), and the threads one
# transcode may use.
TASKS, RQ_QUEUES = services.task_backends(env.TASKS_BACKEND, env.REDIS_URL)
T63_TRANSCODE_THREADS = env.TRANSCODE_THREADS
T63_TRANSCODE_YIELD_ABOVE = env.TRANSCODE_YIELD_ABOVE
# Outlets' webhooks go to public http(s) addresses only (no request into our own network); dev and
# test settings may allow a receiver on this machine.
T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False

# Production hardening (issue 7). Uploads: sizes, and content that must match the extension
# (images through Willow, videos through PyAV probing, documents through our form).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]  # no SVG: it can carry scripts
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "t63site.document_forms.CheckedDocumentForm"
WAGTAILADMIN_USER_LOGIN_FORM = "t63site.login_lockout.LockoutLoginForm"
# The lockout holds on every sign-in path, the readers' login for private sections included.
AUTHENTICATION_BACKENDS = ["t63site.login_lockout.LockoutBackend"]
T63_LOGIN_MAX_FAILURES = env.LOGIN_MAX_FAILURES
T63_LOGIN_LOCKOUT_MINUTES = env.LOGIN_LOCKOUT_MINUTES
T63_TRUST_X_FORWARDED_FOR = env.TRUST_X_FORWARDED_FOR
# story_pages asks the site where a request came from (its own forms' limits).
T63_CLIENT_ADDRESS = "t63site.client_address.client_address"
# Per client address: name -> (path prefixes, "requests/seconds").
T63_RATE_LIMITS = {
    "search": (("/search/", "/en/search/"), env.RATE_LIMIT_SEARCH),
    "api": (("/api/",), env.RATE_LIMIT_API),
}
# The "Ask the team" form: its own limit per address, the least seconds to fill it, the retention.
T63_RATE_LIMIT_CONTACT = env.RATE_LIMIT_CONTACT
T63_CONTACT_MIN_SECONDS = env.CONTACT_MIN_SECONDS
T63_CONTACT_RETENTION_DAYS = env.CONTACT_RETENTION_DAYS
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Readers' pages run only our own files; videos play in the providers' privacy-friendly players.
T63_CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "media-src": "'self'",
    "frame-src": "https://www.youtube-nocookie.com https://player.vimeo.com https://www.facebook.com",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
T63_CSP_EXEMPT_PATHS = ["/admin/"]  # Wagtail's admin relies on inline scripts
T63_CSP_FRAMEABLE_PATHS = ["/embed/"]  # the story card other sites put in an iframe
WAGTAILFRONTENDCACHE = services.frontend_cache()
# Each language version is its own page with its own URL: purge exactly that URL.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# E-mail (password resets, moderation notices) goes through t63site.mail.LoggingEmailBackend: a
# send that fails (refused, timed out, not configured) is logged and never fails the editor's
# action. It hands the messages to T63_EMAIL_BACKEND, chosen by EMAIL_URL; None: not configured
# (dev.py uses the console then, test.py locmem; in production `check --deploy` warns).
_email = services.email(env.EMAIL_URL)
EMAIL_BACKEND = "t63site.mail.LoggingEmailBackend"
T63_EMAIL_BACKEND = _email.backend
EMAIL_HOST = _email.host
EMAIL_PORT = _email.port
EMAIL_HOST_USER = _email.user
EMAIL_HOST_PASSWORD = _email.password
EMAIL_USE_TLS = _email.use_tls
EMAIL_USE_SSL = _email.use_ssl
EMAIL_TIMEOUT = _email.timeout
DEFAULT_FROM_EMAIL = env.FROM_EMAIL or _email.default_from or services.sender_address(_site)
SERVER_EMAIL = _email.server_email or DEFAULT_FROM_EMAIL  # the sender of error reports to ADMINS
# Moderation notices and password resets are written in the recipient's admin language, else
# Vietnamese, with links on WAGTAILADMIN_BASE_URL, as plain text with an HTML part (docs/emails.md).
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
# Submissions go to the moderators of the review step; a superuser would get each one twice (as a
# superuser of the workflow, and of the step), and the ministry's moderators are the reviewers.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "t63site.password_reset.HtmlPasswordResetForm"
