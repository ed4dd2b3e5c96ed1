"""Wagtail's banners after saving, submitting and publishing a page, listed so that T63's catalogue
translates them: Wagtail's own Vietnamese catalogue leaves them in English, and the project's
catalogue (LOCALE_PATHS) takes precedence over an app's. Delete a line when Wagtail ships it."""

from django.utils.translation import gettext_noop

WAGTAIL_PAGE_BANNERS = (
    gettext_noop("Page '%(page_title)s' created."),
    gettext_noop("Page '%(page_title)s' created and published."),
    gettext_noop("Page '%(page_title)s' created and scheduled for publishing."),
    gettext_noop("Page '%(page_title)s' created and submitted for moderation."),
    gettext_noop("Page '%(page_title)s' has been updated."),
    gettext_noop("Page '%(page_title)s' has been published."),
    gettext_noop("Page '%(page_title)s' has been scheduled for publishing."),
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
)
