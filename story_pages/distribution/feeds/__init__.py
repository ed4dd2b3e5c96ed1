"""RSS 2.0 and Atom feeds of the latest published stories, for newsroom systems to harvest.

One feed per language for all stories, for a province (a current unit includes the provinces
merged into it) and for a theme, each narrowed by the reader listings' filters in its query
string (story_filters; unknown values ignored). Each item carries the whole story, so a newsroom
can take it without opening the page: its body as HTML with absolute URLs (RSS
``content:encoded``, Atom ``<content type="html">``; the API's ``body_html``), its summary as
the description, its credit line and licence, and Media RSS for its video and hero image: an
uploaded video is a media:group of its web renditions (the 720p one the default, and the
enclosure) and the broadcasters' master, with a media:subTitle per caption file.

A correction is a new item date under the same guid. The feeds hold the stories last published
most recently, and an RSS item's ``pubDate`` is when the story was last published, with
``atom:updated`` the same: RSS has no other date a reader is sure to read, and aggregators
(Superdesk's RSS ingest among them: it skips an entry whose date is not later than its last
poll) take the story again only when its date moves. The guid never changes, so the corrected
story replaces the one taken before instead of arriving twice. Atom says both: ``published``
(first published) and ``updated`` (last published).
"""

from story_pages.distribution.feeds.views import AtomStoryFeed, StoryFeed

__all__ = ["AtomStoryFeed", "StoryFeed"]
