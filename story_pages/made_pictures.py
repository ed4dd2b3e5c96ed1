"""What an image's pictures render to, made once per process for each version of the image.

A card's <picture> (3 formats × 2 sizes) costs more to make than the card's data costs to read:
Wagtail finds each of its renditions (prefetched, from its cache or the database), then writes
the sources. The result depends only on the image's file and focal point and on the tag (its
filters and attributes), the key of Wagtail's own rendition cache: so it is kept here under that
key, and the renditions of an image already known are not read at all (story_cards). It is not
content: no publish changes it, and an image given a new file or focal point has a new key.

A rendition deleted (Wagtail's purge command) empties this process's copies; other processes'
go within MAX_AGE seconds.
"""

import time

MAX_AGE = 600  # seconds
MAX_IMAGES = 2000  # then all are made again: a bound on memory, not a cache policy

_made: dict = {}  # image key: (made at, {what: value})


def image_key(image) -> tuple:
    return (
        image.pk,
        image.file.name,
        image.file_hash,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
    )


def known(image) -> bool:
    """Whether this process made something of this version of the image lately."""
    return _entry(image) is not None


def made(image, what):
    """What was made of the image for ``what`` (a tag and its attributes…), or None."""
    entry = _entry(image)
    return None if entry is None else entry.get(what)


def keep(image, what, value) -> None:
    entry = _entry(image)
    if entry is None:
        if len(_made) >= MAX_IMAGES:
            _made.clear()
        entry = {}
        _made[image_key(image)] = (time.monotonic(), entry)
    entry[what] = value


def made_from_the_file(rendition) -> bool:
    """False for Wagtail's stand-in when the source file is missing: not to be kept, as the file
    may be restored."""
    return rendition.file.name != "not-found"


def forget_all(*args, **kwargs) -> None:
    """Signal receiver: a rendition was deleted, its file perhaps with it."""
    _made.clear()


def _entry(image) -> dict | None:
    found = _made.get(image_key(image))
    if found is None or time.monotonic() - found[0] >= MAX_AGE:
        return None
    return found[1]
