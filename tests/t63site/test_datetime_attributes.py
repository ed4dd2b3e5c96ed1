"""Every `datetime` attribute on the readers' pages is one the HTML standard accepts (the Nu HTML
Checker rejects microseconds, which Django's ``date:'c'`` writes)."""

import re
from datetime import UTC, date, datetime

import lxml.html
import pytest
from django.template import Context, Template
from django.utils import timezone

from story_pages.models import StoryPage, Theme
from tests.factories import province, publish_story, translate_into_english

pytestmark = pytest.mark.django_db

# The HTML standard's microsyntaxes (§ 2.3.5) a <time datetime> of a published moment may use.
_DATE = r"(?P<year>\d{4,})-(?P<month>\d\d)-(?P<day>\d\d)"
_TIME = r"(?P<hour>\d\d):(?P<minute>\d\d)(?::(?P<second>\d\d)(?:\.\d{1,3})?)?"
_OFFSET = r"(?:Z|[+-](?P<offset_hours>\d\d):?(?P<offset_minutes>\d\d))"
VALID_DATE = re.compile(rf"{_DATE}")
VALID_LOCAL_DATE_AND_TIME = re.compile(rf"{_DATE}[T ]{_TIME}")
VALID_GLOBAL_DATE_AND_TIME = re.compile(rf"{_DATE}[T ]{_TIME}{_OFFSET}")


def is_valid_datetime_value(value: str) -> bool:
    for syntax in (VALID_DATE, VALID_LOCAL_DATE_AND_TIME, VALID_GLOBAL_DATE_AND_TIME):
        if match := syntax.fullmatch(value):
            parts = {key: int(number) for key, number in match.groupdict().items() if number is not None}
            try:
                date(parts["year"], parts["month"], parts["day"])
            except ValueError:
                return False
            return (
                parts.get("hour", 0) <= 23
                and parts.get("minute", 0) <= 59
                and parts.get("second", 0) <= 59
                and parts.get("offset_hours", 0) <= 23
                and parts.get("offset_minutes", 0) <= 59
            )
    return False


def test_the_validator_knows_the_standard():
    assert is_valid_datetime_value("2025-07-01")
    assert is_valid_datetime_value("2025-07-01T09:30:05+07:00")
    assert is_valid_datetime_value("2025-07-01T09:30:05.123Z")
    assert not is_valid_datetime_value("2025-07-01T09:30:05.123456+07:00")  # what date:'c' writes
    assert not is_valid_datetime_value("2025-13-01")
    assert not is_valid_datetime_value("01/07/2025")


@pytest.fixture
def stories(db):
    """Stories published at moments with microseconds, as every real publish is."""
    moment = datetime(2025, 7, 1, 2, 30, 5, 123456, tzinfo=UTC)
    made = [
        publish_story(parent=province("24"), theme=Theme.DIGITAL_ECONOMY, title="Chợ số Bắc Giang"),
        publish_story(parent=province("46"), theme=Theme.DIGITAL_ECONOMY, title="Thanh toán số ở Huế"),
    ]
    translate_into_english(made[0])
    StoryPage.objects.filter(pk__in=[story.pk for story in made]).update(
        first_published_at=moment, last_published_at=moment
    )
    StoryPage.objects.filter(locale__language_code="en").update(first_published_at=moment)
    return made


def datetime_attributes(client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200, path
    return lxml.html.fromstring(response.content).xpath("//@datetime")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/en/",
        "/tinh-thanh/bac-giang/",
        "/chu-de/kinh-te-so/",
        "/en/themes/digital-economy/",
        "/search/?q=so",
        "/search/?theme=kinh-te-so",
        "/en/search/?theme=kinh-te-so",
        "story",
    ],
)
def test_every_datetime_attribute_is_a_valid_html_date_or_time(client, stories, path):
    path = stories[0].url if path == "story" else path
    values = datetime_attributes(client, path)
    assert values, f"no datetime attribute on {path}"
    assert [value for value in values if not is_valid_datetime_value(value)] == []


def test_the_filter_writes_whole_seconds_in_the_pages_time_zone():
    moment = datetime(2025, 7, 1, 2, 30, 5, 123456, tzinfo=UTC)
    template = Template('{% load html_time %}{{ moment|html_datetime }} {{ moment|html_datetime:"date" }}')
    with timezone.override("Asia/Ho_Chi_Minh"):
        assert template.render(Context({"moment": moment})) == "2025-07-01T09:30:05+07:00 2025-07-01"
    assert Template("{% load html_time %}{{ nothing|html_datetime }}").render(Context({})) == ""
