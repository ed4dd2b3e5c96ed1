"""The ministry's review step: a group approval that cannot approve a story breaking a rule."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

# The buttons say what happens, in the glossary's words, keyed by (action, asks for a comment).
ACTION_LABELS = {
    ("reject", True): _("Request changes"),
    ("approve", False): _("Approve and publish"),
    ("approve", True): _("Approve and publish, with a comment"),
}


class StoryReviewTask(AbstractGroupApprovalTask):
    """Moderators approve or request changes; "approve" is withheld while the latest draft breaks a
    content rule (a moderator may have edited it during review), so nothing breaks at publish."""

    def get_actions(self, obj, user):
        actions = [
            (name, ACTION_LABELS.get((name, modal), label), modal)
            for name, label, modal in super().get_actions(obj, user)
        ]
        if _violations(obj):
            actions = [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and (violations := _violations(task_state.workflow_state.content_object)):
            raise PermissionDenied(" ".join(violations))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Moderators approve or request changes; a story that breaks a content rule cannot be approved"
        )

    class Meta:
        verbose_name = _("story review task")
        verbose_name_plural = _("story review tasks")


def _violations(obj) -> list[str]:
    draft = obj.get_latest_revision_as_object() if hasattr(obj, "get_latest_revision_as_object") else obj
    return draft.rule_violations() if hasattr(draft, "rule_violations") else []
