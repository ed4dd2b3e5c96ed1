"""Dates as each language's readers write them: "02/12/2026" in Vietnamese, "2 December 2026" in
English.

A filter rather than Django's per-locale DATE_FORMAT: overriding the "vi" and "en" format modules
would also change the dates of Wagtail's admin, which is not the readers' concern.
"""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import get_language

register = template.Library()

DATE_FORMATS = {"en": "j F Y"}
DATETIME_FORMATS = {"en": "j F Y, H:i"}
DEFAULT_DATE = "d/m/Y"  # Vietnamese, and any language without its own
DEFAULT_DATETIME = "d/m/Y H:i"


def _language() -> str:
    return (get_language() or "vi").split("-")[0]


@register.filter
def reader_date(value) -> str:
    """``{{ story.first_published_at|reader_date }}``: the day in the active language's way."""
    return _formatted(value, DATE_FORMATS, DEFAULT_DATE)


@register.filter
def reader_datetime(value) -> str:
    """``{{ conference.start|reader_datetime }}``: the day and the hour, in Vietnam's time zone."""
    return _formatted(value, DATETIME_FORMATS, DEFAULT_DATETIME)


def _formatted(value, formats: dict, default: str) -> str:
    if not value:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_date(value, formats.get(_language(), default))
