"""wagtailmedia's upload form, with the duration measured from the file instead of typed."""

import os
import tempfile

from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from wagtailmedia.forms import BaseMediaForm

from story_pages.rules import content as rules
from story_pages.rules.durations import format_duration
from story_pages.video.probe import DurationMismatch, NotPlayable, probe_media

# Filled in from the file and shown read-only: a typed figure would let a long video past the rule.
MEASURED_FIELDS = ("duration", "width", "height")

NOT_PLAYABLE = {
    "video": _("This file cannot be played as a video. Upload an MP4, WebM or MOV video file."),
    "audio": _("This file cannot be played as audio. Upload an MP3, M4A, OGG or WAV file."),
}
# A header that understates its frames would show readers (and broadcasters' systems) a false length.
DURATION_MISMATCH = _(
    "The file says it lasts %(header)s but its frames run for %(measured)s; "
    "export the video again and upload it once more."
)


class MeasuredMediaForm(BaseMediaForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in MEASURED_FIELDS:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].required = False
        if "duration" in self.fields:
            self.fields["duration"].help_text = _("Measured from the file, in seconds.")

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return cleaned_data
        kind = "audio" if self.instance.type == "audio" else "video"
        limit_mb = rules.max_video_megabytes()
        if upload.size > limit_mb * 1024 * 1024:
            self.add_error(
                "file",
                _("This file is %(size)s MB; the limit is %(limit)s MB.")
                % {
                    "size": rules.format_count(round(upload.size / 1024 / 1024)),
                    "limit": rules.format_count(limit_mb),
                },
            )
            return cleaned_data
        try:
            facts = probe_upload(upload, kind)
        except DurationMismatch as mismatch:
            self.add_error(
                "file",
                DURATION_MISMATCH
                % {
                    "header": format_duration(mismatch.header),
                    "measured": format_duration(mismatch.measured),
                },
            )
            return cleaned_data
        except NotPlayable:
            self.add_error("file", NOT_PLAYABLE[kind])
            return cleaned_data
        # A video of 12 minutes or more could never be published; refusing it here also stops a
        # published story's video from being replaced by a longer one.
        if kind == "video" and facts.duration >= rules.max_video_seconds():
            self.add_error(
                "file",
                _("This video lasts %(duration)s; a video must be shorter than %(limit)s.")
                % {
                    "duration": format_duration(facts.duration),
                    "limit": format_duration(rules.max_video_seconds()),
                },
            )
            return cleaned_data
        measured = {"duration": facts.duration, "width": facts.width, "height": facts.height}
        for name, value in measured.items():
            setattr(self.instance, name, value)
            if name in self.fields:
                cleaned_data[name] = value  # disabled fields would otherwise restore the old value
        if facts.poster_jpeg and not cleaned_data.get("thumbnail"):
            stem = os.path.splitext(os.path.basename(upload.name))[0]
            self.instance.thumbnail = ContentFile(facts.poster_jpeg, name=f"{stem}-poster.jpg")
        return cleaned_data


def probe_upload(upload, kind):
    """Probe an uploaded file, whether Django kept it in memory or on disk."""
    if hasattr(upload, "temporary_file_path"):
        return probe_media(upload.temporary_file_path(), kind)
    suffix = os.path.splitext(upload.name)[1]
    with tempfile.NamedTemporaryFile(suffix=suffix) as temporary:
        for chunk in upload.chunks():
            temporary.write(chunk)
        temporary.flush()
        upload.seek(0)
        return probe_media(temporary.name, kind)
