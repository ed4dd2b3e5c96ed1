"""Stable identifiers for stories in feeds, the API and ninjs."""

import uuid


def story_guid(story) -> str:
    """A URN that never changes for this story in this language, whatever its URL becomes."""
    return f"urn:uuid:{uuid.uuid5(story.translation_key, story.locale.language_code)}"
