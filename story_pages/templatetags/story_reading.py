"""Template filters for the reader's story pages."""

from django import template

from story_pages.reading.video_player import caption_tracks, private_player_url

register = template.Library()


@register.filter
def private_player(embed_url: str) -> str | None:
    return private_player_url(embed_url) if embed_url else None


@register.simple_tag
def video_caption_tracks(page, block_id):
    return caption_tracks(page, block_id) if page and block_id else []
