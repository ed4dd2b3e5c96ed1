"""Optional outside services, each switched on by its environment variables: S3-compatible media,
a CDN to purge, OpenSearch/Elasticsearch, a mail server; and the site's own address. With none set,
T63 runs on the database and disk alone."""

import ipaddress
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from t63site.settings import environment as env


def media_storage() -> dict:
    if not env.AWS_STORAGE_BUCKET_NAME:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": env.AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": env.AWS_S3_ENDPOINT_URL or None,
        "region_name": env.AWS_S3_REGION_NAME or None,
        "custom_domain": env.AWS_S3_CUSTOM_DOMAIN or None,
        # Uploads keep their names unique in Wagtail already; never overwrite another file silently.
        "file_overwrite": False,
        # Public media: plain URLs a CDN can cache, not signed ones that expire in shared links.
        "querystring_auth": False,
        "default_acl": None,
    }
    if env.AWS_ACCESS_KEY_ID:
        options["access_key"] = env.AWS_ACCESS_KEY_ID
        options["secret_key"] = env.AWS_SECRET_ACCESS_KEY
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origin() -> str:
    """Where media are served from when they live in a bucket: the CSP must allow it."""
    if env.AWS_S3_CUSTOM_DOMAIN:
        return f"https://{env.AWS_S3_CUSTOM_DOMAIN}"
    if env.AWS_S3_ENDPOINT_URL:
        return env.AWS_S3_ENDPOINT_URL.rstrip("/")
    return f"https://{env.AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"


def frontend_cache() -> dict:
    """Wagtail purges a page's URLs here when it is published or unpublished."""
    backends = {}
    if env.FRONTEND_CACHE_URL:
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env.FRONTEND_CACHE_URL,
        }
    if env.CLOUDFLARE_ZONE_ID:
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": env.CLOUDFLARE_ZONE_ID,
            "BEARER_TOKEN": env.CLOUDFLARE_BEARER_TOKEN,
        }
    return backends


