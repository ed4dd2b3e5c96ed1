"""The default Site record follows T63_SITE_URL.

Wagtail builds every absolute page URL from the Site record (canonical, og:url, hreflang, the
language switcher, the API's URLs, feeds, ninjs, the sitemap), and the migration that made it
wrote http://localhost. It is set from settings.T63_SITE_URL after every `migrate` (`make run`'s
set-up and `make serve` both migrate) and by `manage.py configure_site`; both do nothing when it
already matches.
"""

import logging

from django.conf import settings
from django.core import checks
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.http.request import validate_host

from t63site.settings.services import site_address

logger = logging.getLogger("t63.site")

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def configure_default_site(using: str = DEFAULT_DB_ALIAS) -> tuple[str, bool]:
    """Point the default Site at settings.T63_SITE_URL. Returns its root URL and whether it changed
    (nothing to do before the Site table and the default Site exist)."""
    from wagtail.models import Site

    address = site_address(settings.T63_SITE_URL)
    if Site._meta.db_table not in connections[using].introspection.table_names():
        return address.url, False
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return address.url, False
    if (site.hostname, site.port) == (address.hostname, address.port):
        return site.root_url, False
    clash = Site.objects.using(using).filter(hostname=address.hostname, port=address.port).exclude(pk=site.pk)
    if clash.exists():
        logger.warning("Site %s already exists: the default Site is left at %s", address.url, site.root_url)
        return site.root_url, False
    previous = site.root_url
    site.hostname, site.port = address.hostname, address.port
    site.save(using=using, update_fields=["hostname", "port"])  # clears Wagtail's cached site roots
    _new_content_version(using)
    logger.info("Default Site: %s (was %s)", site.root_url, previous)
    return site.root_url, True


def _new_content_version(using: str) -> None:
    """Cached pages and machine responses name the old address: serve none of them again."""
    from story_pages import content_version

    try:
        with transaction.atomic(using=using):
            content_version.bump()
    except DatabaseError as error:  # a partial migrate, before the version's table exists
        logger.warning("Default Site changed, content version not bumped: %s", error)


def after_migrate(sender, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs) -> None:
    """post_migrate receiver (sent once per migrate for wagtailcore)."""
    url, changed = configure_default_site(using)
    if changed and verbosity >= 1:
        print(f"Default Site set to {url} (T63_SITE_URL).")


@checks.register("t63", deploy=True)
def check_site_url(app_configs=None, **kwargs):
    """`check --deploy`: the public address is set, and it is one this server answers to."""
    address = site_address(settings.T63_SITE_URL)
    warnings = []
    if address.hostname in LOOPBACK_HOSTS:
        warnings.append(
            checks.Warning(
                f"T63_SITE_URL is {address.url}: every absolute URL (canonical, feeds, API, e-mails) "
                "names this machine instead of the public address.",
                hint="Set T63_SITE_URL to the public address, e.g. https://t63.mic.gov.vn (docs/deploy.md).",
                id="t63.W002",
            )
        )
    elif not validate_host(address.hostname, settings.ALLOWED_HOSTS):
        warnings.append(
            checks.Warning(
                f"T63_SITE_URL's host {address.hostname} is not in ALLOWED_HOSTS.",
                hint="Add it to ALLOWED_HOSTS, or correct T63_SITE_URL.",
                id="t63.W003",
            )
        )
    return warnings
