"""The calendar feed a conference-goer subscribes to, one per language."""

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from story_pages.learning.conferences import calendar_conferences
from story_pages.learning.ical import calendar_response


def conference_calendar(request, lang: str):
    """/feeds/<lang>/conferences.ics: upcoming conferences and the most recent past ones."""
    if lang not in dict(settings.LANGUAGES):
        raise Http404("no such language")
    locale = Locale.objects.filter(language_code=lang).first()
    if locale is None:
        raise Http404("no such language")
    conferences = calendar_conferences(locale.pk)
    for conference in conferences:
        conference.locale = locale  # one locale for all: no query per conference
    with translation.override(lang):
        name = f"T63 – {gettext('Conferences')}"
    return calendar_response(conferences, request, filename=f"t63-conferences-{lang}.ics", name=name)
