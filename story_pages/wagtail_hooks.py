from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import StoryPage

PUBLISHING_ACTIONS = ("action-publish", "action-submit")


def warn_about_rule_violations(request, page):
    """A draft that breaks a rule is saved, and the editor is told what still blocks publishing."""
    if not isinstance(page, StoryPage) or any(action in request.POST for action in PUBLISHING_ACTIONS):
        return
    if not request.accepts("text/html"):  # autosave: the editor will see it on the next save
        return
    violations = page.rule_violations()
    if violations:
        messages.warning(
            request,
            _("The draft was saved, but it cannot be submitted or published yet: %(problems)s")
            % {"problems": " ".join(violations)},
        )


hooks.register("after_create_page", warn_about_rule_violations)
hooks.register("after_edit_page", warn_about_rule_violations)
