"""Entries of the shared cache stored with the versions of the tags they depend on
(story_pages.cache_tags), served only while every one of those versions is unchanged.

A hit costs one round trip to the cache (get_many of the last change, the token, the two tags
most entries depend on and the entry) when the entry depends only on those, and a second one
(get_many of its other tags' versions) otherwise: a story page's are its story, its province
and the stories it shows besides. The first lookup after a change this process learned of
(its own, or found in the database) reads once more, after setting the cache forward.

A miss is stored with the tags' versions read after it was built, and only if the token
(content_version.TOKEN_KEY), read before it was built, is unchanged: then no change reached the
cache meanwhile, and the versions read after are those from before. A change that committed while
it was built, and reached the cache after, gives its tags new versions that the entry does not
have.
"""

from dataclasses import dataclass

from django.core.cache import caches

from story_pages import content_version
from story_pages.cache_tags import LISTINGS
from story_pages.content_version import CACHE_KEY, EVERYTHING, TOKEN_KEY, tag_key

COMMON_TAGS = (EVERYTHING, LISTINGS)  # read with every entry


@dataclass
class Lookup:
    key: str
    version: int  # the last change, as the cache knows it (ETags, Last-Modified)
    token: str | None  # read before the entry is built (None: not to be stored)
    entry: object = None  # None: a miss


def lookup(key: str) -> Lookup:
    cache = caches["responses"]
    keys = [CACHE_KEY, TOKEN_KEY, *map(tag_key, COMMON_TAGS), key]
    found = cache.get_many(keys)
    if not content_version.trusted(found.get(CACHE_KEY)):  # now set forward: read again
        found = cache.get_many(keys)
        if not content_version.trusted(found.get(CACHE_KEY)):  # the cache does not answer
            return Lookup(key, content_version.current_version(), _token_now())
    version, token = found.get(CACHE_KEY), found.get(TOKEN_KEY)
    if token is None:  # flushed
        return Lookup(key, version, _token_now())
    stored = found.get(key)
    if stored is None:
        return Lookup(key, version, token)
    tags, entry = stored
    others = [tag for tag in tags if tag not in COMMON_TAGS]
    current = {tag: found.get(tag_key(tag)) for tag in COMMON_TAGS}
    if others:
        more = cache.get_many([tag_key(tag) for tag in others])
        current |= {tag: more.get(tag_key(tag)) for tag in others}
    unchanged = EVERYTHING in tags and all(
        stored_version is not None and current[tag] == stored_version for tag, stored_version in tags.items()
    )
    return Lookup(key, version, token, entry if unchanged else None)


def _token_now() -> str | None:
    """The token as it is now (one made if there is none), to fence what is built from now on."""
    cache = caches["responses"]
    cache.add(TOKEN_KEY, content_version.new_token(), timeout=None)
    return cache.get(TOKEN_KEY)


def store(lookup: Lookup, entry, tags, timeout: int) -> bool:
    """Stores ``entry`` found missing by ``lookup``, depending on ``tags``; whether it was stored."""
    if lookup.token is None:
        return False
    cache = caches["responses"]
    keys = [TOKEN_KEY, *(tag_key(tag) for tag in tags)]
    found = cache.get_many(keys)
    missing = [tag for tag in tags if found.get(tag_key(tag)) is None]
    if missing:  # never changed, or evicted: a version no stored entry has, nor any change gives
        for tag in missing:
            cache.add(tag_key(tag), f"start-{content_version.new_token()}", timeout=None)
        found = cache.get_many(keys)
    versions = {tag: found.get(tag_key(tag)) for tag in tags}
    if found.get(TOKEN_KEY) != lookup.token or None in versions.values():
        return False
    cache.set(lookup.key, (versions, entry), timeout)
    return True
