from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoryPagesConfig(AppConfig):
    name = "story_pages"
    verbose_name = _("Stories")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from .models import StoryPage
        from .translation_state import refresh_translation_sources

        page_published.connect(refresh_translation_sources, sender=StoryPage)
