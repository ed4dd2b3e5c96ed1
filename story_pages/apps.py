from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoryPagesConfig(AppConfig):
    name = "story_pages"
    verbose_name = _("Stories")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.images import get_image_model
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move
        from wagtailmedia.models import get_media_model

        from story_pages import cache_invalidation, content_version, made_pictures
        from story_pages.distribution import changes
        from story_pages.distribution.webhooks import fanout
        from story_pages.editorial.translation_state import refresh_translation_sources
        from story_pages.models import SiteOwner, StoryPage
        from story_pages.official import identity
        from story_pages.video.processing import queue_on_save

        page_published.connect(refresh_translation_sources, sender=StoryPage)
        # Anything that changes what readers and outlets are served starts a new content version:
        # a story's publish or withdrawal for what shows it (cache tags), anything else for all.
        for signal in (page_published, page_unpublished):
            signal.connect(cache_invalidation.page_changed, dispatch_uid=f"t63-version-{signal}")
        post_page_move.connect(content_version.bump, dispatch_uid=f"t63-version-{post_page_move}")
        post_delete.connect(content_version.bump, sender=Page, dispatch_uid="t63-version-page-delete")
        # A view restriction made or lifted hides or shows a section at once, cached copies too; a
        # site's root, host or port changes which page an address leads to (reading.site_routing).
        for model in (get_image_model(), get_media_model(), PageViewRestriction, Site):
            post_save.connect(content_version.bump, sender=model, dispatch_uid=f"t63-version-save-{model}")
            post_delete.connect(
                content_version.bump, sender=model, dispatch_uid=f"t63-version-delete-{model}"
            )
        # A deleted rendition's file may be gone: pictures made with it are made again.
        rendition_model = get_image_model().renditions.rel.related_model
        post_delete.connect(made_pictures.forget_all, sender=rendition_model, dispatch_uid="t63-pictures")
        # The site owner's texts are on every reader page.
        post_save.connect(identity.owner_saved, sender=SiteOwner, dispatch_uid="t63-version-site-owner")
        # The change feed records what each of them did to the public stories: after the version's
        # bump, in the same transaction (connected later, called later).
        page_published.connect(changes.story_published, dispatch_uid="t63-changes-published")
        page_unpublished.connect(changes.story_unpublished, dispatch_uid="t63-changes-unpublished")
        post_page_move.connect(changes.page_moved, dispatch_uid="t63-changes-moved")
        post_delete.connect(changes.page_deleted, sender=Page, dispatch_uid="t63-changes-deleted")
        post_save.connect(
            changes.restriction_changed, sender=PageViewRestriction, dispatch_uid="t63-changes-restricted"
        )
        post_delete.connect(
            changes.restriction_changed, sender=PageViewRestriction, dispatch_uid="t63-changes-unrestricted"
        )
        # Outlets' webhooks are sent what was recorded, decided in the same transaction.
        changes.changes_recorded.connect(fanout.changes_recorded, dispatch_uid="t63-webhooks-fanout")
        # A new or replaced video file gets its web renditions from the worker.
        post_save.connect(queue_on_save, sender=get_media_model(), dispatch_uid="t63-video-processing")
