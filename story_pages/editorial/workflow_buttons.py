"""The editor's workflow buttons say what happens: "Gửi kiểm duyệt", "Duyệt và xuất bản", "Yêu cầu
sửa". Wagtail labels the submit button after the workflow ("Submit to Kiểm duyệt T63") and wraps
the task's approve label in "%(label)s and Publish", so both are set again once the menu is built."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import SubmitForModerationMenuItem, WorkflowMenuItem

from story_pages.models.review import ACTION_LABELS, StoryReviewTask

SUBMIT = _("Submit for review")
RESUBMIT = _("Submit for review again")


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page and page.pk else None
        sent_back = state is not None and state.status == state.STATUS_NEEDS_CHANGES
        context["label"] = RESUBMIT if sent_back else SUBMIT
        return context


def relabel_workflow_buttons(menu_items, request, context):
    """The construct_page_action_menu hook."""
    page = context.get("page")
    in_review = page is not None and page.pk and isinstance(page.current_workflow_task, StoryReviewTask)
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitForReviewMenuItem(order=item.order)
        elif in_review and isinstance(item, WorkflowMenuItem):
            item.label = ACTION_LABELS.get((item.name, item.launch_modal), item.label)
