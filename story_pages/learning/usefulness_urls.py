"""Mounted by the site outside the language prefix: the answer redirects to the story's own URL."""

from django.urls import path

from story_pages.learning.usefulness_views import answer

urlpatterns = [path("<int:story_id>/", answer, name="story_usefulness")]
