"""The addresses machines and other sites use, outside the language prefix: the OpenAPI document,
feeds, captions, oEmbed, the embed card and QR codes. The site includes them ahead of its API router."""

from django.urls import include, path

from story_pages.distribution import oembed, qr
from story_pages.distribution.api.newsml import story_newsml
from story_pages.distribution.api.openapi import openapi_document
from story_pages.video.caption_files import caption_file

urlpatterns = [
    path("api/v2/openapi.json", openapi_document, name="openapi"),
    path("api/v2/stories/<int:pk>/newsml/", story_newsml, name="story_newsml"),
    path(
        "api/v2/captions/<uuid:translation_key>/<str:language>/<str:block_id>.vtt",
        caption_file,
        name="story_captions",
    ),
    path("feeds/", include("story_pages.distribution.feed_urls")),
    path("oembed/", oembed.oembed, name="oembed"),
    path("embed/stories/<int:pk>/", oembed.story_embed, name="story_embed"),
    path("qr/stories/<int:pk>.svg", qr.story_qr, name="story_qr"),
]
