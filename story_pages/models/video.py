"""What the worker makes of an uploaded video: web renditions, and how far it has got."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtailmedia.settings import wagtailmedia_settings


class ProcessingState(models.TextChoices):
    QUEUED = "queued", _("Waiting to be processed")
    RUNNING = "running", _("Processing")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Processing failed")


# What an editor is told about a failure, by the transcoder's reason (story_pages.video.transcode).
FAILURE_MESSAGES = {
    "no-video-stream": _("The file has no video picture to convert."),
    "no-frames": _("The file decodes to no picture at all; export the video again and upload it once more."),
    "undecodable": _(
        "Part of the file could not be decoded; export the video again and upload it once more."
    ),
    "encoder-error": _("The web versions could not be written; try again."),
    "missing-file": _("The uploaded file can no longer be found; upload the video again."),
    "internal": _("Something went wrong while processing; try again."),
}


class VideoProcessing(models.Model):
    """One uploaded video's web renditions being made by the worker.

    ``source_name`` is the file the state is about: a video whose file is replaced is processed
    again, and a task that finds a newer file than its own stops without touching anything.
    """

    media = models.OneToOneField(
        wagtailmedia_settings.MEDIA_MODEL,
        on_delete=models.CASCADE,
        related_name="processing",
        verbose_name=_("video"),
    )
    source_name = models.CharField(_("processed file"), max_length=255)
    state = models.CharField(
        _("state"), max_length=8, choices=ProcessingState.choices, default=ProcessingState.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    # A short code (FAILURE_MESSAGES says it to editors) and the
    # technical detail for whoever reads the logs.
    failure = models.CharField(_("failure"), max_length=32, blank=True)
    failure_detail = models.TextField(_("failure detail"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("video processing")
        verbose_name_plural = _("video processing")

    def __str__(self):
        return f"{self.media_id}: {self.state} {self.progress}%"

    @property
    def is_ready(self) -> bool:
        return self.state == ProcessingState.DONE

    @property
    def failure_message(self) -> str:
        return str(FAILURE_MESSAGES.get(self.failure, FAILURE_MESSAGES["internal"]))


class VideoRendition(models.Model):
    """An H.264/AAC MP4 made from an uploaded video for readers' browsers; the upload itself stays
    the broadcasters' master."""

    media = models.ForeignKey(
        wagtailmedia_settings.MEDIA_MODEL,
        on_delete=models.CASCADE,
        related_name="renditions",
        verbose_name=_("video"),
    )
    name = models.CharField(_("name"), max_length=16)  # "720p", "360p"
    file = models.FileField(_("file"), upload_to="media/renditions/")
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    size = models.PositiveBigIntegerField(_("size in bytes"))

    class Meta:
        verbose_name = _("video rendition")
        verbose_name_plural = _("video renditions")
        constraints = [models.UniqueConstraint(fields=["media", "name"], name="one_rendition_per_name")]
        ordering = ["-height"]

    def __str__(self):
        return f"{self.media_id} {self.name}"
