from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running T63 in production: backup and restore commands, the admin sign-in lockout, CDN purges."""

    name = "t63site.operations"
    label = "t63_operations"
    verbose_name = _("Operations")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from wagtail.signals import page_published, page_unpublished

        from story_pages.models import StoryPage
        from t63site.frontend_cache import purge_listing_pages
        from t63site.login_lockout import forget_failures, record_failure

        user_login_failed.connect(record_failure, dispatch_uid="t63-login-lockout-failure")
        user_logged_in.connect(forget_failures, dispatch_uid="t63-login-lockout-success")
        for signal in (page_published, page_unpublished):
            signal.connect(purge_listing_pages, sender=StoryPage, dispatch_uid=f"t63-purge-{signal}")
