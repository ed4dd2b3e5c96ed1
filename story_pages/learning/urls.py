"""The learning network's machine URLs, outside the language prefix (the site includes them)."""

from django.urls import path

from story_pages.learning.conference_feed import conference_calendar

urlpatterns = [
    path("feeds/<str:lang>/conferences.ics", conference_calendar, name="conferences_ics"),
]
