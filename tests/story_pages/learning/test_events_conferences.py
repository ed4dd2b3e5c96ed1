"""Conference pages: what a reader sees in both languages, the .ics, the calendar feed, JSON-LD."""

import json

import icalendar
import pytest
from django.utils import timezone

from story_pages.models import Theme
from tests.factories import publish_story, translate_into_english
from tests.rendering import queries_to_render
from tests.story_pages.learning.events_pages import conference, conference_index, paper, upcoming_conference
from tests.story_pages.page_metadata import metadata

pytestmark = pytest.mark.django_db


def test_a_past_conference_shows_its_papers_by_theme_with_their_stories_and_its_outcomes(client):
    story = publish_story(title="Bắc Giang số hóa xét nghiệm", theme=Theme.DIGITAL_SOCIETY)
    page = conference(
        papers=[paper(story, theme="xa-hoi-so", title="Nền tảng quản lý xét nghiệm")],
        outcomes="<p>Các tỉnh nhân rộng nền tảng xét nghiệm.</p>",
    )
    html = client.get(page.url).content.decode()
    assert "Nền tảng quản lý xét nghiệm" in html
    assert f'href="{story.url}"' in html
    assert "Xã hội số" in html or "Digital society" in html
    assert "https://www.youtube.com/watch?v=t63paper" in html
    assert "Hà Nội</li>" in html  # the bridge points, one per line
    assert f'href="{page.url}ket-qua/"' in html  # the outcomes have their own page
    outcomes = client.get(f"{page.url}ket-qua/")
    assert outcomes.status_code == 200
    assert "Các tỉnh nhân rộng nền tảng xét nghiệm." in outcomes.content.decode()
    assert client.get(f"{page.url}outcomes/").status_code == 404  # the English address, on the English page


def test_the_english_outcomes_page_has_an_english_address(client):
    page = conference(outcomes="<p>Các tỉnh nhân rộng.</p>")
    english, _ = translate_into_english(page)
    html = client.get(english.url).content.decode()
    assert f'href="{english.url}outcomes/"' in html
    assert client.get(f"{english.url}outcomes/").status_code == 200
    assert client.get(f"{english.url}ket-qua/").status_code == 404


def test_outcomes_wait_until_the_conference_is_over(client):
    page = upcoming_conference(outcomes="<p>Kết quả viết trước.</p>")
    assert "ket-qua/" not in client.get(page.url).content.decode()
    assert client.get(f"{page.url}ket-qua/").status_code == 404


def test_the_english_conference_links_the_english_story(client):
    story = publish_story(title="Hue-S")
    english_story, _ = translate_into_english(story)
    page = conference(papers=[paper(story)])
    english, _ = translate_into_english(page)
    response = client.get(english.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert english.url.startswith("/en/")
    assert f'href="{english_story.url}"' in html
    assert "EN Tham luận" in html


def test_the_ics_of_a_conference_is_one_event_in_vietnam_time(client):
    page = conference(summary="Chia sẻ kinh nghiệm.")
    response = client.get(page.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"conference-{page.translation_key}@t63"
    start = event.decoded("DTSTART")
    assert start == page.start and str(start.tzinfo) == "Asia/Ho_Chi_Minh"
    assert event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert event.decoded("DTEND") == page.end
    assert str(event["SUMMARY"]) == page.title
    assert "Nguyễn Du" in str(event["LOCATION"]) and "Bắc Giang" in str(event["LOCATION"])
    assert str(event["URL"]) == page.full_url
    assert "Khai mạc" in str(event["DESCRIPTION"])
    assert calendar.walk("VTIMEZONE")  # the zone its TZID names comes with it

    page.title = "Hội nghị đổi tên"
    page.save_revision().publish()
    [again] = icalendar.Calendar.from_ical(client.get(page.url + "ical/").content).walk("VEVENT")
    assert again["UID"] == event["UID"]  # calendars update the same event


def test_the_calendar_feed_holds_upcoming_and_recent_conferences_of_its_language(client):
    past = conference()
    coming = upcoming_conference()
    english, _ = translate_into_english(coming)
    feed = icalendar.Calendar.from_ical(client.get("/feeds/vi/conferences.ics").content)
    assert [str(e["SUMMARY"]) for e in feed.walk("VEVENT")] == [coming.title, past.title]
    english_feed = icalendar.Calendar.from_ical(client.get("/feeds/en/conferences.ics").content)
    [event] = english_feed.walk("VEVENT")
    assert str(event["SUMMARY"]) == english.title and str(event["URL"]) == english.full_url
    assert client.get("/feeds/xx/conferences.ics").status_code == 404


def test_a_conference_is_a_schema_org_event_in_both_languages(client):
    page = conference(summary="Chia sẻ kinh nghiệm chuyển đổi số.")
    english, _ = translate_into_english(page)
    [event] = [item for item in metadata(client, page.url).json_ld if item["@type"] == "Event"]
    assert event["name"] == page.title
    assert event["startDate"] == "2022-01-13T08:00:00+07:00"
    assert event["endDate"] == "2022-01-13T11:00:00+07:00"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    types = {location["@type"] for location in event["location"]}
    assert types == {"Place", "VirtualLocation"}
    assert event["organizer"]["name"] == page.organizer
    assert event["url"] == page.full_url
    [english_event] = [item for item in metadata(client, english.url).json_ld if item["@type"] == "Event"]
    assert english_event["name"] == english.title and english_event["inLanguage"] == "en"
    assert english_event["url"] == english.full_url


def test_an_in_person_conference_has_only_its_place():
    from story_pages.learning.event_data import event

    page = upcoming_conference(attendance="offline", place="Trung tâm Hội nghị Quốc gia")
    data = event(page, None, "vi")
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place"]


def test_the_index_lists_upcoming_then_past_conferences(client):
    past = conference()
    coming = upcoming_conference()
    html = client.get(conference_index().url).content.decode()
    assert html.index(coming.title) < html.index(past.title)
    assert "/feeds/vi/conferences.ics" in html


def test_the_home_page_shows_upcoming_events_only_when_there_are_any(client):
    conference()  # held in 2022: not upcoming
    assert "events-heading" not in client.get("/").content.decode()
    coming = upcoming_conference()
    html = client.get("/").content.decode()
    assert "events-heading" in html and coming.title in html
    assert coming.start > timezone.now()


def test_conference_pages_cost_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    stories = [publish_story() for _ in range(2)]
    page = conference(papers=[paper(s) for s in stories])
    before = [queries_to_render(client, url) for url in (page.url, conference_index().url, "/")]
    more = [publish_story() for _ in range(6)]
    page.papers = json.dumps([paper(s) for s in stories + more])
    page.save_revision().publish()
    for number in range(4):
        upcoming_conference(days=10 + number)
    after = [queries_to_render(client, url) for url in (page.url, conference_index().url, "/")]
    assert before == after
    for url in (page.url, conference_index().url, page.url + "ical/", "/feeds/vi/conferences.ics"):
        with django_assert_max_num_queries(25):
            client.get(url)
