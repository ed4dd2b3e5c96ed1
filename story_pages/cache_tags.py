"""What a cached response shows, named as tags, so that a change empties only what shows it.

A change bumps the tags of what it changed (story_pages.cache_invalidation); a response is stored
with the tags it depends on and their versions (story_pages.cached_entries). Every response
depends on EVERYTHING (structural changes: moves, deletes, view restrictions, images, videos, the
site's settings, pages other than stories). A response that declares nothing while it is built
depends on LISTINGS too, which every story change bumps: it is emptied by any publish, as every
cached response was before tags. A view that knows exactly what it shows narrows that with
``depends_on``: a story page names its story, its province and the stories it shows besides.
"""

from contextvars import ContextVar

from story_pages.content_version import EVERYTHING

LISTINGS = "listings"  # any list of stories: home, all stories, themes, search, feeds, the API
YEARS = "years"  # the years that have a published story (the year filter's options)

DEFAULT_TAGS = frozenset({EVERYTHING, LISTINGS})  # what a response that declares nothing depends on

_declared: ContextVar[set | None] = ContextVar("t63_cache_tags", default=None)


def story(translation_key) -> str:
    """A story in every language: a translation's publish changes both languages' pages."""
    return f"story:{translation_key}"


def place(code: str) -> str:
    """A province's page and its stories' lists of nearby stories (by GSO code)."""
    return f"place:{code}"


def theme(value: str) -> str:
    return f"theme:{value}"


def depends_on(*tags: str) -> None:
    """Declares, while a response is built, tags it depends on (instead of LISTINGS)."""
    declared = _declared.get()
    if declared is not None:
        declared.update(tags)


def collecting():
    """Starts collecting the declarations of the response being built; returns the reset token."""
    return _declared.set(set())


def collected(token) -> frozenset:
    """The tags the response built since ``collecting()`` depends on; stops collecting."""
    declared = _declared.get()
    _declared.reset(token)
    return frozenset({EVERYTHING, *declared}) if declared else DEFAULT_TAGS
