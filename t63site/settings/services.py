"""Optional outside services, each switched on by its environment variables: S3-compatible media,
a CDN to purge, OpenSearch/Elasticsearch. With none set, T63 runs on the database and disk alone."""

from . import environment as env


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
