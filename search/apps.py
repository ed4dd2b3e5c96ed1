from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from search import indexing

        page_published.connect(indexing.on_published, dispatch_uid="t63-search-index")
        page_unpublished.connect(indexing.on_unpublished, dispatch_uid="t63-search-unindex")
