"""Feed URLs, for the site to mount outside the language prefix: /feeds/<lang>/…"""

from django.urls import path

from story_pages.distribution.feeds import AtomStoryFeed, StoryFeed

app_name = "feeds"

rss, atom = StoryFeed(), AtomStoryFeed()

urlpatterns = [
    path("<str:lang>/rss/", rss, name="rss"),
    path("<str:lang>/atom/", atom, name="atom"),
    path("<str:lang>/province/<str:code>/rss/", rss, name="province_rss"),
    path("<str:lang>/province/<str:code>/atom/", atom, name="province_atom"),
    path("<str:lang>/theme/<str:theme>/rss/", rss, name="theme_rss"),
    path("<str:lang>/theme/<str:theme>/atom/", atom, name="theme_atom"),
]
