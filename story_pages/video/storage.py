"""Storing a video file on disk as a wagtailmedia item, measured like any upload."""

from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile
from wagtailmedia.models import get_media_model

from story_pages.video.probe import probe_media


def create_video_media(path: Path, title: str):
    facts = probe_media(str(path), "video")
    Media = get_media_model()
    with path.open("rb") as handle:
        media = Media(
            title=title, type="video", duration=facts.duration, width=facts.width, height=facts.height
        )
        media.file = File(handle, name=path.name)
        if facts.poster_jpeg:
            media.thumbnail = ContentFile(facts.poster_jpeg, name=f"{path.stem}-poster.jpg")
        media.save()
    return media
