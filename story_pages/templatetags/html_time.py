"""`datetime` attributes that the HTML standard accepts, from one filter.

Django's ``date:'c'`` writes microseconds ("2025-07-01T09:30:00.123456+07:00"), which the HTML
standard's date and time strings do not allow (the Nu HTML Checker rejects the page). Here a
moment is written in whole seconds with its offset, in the active time zone, as the page shows it.
"""

from datetime import date, datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value, precision: str = "") -> str:
    """``{{ moment|html_datetime }}``: "2025-07-01T09:30:00+07:00" (a global date and time string);
    ``{{ moment|html_datetime:"date" }}``: "2025-07-01" (a date string). Anything else: ""."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date().isoformat() if precision == "date" else value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return ""
