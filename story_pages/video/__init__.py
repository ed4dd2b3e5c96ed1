"""Videos: measured from their streams (probe), stored as wagtailmedia items (storage), uploaded
through a form that measures them (upload_form), a typed duration for embeds (duration_field),
what previews are told of a story's video (story_video), and sample files (samples)."""
