"""Storing a video file on disk as a wagtailmedia item, measured like any upload."""

from pathlib import Path

from django.core.files import File
from wagtailmedia.models import get_media_model

from .video_probe import probe_media


def create_video_media(path: Path, title: str):
    facts = probe_media(str(path), "video")
    Media = get_media_model()
    with path.open("rb") as handle:
        media = Media(
            title=title, type="video", duration=facts.duration, width=facts.width, height=facts.height
        )
        media.file = File(handle, name=path.name)
        media.save()
    return media
