from wagtail.fields import StreamField
from wagtail.models import Page

from story_pages.blocks import StoryBodyBlock


class StockHomePage(Page):
    """A home page listing its child stories, newest first, as the Wagtail tutorial's blog index."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = self.get_children().live().order_by("-first_published_at")
        return context


class StockStoryPage(Page):
    """A T63 story's body (the same blocks and block templates) in a plain Wagtail page."""

    body = StreamField(StoryBodyBlock(), blank=True)
