"""schema.org JSON-LD for a conference: an Event, with its place and/or its online location."""

from story_pages.distribution.sharing import iso_datetime, site_name
from story_pages.distribution.structured_data import json_ld_script
from story_pages.learning.conferences import SCHEMA_ATTENDANCE, AttendanceMode


def event(conference, request, language: str) -> dict:
    url = conference.get_full_url(request)
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": conference.title,
            "description": conference.summary,
            "startDate": iso_datetime(conference.start),
            "endDate": iso_datetime(conference.end),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": SCHEMA_ATTENDANCE[conference.attendance],
            "location": _locations(conference, url),
            "organizer": {"@type": "Organization", "name": conference.organizer or site_name()},
            "inLanguage": language,
            "url": url,
        }
    )


def _locations(conference, url: str) -> list[dict]:
    locations = []
    if conference.attendance != AttendanceMode.ONLINE or conference.place:
        place = {"@type": "Place", "name": conference.place or conference.title}
        if conference.place:
            place["address"] = {
                "@type": "PostalAddress",
                "addressCountry": "VN",
                "streetAddress": conference.place,
            }
        locations.append(place)
    if conference.attendance != AttendanceMode.OFFLINE:
        # The public stream if there is one, else the page that says how to follow it.
        locations.append({"@type": "VirtualLocation", "url": conference.online_url or url})
    return locations


def event_script(conference, request, language: str):
    return json_ld_script(event(conference, request, language))


def _without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}
