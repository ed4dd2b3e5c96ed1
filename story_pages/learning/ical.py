"""Conferences as iCalendar (RFC 5545): one .ics per conference, and a calendar feed per
language that a calendar application subscribes to (/feeds/<lang>/conferences.ics)."""

from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid(conference) -> str:
    """Stable across edits, moves and languages: the same meeting in every calendar."""
    return f"conference-{conference.translation_key}@t63"


def conference_event(conference, request) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid(conference))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", conference.start.astimezone(VIETNAM))
    event.add("dtend", conference.end.astimezone(VIETNAM))
    event.add("summary", conference.title)
    if location := location_text(conference):
        event.add("location", location)
    event.add("url", conference.get_full_url(request))
    event.add("description", description(conference, request))
    if conference.last_published_at:
        event.add("last-modified", conference.last_published_at)
    event.add("status", "CONFIRMED")
    return event


def location_text(conference) -> str:
    parts = [conference.place] if conference.place else []
    if conference.bridge_point_list:
        parts.append(
            gettext("bridge points: %(points)s") % {"points": ", ".join(conference.bridge_point_list)}
        )
    if conference.online_url:
        parts.append(conference.online_url)
    return "; ".join(parts)


def description(conference, request) -> str:
    lines = [conference.summary] if conference.summary else []
    lines.append(f"{gettext('Format')}: {conference.get_attendance_display()}")
    agenda = [block.value for block in conference.agenda]
    if agenda:
        lines.append(f"{gettext('Agenda')}:")
        for item in agenda:
            time = item["time"].strftime("%H:%M") + " " if item["time"] else ""
            speaker = f" ({item['speaker']})" if item["speaker"] else ""
            lines.append(f"{time}{item['title']}{speaker}")
    lines.append(conference.get_full_url(request))
    return "\n".join(strip_tags(line) for line in lines)


def calendar(conferences, request, name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{getattr(settings, 'WAGTAIL_SITE_NAME', '') or 'T63'}//Conferences//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for conference in conferences:
        with translation.override(conference.locale.language_code):
            cal.add_component(conference_event(conference, request))
    cal.add_missing_timezones()  # the VTIMEZONE of Asia/Ho_Chi_Minh that DTSTART's TZID names
    return cal


def calendar_response(conferences, request, filename: str, name: str = "") -> HttpResponse:
    name = name or (conferences[0].title if conferences else "T63")
    response = HttpResponse(calendar(conferences, request, name).to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
