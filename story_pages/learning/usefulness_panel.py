"""The story editor's view of "Was this useful?": for the province's team and the moderators only.

Readers never see these figures, and no page ranks stories by them.
"""

from wagtail.admin.panels import Panel
from wagtail.models import Locale

from story_pages.learning.usefulness import usefulness_report


def may_see_usefulness(user, story) -> bool:
    """Who may edit the story's original (the province's team, the moderators): translators,
    who edit only the English tree, do not see a province's figures."""
    original = story.get_translation_or_none(Locale.get_default()) or story
    return original.permissions_for_user(user).can_edit()


class UsefulnessPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "story_pages/learning/admin/usefulness_panel.html"

        def is_shown(self):
            story = self.instance
            return bool(story.pk and self.request and may_see_usefulness(self.request.user, story))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            versions = type(self.instance).objects.filter(translation_key=self.instance.translation_key)
            context["report"] = usefulness_report(versions.values("pk"))
            return context
