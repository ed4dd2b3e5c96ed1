"""A reader of the English demo video story in a real Chromium: the video plays its web rendition
with English captions showing, and the transcript reads without JavaScript."""

import pytest
from wagtail.models import Locale

from story_pages.models import StoryPage

pytestmark = pytest.mark.django_db(transaction=True)


def english_video_story() -> StoryPage:
    english = Locale.objects.get(language_code="en")
    return StoryPage.objects.published().filter(locale=english, story_format="both").order_by("pk").first()


SHOWING_CUE = """async () => {
    const video = document.querySelector("video");
    const track = Array.from(video.textTracks).find((t) => t.language === "en");
    video.muted = true;
    await video.play();
    for (let i = 0; i < 100 && !(track.activeCues && track.activeCues.length); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
        mode: track.mode,
        cues: track.cues ? track.cues.length : 0,
        showing: track.activeCues && track.activeCues.length ? track.activeCues[0].text : null,
        source: video.currentSrc,
        playing: !video.paused && video.currentTime > 0,
        languages: Array.from(video.textTracks).map((t) => t.language),
    };
}"""


def test_the_english_video_plays_with_english_captions_showing(live_server, open_page, demo_site):
    story = english_video_story()
    page = open_page("en")
    assert page.goto(live_server.url + story.url).status == 200
    state = page.evaluate(SHOWING_CUE)
    assert state["playing"], state
    assert state["source"].endswith(".mp4") and "/renditions/" in state["source"]
    assert state["languages"] == ["en", "vi"]
    assert state["mode"] == "showing"
    assert state["cues"] == 14
    assert state["showing"] == "In Huế, every resident can help look after the city."


def test_the_transcript_reads_without_javascript(live_server, chromium, demo_site):
    story = english_video_story()
    context = chromium.new_context(java_script_enabled=False, locale="en")
    try:
        page = context.new_page()
        assert page.goto(live_server.url + story.url).status == 200
        transcript = page.locator("details.video-transcript")
        first = transcript.locator("p").first
        assert not first.is_visible()  # collapsed until the reader asks
        transcript.locator("summary").click()
        assert first.is_visible()
        assert first.inner_text().startswith("In Huế, every resident can help look after the city.")
        assert transcript.evaluate("element => element.closest('[lang]').lang") == "en"
    finally:
        context.close()
