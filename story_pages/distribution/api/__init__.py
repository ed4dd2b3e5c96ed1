"""The outlets' API: stories and provinces endpoints for Wagtail's API v2 router."""
