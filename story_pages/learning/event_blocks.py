"""The blocks of a conference page (agenda, papers) and of a learning path (its steps)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtailmedia.blocks import VideoChooserBlock

from story_pages.models.stories import Theme


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("time"), required=False, format="%H:%M")
    title = blocks.CharBlock(label=pgettext_lazy("agenda", "item"), max_length=255)
    speaker = blocks.CharBlock(label=_("speaker"), max_length=255, required=False)

    class Meta:
        icon = "time"
        label = _("Agenda item")


class PaperValue(blocks.StructValue):
    @property
    def recording_url(self) -> str:
        """The uploaded recording's file, else the link to it on a video site."""
        if media := self.get("recording"):
            return media.url
        return self.get("recording_link") or ""


class PaperBlock(blocks.StructBlock):
    """A paper ("tham luận") presented at the conference, and the story it comes from."""

    title = blocks.CharBlock(label=_("title"), max_length=255)
    presenter = blocks.CharBlock(
        label=_("presenter"), max_length=255, help_text=_("Name and position, as on the programme.")
    )
    province = blocks.PageChooserBlock(
        label=_("province or unit"), page_type="story_pages.ProvincePage", required=False
    )
    theme = blocks.ChoiceBlock(label=_("theme"), choices=Theme.choices)
    # Like a story's video: an uploaded file (wagtailmedia) or a link to a video site. A
    # conference recording is not a story, so the 12-minute rule does not apply to it.
    recording = VideoChooserBlock(label=_("recording (uploaded video)"), required=False)
    recording_link = blocks.URLBlock(label=_("or a link to the recording"), required=False)
    slides = DocumentChooserBlock(label=_("slides"), required=False)
    story = blocks.PageChooserBlock(
        label=_("the story it comes from"), page_type="story_pages.StoryPage", required=False
    )

    class Meta:
        icon = "doc-full"
        label = _("Paper")
        value_class = PaperValue


class LearningStepBlock(blocks.StructBlock):
    story = blocks.PageChooserBlock(label=_("story"), page_type="story_pages.StoryPage")
    note = blocks.TextBlock(
        label=_("note"), required=False, help_text=_("Optional: what to look for in this story.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class AgendaBlock(blocks.StreamBlock):
    item = AgendaItemBlock()


class PapersBlock(blocks.StreamBlock):
    paper = PaperBlock()


class LearningStepsBlock(blocks.StreamBlock):
    step = LearningStepBlock()
