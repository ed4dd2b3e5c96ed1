"""The admin's view of a video's processing: its state and progress as the worker reports them,
and a retry after a failure."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtailmedia.models import get_media_model
from wagtailmedia.permissions import permission_policy

from story_pages.models.video import ProcessingState, VideoProcessing
from story_pages.video.processing import request_processing


def processing_summary(processing: VideoProcessing | None) -> dict:
    """What an editor reads about a video's processing, in their language."""
    if processing is None:
        return {"state": "none", "text": _("Not processed yet.")}
    texts = {
        ProcessingState.QUEUED: _("Waiting for the worker…"),
        ProcessingState.RUNNING: _("Processing… %(progress)s %%") % {"progress": processing.progress},
        ProcessingState.DONE: _("Ready: web versions made."),
        ProcessingState.FAILED: _("Processing failed: %(reason)s") % {"reason": processing.failure_message},
    }
    return {"state": processing.state, "progress": processing.progress, "text": texts[processing.state]}


def _video(request, pk, action: str):
    media = get_object_or_404(get_media_model(), pk=pk, type="video")
    if not permission_policy.user_has_permission_for_instance(request.user, action, media):
        raise PermissionDenied
    return media


def processing_status(request, pk):
    media = _video(request, pk, "change")
    return JsonResponse(processing_summary(VideoProcessing.objects.filter(media=media).first()))


@require_POST
def retry_processing(request, pk):
    media = _video(request, pk, "change")
    request_processing(media, again=True)
    messages.success(request, _("The video is queued for processing again."))
    return redirect("wagtailmedia:edit", media.pk)
