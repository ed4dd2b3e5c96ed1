"""wagtail-localize's "Update translations" view, offering "Publish immediately" only to those
who may publish every translation it would publish (its own view checks only that the user may
submit translations). Everyone else updates the translations as drafts, which go to review.
Registered at wagtail-localize's own URL, ahead of it (wagtail_hooks.py)."""

from django.core.exceptions import ObjectDoesNotExist
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail_localize.views.update_translations import UpdateTranslationsView

from story_pages.publishing import may_publish

DRAFTS_ONLY = _("You may not publish: the translations are updated as drafts and a moderator publishes them.")


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        if not self._may_publish_every_translation():
            field = form.fields["publish_translations"]
            field.disabled = True  # a submitted "on" is ignored, not obeyed
            field.help_text = DRAFTS_ONLY
        return form

    def _may_publish_every_translation(self) -> bool:
        user = self.request.user
        for translation in self.object.translations.filter(enabled=True).select_related("target_locale"):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:  # it would be made and published at once, under its parent
                if not _may_publish_under(user, self.object.get_source_instance(), translation.target_locale):
                    return False
                continue
            if hasattr(target, "permissions_for_user") and not may_publish(user, target):
                return False
        return True


def update_translations_url():
    return path(
        "localize/update/<int:translation_source_id>/",
        ReviewedUpdateTranslationsView.as_view(),
        name="t63_update_translations",
    )


def _may_publish_under(user, source, locale) -> bool:
    """Whether ``user`` may publish a new translation of ``source`` in ``locale``: below its
    parent's translation there."""
    parent = source.get_parent() if hasattr(source, "get_parent") else None
    target_parent = parent.get_translation_or_none(locale) if parent is not None else None
    if target_parent is None:
        return user.is_superuser
    return target_parent.permissions_for_user(user).can_publish_subpage()
