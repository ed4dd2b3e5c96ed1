"""Editor panels of our own."""

from django import forms
from wagtail.admin.panels import Panel

from story_pages.rules import content as rules
from story_pages.rules.durations import format_duration


class WordCounterPanel(Panel):
    """The live count of the body's words against the limit, by the server's own rule."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "story_pages/admin/word_counter_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["max_words"] = rules.max_words()
            context["video_limit"] = format_duration(rules.max_video_seconds())
            return context

        @property
        def media(self):
            return forms.Media(
                js=["story_pages/js/wordcount.js", "story_pages/js/word-counter-admin.js"],
                css={"all": ["story_pages/css/admin.css"]},
            )