def task_backends(kind: str, redis_url: str) -> tuple[dict, dict]:
    """Django's TASKS setting and django-rq's RQ_QUEUES for the chosen kind of worker."""
    queues = list(TASK_QUEUES)
    if kind == "database":
        return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": queues}}, {}
    if kind == "immediate":
        return {
            "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": queues}
        }, {}
    if kind == "rq":
        if not redis_url:
            raise ImproperlyConfigured("T63_TASKS=rq needs REDIS_URL.")
        # A transcode of a 12-minute video takes minutes: RQ's default timeout (180 s) would kill it.
        rq_queues = {name: {"URL": redis_url, "DEFAULT_TIMEOUT": 3600} for name in queues}
        return {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": queues}}, rq_queues
    raise ImproperlyConfigured(f"T63_TASKS must be database, rq or immediate, not {kind!r}.")


# "default" for Wagtail's own small tasks, "video" for transcodes (a worker may take only one).
TASK_QUEUES = ("default", "video")


def search_engine() -> dict | None:
    """Wagtail's search on OpenSearch/Elasticsearch, when the database backend is outgrown."""
    if not env.SEARCH_URL:
        return None
    return {
        "default": {
            # Needs the backend's client package (opensearch-py or elasticsearch) installed.
            "BACKEND": f"wagtail.search.backends.{env.SEARCH_BACKEND}",
            "URLS": [env.SEARCH_URL],
            "INDEX_PREFIX": "t63_",
            "TIMEOUT": 5,
        }
    }


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is served: what Wagtail's Site record holds (its root URL is built from these)."""

    scheme: str
    hostname: str
    port: int

    @property
    def url(self) -> str:
        default_port = {"http": 80, "https": 443}[self.scheme]
        return f"{self.scheme}://{self.hostname}" + ("" if self.port == default_port else f":{self.port}")


def site_address(url: str) -> SiteAddress:
    """T63_SITE_URL, checked: a scheme and a host, no path. Wagtail writes a Site's root URL as
    http://host for port 80, https://host for 443 and http://host:port otherwise, so HTTPS on
    another port cannot be named (nor plain HTTP on 443)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise ImproperlyConfigured(f"T63_SITE_URL {url!r} is not a URL: {error}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"T63_SITE_URL must be http(s)://host[:port], not {url!r}.")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ImproperlyConfigured(f"T63_SITE_URL names the site's root, no path, query or user: {url!r}.")
    default_port = 443 if parts.scheme == "https" else 80
    port = port or default_port
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured(
            f"T63_SITE_URL {url!r}: a Wagtail Site serves HTTPS on port 443 only, plain HTTP on any other."
        )
    return SiteAddress(parts.scheme, parts.hostname.lower(), port)


# EMAIL_URL's schemes. dj-email-url reads smtps:// as STARTTLS and warns that it is deprecated;
# here it means what RFC 8314 and every mail client mean by it, TLS from the first byte (port 465).
EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "submission": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
# A mail server that does not answer must not hold an editor's request until gunicorn kills it.
EMAIL_TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class EmailSettings:
    """Django's EMAIL_* settings and where t63site.mail delivers (backend None: not configured)."""

    backend: str | None = None
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = field(default="", repr=False)
    use_tls: bool = False
    use_ssl: bool = False
    timeout: int | None = None
    default_from: str = ""
    server_email: str = ""


def email(url: str) -> EmailSettings:
    """EMAIL_URL read with dj-email-url: smtp://user:password@host:25 (STARTTLS with ?tls=1),
    submission://…@host (STARTTLS, 587), smtps://…@host (TLS, 465), console://, locmem://. A user
    or password with @ : / in it is percent-encoded. ?timeout=seconds (default 10),
    ?_default_from_email=… and ?_server_email=… are read too."""
    if not url:
        return EmailSettings()
    scheme = url.partition("://")[0].lower()
    if scheme not in EMAIL_BACKENDS:
        raise ImproperlyConfigured(
            f"EMAIL_URL: unknown scheme {scheme!r}; use one of {', '.join(EMAIL_BACKENDS)}."
        )
    backend = EMAIL_BACKENDS[scheme]
    if scheme in ("console", "locmem"):
        return EmailSettings(backend=backend)
    rest = url[len(scheme) :]
    try:
        parsed = dj_email_url.parse(("submission" if scheme == "smtps" else scheme) + rest)
        query = parse_qs(urlsplit(url).query)
    except ValueError as error:  # a port that is not a number
        raise ImproperlyConfigured(f"EMAIL_URL is not a URL: {error}") from None
    if not parsed["EMAIL_HOST"]:
        raise ImproperlyConfigured(f"EMAIL_URL: {scheme}:// needs the mail server's host name.")
    use_tls, use_ssl, port = parsed["EMAIL_USE_TLS"], parsed["EMAIL_USE_SSL"], parsed["EMAIL_PORT"]
    if scheme == "smtps" and "ssl" not in query and "tls" not in query:
        use_tls, use_ssl = False, True
        port = port if urlsplit(url).port else 465
    return EmailSettings(
        backend=backend,
        host=parsed["EMAIL_HOST"],
        port=port,
        user=parsed["EMAIL_HOST_USER"] or "",
        password=parsed["EMAIL_HOST_PASSWORD"] or "",
        use_tls=use_tls,
        use_ssl=use_ssl,
        timeout=parsed["EMAIL_TIMEOUT"] or EMAIL_TIMEOUT_SECONDS,
        default_from=parsed.get("DEFAULT_FROM_EMAIL", ""),
        server_email=parsed.get("SERVER_EMAIL", ""),
    )


def sender_address(site: SiteAddress) -> str:
    """The default sender, no-reply@ the site's host name (localhost when it is an IP address)."""
    try:
        ipaddress.ip_address(site.hostname)
        domain = "localhost"
    except ValueError:
        domain = site.hostname
    return f"T63 <no-reply@{domain}>"
