"""The story body: one StreamBlock and the blocks it is made of."""

from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments import StringSegmentValue
from wagtailmedia.blocks import VideoChooserBlock

from story_pages.rules.durations import format_duration
from story_pages.video.captions import CaptionError, Cue, check_cues, transcript_paragraphs
from story_pages.video.captions_field import CaptionsField, CaptionsInput, cues_as_text
from story_pages.video.duration_field import VideoDurationField

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]

# Hosts whose players T63 embeds. An embedded video's duration is stated by the editor.
EMBED_HOSTS = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "facebook.com": "Facebook",
    "fb.watch": "Facebook",
    "vimeo.com": "Vimeo",
}


def embed_provider(url: str) -> str | None:
    host = (urlparse(url).hostname or "").lower().removeprefix("www.").removeprefix("m.")
    return EMBED_HOSTS.get(host)


class DurationBlock(blocks.FieldBlock):
    """Seconds, typed as m:ss."""

    def __init__(self, required=False, help_text=None, **kwargs):
        self.field = VideoDurationField(required=required, help_text=help_text)
        super().__init__(**kwargs)


class CaptionsBlock(blocks.FieldBlock):
    """A video's captions: cues whose timings are the video's and whose texts each language has.

    Stored as a list of ``{start, end, text}``. wagtail-localize sees one segment per cue's text
    and keeps the original's timings, so a translation has the same cues in another language,
    translated in its editor and in the PO round trip like the body.
    """

    def __init__(self, required=False, help_text=None, **kwargs):
        self.field = CaptionsField(required=required, help_text=help_text)
        super().__init__(**kwargs)

    def get_default(self):
        return []

    def to_python(self, value):
        return [cue if isinstance(cue, Cue) else Cue.from_dict(cue) for cue in value or []]

    def normalize(self, value):
        return value if isinstance(value, CaptionsInput) else self.to_python(value)

    def get_prep_value(self, value):
        if isinstance(value, CaptionsInput):  # never cleaned: keep nothing rather than raw input
            return []
        return [cue.as_dict() for cue in value or []]

    def value_for_form(self, value):
        return value if isinstance(value, CaptionsInput) else cues_as_text(value)

    def value_from_form(self, value):
        return value

    def clean(self, value):
        if isinstance(value, CaptionsInput):
            return self.field.clean(value)
        try:
            check_cues(value)
        except CaptionError as error:
            raise ValidationError(error.messages) from error
        return value

    def get_searchable_content(self, value):
        return [cue.text for cue in value or []]

    def get_api_representation(self, value, context=None):
        return self.get_prep_value(value)

    # wagtail-localize: each cue's text is a segment, its place in the list the segment's path.
    def get_translatable_segments(self, value):
        return [StringSegmentValue(str(index), cue.text) for index, cue in enumerate(value or [])]

    def restore_translated_segments(self, value, segments):
        texts = {segment.path: segment.render_text() for segment in segments}
        return [
            Cue(cue.start, cue.end, texts.get(str(index), cue.text)) for index, cue in enumerate(value or [])
        ]


class ImageStructValue(blocks.StructValue):
    @property
    def alt_text(self):
        image = self.get("image")
        return self.get("alt_text") or (image and getattr(image, "description", "")) or ""


class StoryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_(
            "What the image shows, for readers who cannot see it. "
            "Leave empty to use the image's own description."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=255, help_text=_("Ảnh: …"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "story_pages/blocks/image.html"
        description = _("A photo with its caption and credit")
        value_class = ImageStructValue
        preview_value = {
            "caption": "Cán bộ một cửa hướng dẫn người dân dùng dịch vụ công trực tuyến",
            "credit": "Ảnh: Sở TT&TT",
        }

    def get_api_representation(self, value, context=None):
        image = value["image"]
        return {
            "image": image
            and {
                "id": image.pk,
                "title": image.title,
                "width": image.width,
                "height": image.height,
                "url": image.file.url,
            },
            "alt_text": value.alt_text,
            "caption": value["caption"],
            "credit": value["credit"],
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(
        label=_("Attribution"),
        required=False,
        max_length=255,
        help_text=_("Who said it, and their role"),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "story_pages/blocks/quote.html"
        description = _("Words of a person involved, with who they are")
        preview_value = {
            "text": "Người dân không phải đi lại nhiều lần nữa.",
            "attribution": "Cán bộ bộ phận một cửa",
        }


class KeyResultBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=40, help_text=_("For example 95% or 1.200"))
    label = blocks.CharBlock(label=_("What it measures"), max_length=255)

    class Meta:
        icon = "pick"
        label = _("Key result")
        template = "story_pages/blocks/key_result.html"
        description = _("A figure that shows what changed")
        preview_value = {"figure": "95%", "label": "hồ sơ được giải quyết trực tuyến"}


class LessonBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Lesson"), max_length=255)
    text = blocks.TextBlock(label=_("Explanation"), required=False)

    class Meta:
        icon = "tip"
        label = _("Lesson learned")
        template = "story_pages/blocks/lesson.html"
        description = _("What another province can learn from this")
        preview_value = {
            "title": "Bắt đầu từ nhu cầu của người dân",
            "text": "Hỏi người dân cần gì trước khi chọn công nghệ.",
        }


class VideoStructValue(blocks.StructValue):
    @property
    def source(self) -> str | None:
        if self.get("media"):
            return "upload"
        if self.get("embed_url"):
            return "embed"
        return None

    @property
    def duration(self) -> float | None:
        """Seconds: measured for an upload, stated by the editor for an embed."""
        if media := self.get("media"):
            return media.duration
        if self.get("embed_url"):
            return self.get("embed_duration")
        return None

    @property
    def duration_display(self) -> str:
        return format_duration(self.duration) if self.duration is not None else ""

    @cached_property
    def provider(self) -> str | None:
        url = self.get("embed_url")
        return embed_provider(url) if url else None

    @cached_property
    def web_renditions(self) -> list:
        """The worker's MP4s of an uploaded video, smallest first (the player's order)."""
        media = self.get("media")
        return sorted(media.renditions.all(), key=lambda rendition: rendition.height) if media else []

    @property
    def cues(self) -> list[Cue]:
        return (self.get("cues") or []) if self.source == "upload" else []

    @property
    def transcript_paragraphs(self) -> list[str]:
        """What is said in the video, as paragraphs: the captions of an upload, the editor's
        transcript of a linked video."""
        if self.source == "upload":
            return transcript_paragraphs(self.cues)
        if self.source == "embed":
            text = (self.get("transcript") or "").replace("\r\n", "\n")
            return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]
        return []

    @property
    def spoken_text(self) -> str:
        return "\n".join(self.transcript_paragraphs)


class VideoBlock(blocks.StructBlock):
    media = VideoChooserBlock(
        label=_("Uploaded video"),
        required=False,
        help_text=_("Its duration is measured from the file."),
    )
    cues = CaptionsBlock(
        label=_("Captions of the uploaded video"),
        help_text=_(
            "Needed before the story is submitted: what is said, cue by cue, in WebVTT. "
            "Translators translate each cue; the timings stay the same."
        ),
    )
    embed_url = blocks.URLBlock(label=_("Or a YouTube, Facebook or Vimeo link"), required=False)
    embed_duration = DurationBlock(
        label=_("Duration of the linked video"),
        help_text=_("minutes:seconds, for example 8:30. Videos must be under 12 minutes."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript of the linked video"),
        required=False,
        default="",  # videos saved before transcripts existed have none; wagtail-localize needs text
        help_text=_(
            "Needed before the story is submitted: what is said and shown in the video, for readers "
            "who cannot hear it. A blank line starts a new paragraph. It does not count toward the "
            "1,000 words."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "story_pages/blocks/video.html"
        description = _("An uploaded video, or a YouTube, Facebook or Vimeo link, under 12 minutes")
        value_class = VideoStructValue

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        media, url = value.get("media"), value.get("embed_url")
        if media and url:
            errors["embed_url"] = ValidationError(_("Choose an uploaded video or a link, not both."))
        elif url and not embed_provider(url):
            errors["embed_url"] = ValidationError(
                _("Only YouTube, Facebook and Vimeo links can be embedded.")
            )
        elif url and not value.get("embed_duration"):
            errors["embed_duration"] = ValidationError(_("State how long the linked video is."))
        elif not media and not url and not self.is_deferred_validation:
            errors["media"] = ValidationError(_("Choose an uploaded video or give a link."))
        cues = value.get("cues") or []
        if cues and url and not media:
            errors["cues"] = ValidationError(
                _("Captions go with an uploaded video; for a linked video, write the transcript.")
            )
        elif cues and media:
            try:
                check_cues(cues, duration=media.duration)
            except CaptionError as error:
                errors["cues"] = ValidationError(error.messages)
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def get_api_representation(self, value, context=None):
        media = value.get("media")
        return {
            "source": value.source,
            "media": media
            and {
                "id": media.pk,
                "title": media.title,
                "url": media.file.url,
                "duration": media.duration,
                "width": media.width,
                "height": media.height,
            },
            "embed_url": value.get("embed_url") or None,
            "duration": value.duration,
            "caption": value.get("caption"),
        }


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        label=_("Paragraph"),
        icon="pilcrow",
        template="story_pages/blocks/paragraph.html",
        description=_("Text: what the problem was, what was done, what changed"),
        preview_value="<p>Từ năm 2021, tỉnh đưa toàn bộ thủ tục hành chính lên mạng.</p>",
    )
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        icon="title",
        template="story_pages/blocks/heading.html",
        description=_("A short section heading"),
        preview_value="Kết quả sau một năm",
    )
    image = StoryImageBlock()
    quote = QuoteBlock()
    key_result = KeyResultBlock()
    lesson = LessonBlock()
    video = VideoBlock()
