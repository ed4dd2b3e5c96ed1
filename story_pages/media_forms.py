"""wagtailmedia's upload form, with the duration measured from the file instead of typed."""

import os
import tempfile

from django.utils.translation import gettext_lazy as _
from wagtailmedia.forms import BaseMediaForm

from . import rules
from .durations import format_duration
from .video_probe import NotPlayable, probe_media

# Filled in from the file: an editor's figure would let a long video past the 12-minute rule.
MEASURED_FIELDS = ("duration", "width", "height")

NOT_PLAYABLE = {
    "video": _("This file cannot be played as a video. Upload an MP4, WebM or MOV video file."),
    "audio": _("This file cannot be played as audio. Upload an MP3, M4A, OGG or WAV file."),
}


class MeasuredMediaForm(BaseMediaForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in MEASURED_FIELDS:
            self.fields.pop(name, None)

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return cleaned_data
        kind = "audio" if self.instance.type == "audio" else "video"
        try:
            facts = probe_upload(upload, kind)
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
        self.instance.duration = facts.duration
        self.instance.width, self.instance.height = facts.width, facts.height
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
