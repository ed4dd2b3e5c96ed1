"""Production settings plus the stock Wagtail pages the bench compares T63's pages with
(perf/stock_site): `make bench` runs the whole site with these, and only the bench does."""

from t63site.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "perf.stock_site"]  # noqa: F405
