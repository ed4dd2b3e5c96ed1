"""The captions of a story's video in the editor: the cues as WebVTT text the editor can correct,
and a file input that replaces them with an uploaded WebVTT or SRT file."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from story_pages.video.captions import CaptionError, Cue, read_captions, refuse_oversized, to_webvtt

FILE_SUFFIX = "-file"
ACCEPTED_FILES = ".vtt,.srt,text/vtt,application/x-subrip"


@dataclass(frozen=True)
class CaptionsInput:
    """What the editor sent: the text area, and a file when one was chosen (it wins)."""

    text: str
    upload: UploadedFile | None = None


class CaptionsWidget(forms.Textarea):
    template_name = "story_pages/widgets/captions.html"

    def __init__(self, attrs=None):
        super().__init__({"rows": 6, "spellcheck": "false", "class": "t63-captions-text", **(attrs or {})})

    def value_from_datadict(self, data, files, name):
        return CaptionsInput(text=data.get(name, ""), upload=files.get(name + FILE_SUFFIX))

    def value_omitted_from_data(self, data, files, name):
        return name not in data and name + FILE_SUFFIX not in files

    def format_value(self, value):
        return value.text if isinstance(value, CaptionsInput) else super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["file_name"] = name + FILE_SUFFIX
        context["accept"] = ACCEPTED_FILES
        return context


class CaptionsField(forms.Field):
    """Cleans what the editor sent to a list of cues (empty: no captions)."""

    widget = CaptionsWidget

    def to_python(self, value) -> list[Cue]:
        if isinstance(value, list):
            return value
        if value is None:
            return []
        if isinstance(value, str):
            value = CaptionsInput(text=value)
        try:
            if value.upload is not None:
                return read_uploaded_captions(value.upload)
            if value.text.strip():
                return read_captions(value.text.encode("utf-8"))
        except CaptionError as error:
            raise ValidationError(error.messages, code="invalid_captions") from error
        return []


def read_uploaded_captions(upload: UploadedFile) -> list[Cue]:
    refuse_oversized(upload.size)  # by its size: a 50 MB file is never read into memory
    return read_captions(upload.read(), upload.name)


def cues_as_text(cues) -> str:
    """What the text area shows for stored cues."""
    return to_webvtt(cues) if cues else ""
