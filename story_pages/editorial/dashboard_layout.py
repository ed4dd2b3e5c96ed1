"""Which dashboard panels each team sees (see docs/editor-dashboard.md for why).

- a province editor: write a story, their drafts, their stories in review, their unit's published
  stories with their English status; not Wagtail's site-wide counts, nor the panels this replaces;
- a moderator (or superuser): the review queue, the coverage and the translation queue;
- a translator: the translation queue.
"""

from story_pages.editorial import roles
from story_pages.editorial.dashboard import CoveragePanel, TranslationsNeededPanel
from story_pages.editorial.editor_dashboard import (
    MyDraftsPanel,
    MyReviewsPanel,
    UnitPublishedPanel,
    WriteStoryPanel,
)

# Wagtail's own panels that the editor's panels replace: "your pages in a workflow" without the
# moderator's comment, "your most recent edits" beside the drafts, and a review queue that is
# always empty for someone who reviews nothing.
REPLACED_FOR_EDITORS = {"user_objects_in_workflow_moderation", "recent_edits", "workflow_objects_to_moderate"}


def is_editor_only(user) -> bool:
    """In a province's team and nothing more: the dashboard is made for them alone."""
    return bool(roles.units_edited_by(user)) and not (roles.is_moderator(user) or roles.is_translator(user))


def arrange_panels(request, panels) -> None:
    """The ``construct_homepage_panels`` hook."""
    user = request.user
    units = roles.units_edited_by(user)
    if units:
        if is_editor_only(user):
            panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_FOR_EDITORS]
        panels += [WriteStoryPanel(units), MyDraftsPanel(), MyReviewsPanel()]
        panels += [UnitPublishedPanel(unit) for unit in units]
    if roles.is_moderator(user) or roles.is_translator(user):
        panels.append(TranslationsNeededPanel())
    if user.has_perm("wagtailcore.publish_page") or roles.is_moderator(user):
        panels.append(CoveragePanel())


def hide_site_summary(request, summary_items) -> None:
    """The ``construct_homepage_summary_items`` hook: the site-wide counts of pages, images and
    documents say nothing to a province editor, and the pages count leads to the whole tree."""
    if is_editor_only(request.user):
        summary_items.clear()
