"""wagtailmedia's upload form, with the duration measured from the file instead of typed."""

import os
import tempfile

from django.utils.translation import gettext_lazy as _
from wagtailmedia.forms import BaseMediaForm

from .video_probe import NotAVideo, probe_video

# Filled in from the file: an editor's figure would let a long video past the 12-minute rule.
MEASURED_FIELDS = ("duration", "width", "height")


class MeasuredMediaForm(BaseMediaForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in MEASURED_FIELDS:
            self.fields.pop(name, None)

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            try:
                facts = probe_upload(upload)
            except NotAVideo:
                self.add_error(
                    "file",
                    _("This file cannot be played as a video. Upload an MP4, WebM or MOV video file."),
                )
            else:
                self.instance.duration = facts.duration
                self.instance.width = facts.width
                self.instance.height = facts.height
        return cleaned_data


def probe_upload(upload):
    """Probe an uploaded file, whether Django kept it in memory or on disk."""
    if hasattr(upload, "temporary_file_path"):
        return probe_video(upload.temporary_file_path())
    suffix = os.path.splitext(upload.name)[1]
    with tempfile.NamedTemporaryFile(suffix=suffix) as temporary:
        for chunk in upload.chunks():
            temporary.write(chunk)
        temporary.flush()
        upload.seek(0)
        return probe_video(temporary.name)
