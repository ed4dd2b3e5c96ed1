"""The processing state of a video, for the admin's video page."""

from django import template

from story_pages.models.video import VideoProcessing
from story_pages.video.admin_views import processing_summary

register = template.Library()


@register.simple_tag
def video_processing(media) -> dict:
    return processing_summary(VideoProcessing.objects.filter(media=media).first())
