from django.apps import AppConfig


class StockSiteConfig(AppConfig):
    name = "perf.stock_site"
    label = "stock_site"
    default_auto_field = "django.db.models.BigAutoField"
