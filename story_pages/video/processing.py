"""The worker's video task: web renditions and a poster for every uploaded video.

Saving a video whose file is new or replaced queues ``process_video`` (on the "video" queue,
once the upload's transaction commits). The task records its progress where the admin reads it,
and swaps the new renditions in only when all of them are written: a failed or superseded
transcode leaves the previous renditions, and nothing half-made, in place.
"""

import contextlib
import logging
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django_tasks import task

from story_pages import content_version
from story_pages.models.video import ProcessingState, VideoProcessing, VideoRendition
from story_pages.video.pacing import ReadersFirst
from story_pages.video.transcode import TranscodeFailed, poster_jpeg, transcode

logger = logging.getLogger(__name__)

PROGRESS_STEP = 1  # percent: a finer step would only write more rows


def request_processing(media, *, again: bool = False) -> VideoProcessing | None:
    """Queue web renditions for ``media`` if its file has not been processed yet (or ``again``).

    Called on every save of a media item; a save that keeps the same file does nothing.
    """
    if media.type != "video" or not media.file:
        return None
    processing, created = VideoProcessing.objects.get_or_create(
        media=media, defaults={"source_name": media.file.name}
    )
    if not created and processing.source_name == media.file.name and not again:
        return processing
    processing.source_name = media.file.name
    processing.state = ProcessingState.QUEUED
    processing.progress = 0
    processing.failure = processing.failure_detail = ""
    processing.save()
    media_id, source_name = media.pk, media.file.name
    transaction.on_commit(lambda: process_video.enqueue(media_id, source_name))
    return processing


def queue_on_save(sender, instance, **kwargs):
    """post_save of the media model: a new or replaced video file is processed."""
    if not kwargs.get("raw"):
        request_processing(instance)


@task(queue_name="video")
def process_video(media_id: int, source_name: str) -> str:
    """Make the web renditions (and a poster if the video has none) of one uploaded file."""
    current = VideoProcessing.objects.filter(media_id=media_id, source_name=source_name)
    processing = current.select_related("media").first()
    if processing is None:  # the video was deleted, or its file replaced: a newer task follows
        return "superseded"
    if processing.state == ProcessingState.DONE:  # processed meanwhile (the demo loader does)
        return "done"
    current.update(state=ProcessingState.RUNNING, progress=0, attempts=processing.attempts + 1)
    media = processing.media
    if not media.file.storage.exists(media.file.name):
        current.update(state=ProcessingState.FAILED, failure="missing-file", failure_detail=media.file.name)
        return "missing-file"
    try:
        with tempfile.TemporaryDirectory(prefix="t63-transcode-") as work, _local_copy(media.file) as source:
            files = transcode(
                source,
                Path(work),
                on_progress=_ProgressWriter(current).write,
                threads=getattr(settings, "T63_TRANSCODE_THREADS", 0),
                pace=ReadersFirst(getattr(settings, "T63_TRANSCODE_YIELD_ABOVE", None)).pause_while_busy,
            )
            poster = None if media.thumbnail else poster_jpeg(source)
            return _swap_in(media, source_name, files, poster)
    except TranscodeFailed as failure:
        logger.warning("Transcoding video %s failed: %s %s", media_id, failure.reason, failure)
        current.update(state=ProcessingState.FAILED, failure=failure.reason, failure_detail=str(failure))
        return failure.reason
    except Exception as error:
        logger.exception("Processing video %s failed", media_id)
        current.update(state=ProcessingState.FAILED, failure="internal", failure_detail=repr(error))
        raise


class _ProgressWriter:
    """Writes whole percents, and only when they change: a transcode reports many fractions."""

    def __init__(self, rows):
        self.rows = rows
        self.written = 0

    def write(self, fraction: float):
        percent = min(99, int(fraction * 100))  # 100 % only once the renditions are stored
        if percent >= self.written + PROGRESS_STEP:
            self.rows.update(progress=percent)
            self.written = percent


@contextlib.contextmanager
def _local_copy(field_file):
    """A path to the upload: its own on a local disk, a temporary copy from a bucket."""
    try:
        yield Path(field_file.path)
        return
    except NotImplementedError:  # storage without paths (S3)
        pass
    suffix = Path(field_file.name).suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        with field_file.storage.open(field_file.name, "rb") as stored:
            shutil.copyfileobj(stored, copy, 1024 * 1024)
        copy.flush()
        yield Path(copy.name)


def _swap_in(media, source_name: str, files, poster: bytes | None) -> str:
    """Store the new renditions and drop the old ones in one transaction, unless a newer file
    arrived meanwhile; the old files are deleted once that has committed."""
    stem = Path(source_name).stem
    stored: list[VideoRendition] = []
    try:
        for made in files:
            rendition = VideoRendition(
                media=media, name=made.name, width=made.width, height=made.height, size=made.size
            )
            with made.path.open("rb") as handle:
                rendition.file.save(f"{stem}-{made.name}.mp4", File(handle), save=False)
            stored.append(rendition)
        with transaction.atomic():
            processing = VideoProcessing.objects.select_for_update().get(media=media)
            if processing.source_name != source_name:
                raise _Superseded
            old = list(media.renditions.all())
            VideoRendition.objects.filter(pk__in=[r.pk for r in old]).delete()
            VideoRendition.objects.bulk_create(stored)
            if poster:
                media.thumbnail.save(f"{stem}-poster.jpg", ContentFile(poster), save=False)
                type(media).objects.filter(pk=media.pk).update(thumbnail=media.thumbnail.name)
            processing.state, processing.progress = ProcessingState.DONE, 100
            processing.save()
            content_version.bump()  # pages and API answers now name the new files
            transaction.on_commit(lambda: _delete_files(old))
    except _Superseded:
        _delete_files(stored)
        return "superseded"
    except BaseException:
        _delete_files(stored)
        raise
    return "done"


class _Superseded(Exception):
    pass


def _delete_files(renditions):
    for rendition in renditions:
        if rendition.file:
            rendition.file.storage.delete(rendition.file.name)
