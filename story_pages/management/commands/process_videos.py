"""Queue web renditions for every uploaded video that has none yet (videos uploaded before T63
made renditions, or restored from a backup); `--failed` retries the failed ones too."""

from django.core.management.base import BaseCommand
from wagtailmedia.models import get_media_model

from story_pages.models import ProcessingState, VideoProcessing
from story_pages.video.processing import request_processing


class Command(BaseCommand):
    help = "Queue web renditions for uploaded videos that have none (the worker makes them)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--failed", action="store_true", help="Also retry videos whose processing failed."
        )

    def handle(self, *args, failed=False, **options):
        waiting = 0
        for media in get_media_model().objects.filter(type="video").exclude(file=""):
            before = VideoProcessing.objects.filter(media=media).first()
            retry = failed and before is not None and before.state == ProcessingState.FAILED
            after = request_processing(media, again=retry)
            waiting += after is not None and after.state == ProcessingState.QUEUED
        self.stdout.write(f"{waiting} video(s) waiting for the worker.")
