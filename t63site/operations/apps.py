from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running T63 in production: backup and restore commands, the admin sign-in lockout, CDN purges,
    the default Site's address, the e-mail and address checks."""

    name = "t63site.operations"
    label = "t63_operations"
    verbose_name = _("Operations")

    def ready(self):
        from django.apps import apps
        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from django.db.models.signals import post_migrate
        from wagtail.signals import page_published, page_unpublished

        from story_pages.models import StoryPage
        from t63site import mail, site_address  # noqa: F401 (their deploy checks)
        from t63site.frontend_cache import purge_listing_pages
        from t63site.login_lockout import forget_failures, record_failure

        # The default Site follows T63_SITE_URL after every migrate (once: sent for wagtailcore).
        post_migrate.connect(
            site_address.after_migrate, sender=apps.get_app_config("wagtailcore"), dispatch_uid="t63-site-url"
        )
        user_login_failed.connect(record_failure, dispatch_uid="t63-login-lockout-failure")
        user_logged_in.connect(forget_failures, dispatch_uid="t63-login-lockout-success")
        for signal in (page_published, page_unpublished):
            signal.connect(purge_listing_pages, sender=StoryPage, dispatch_uid=f"t63-purge-{signal}")
