"""What outlets get of a story's video through the API (issue 16, "Search and machines"): the
caption files per language, the transcript, the web renditions and the broadcasters' master with its
licence and credit, in the stories and media endpoints. ninjs, the feeds and JSON-LD:
test_video_in_ninjs_feeds_and_json_ld.py."""

import lxml.etree
import lxml.html
import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    embedded_video,
    paragraph,
    province,
    translate_into_english,
)
from tests.story_pages.distribution.video_stories import (
    CUES,
    EMBED_TRANSCRIPT,
    STORIES,
    TRANSCRIPT_VI,
    captioned_video,
    cue_texts,
    english,
    hue_s_video,
    published,
    story_with_captioned_video,
    video_block_id,
    with_720p,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def media():
    return hue_s_video()


@pytest.fixture
def stories(media):
    return story_with_captioned_video(media)


# The API --------------------------------------------------------------------------------------


def test_each_language_lists_its_caption_files_and_they_answer_in_that_language(client, stories):
    vietnamese, translated = stories
    block_id = video_block_id(vietnamese)
    assert video_block_id(translated) == block_id  # a translation keeps the block's id
    vi_video = client.get(f"{STORIES}{vietnamese.pk}/").json()["video"]
    en_video = client.get(f"{STORIES}{translated.pk}/").json()["video"]
    vi_url = f"http://testserver/api/v2/captions/{vietnamese.translation_key}/vi/{block_id}.vtt"
    en_url = f"http://testserver/api/v2/captions/{vietnamese.translation_key}/en/{block_id}.vtt"
    assert vi_video["captions"] == [{"language": "vi", "url": vi_url}]
    # A translation offers its own captions, and the original's.
    assert en_video["captions"] == [{"language": "en", "url": en_url}, {"language": "vi", "url": vi_url}]
    texts = [cue["text"] for cue in CUES]
    assert cue_texts(client, vi_url) == texts
    assert cue_texts(client, en_url) == [english(text) for text in texts]


def test_the_body_html_plays_the_web_renditions_with_captions(client, stories, media):
    with_720p(media)
    _, translated = stories
    item = client.get(f"{STORIES}{translated.pk}/").json()
    video, html = item["video"], item["body_html"]
    [element] = lxml.html.fromstring(html).xpath("//video")
    # libxml2 nests the void <source>s and <track>s in one another.
    sources = [(source.get("src"), source.get("type")) for source in element.xpath(".//source")]
    by_name = {rendition["name"]: rendition["url"] for rendition in video["renditions"]}
    assert sources == [
        (by_name["720p"], "video/mp4"),
        (by_name["360p"], "video/mp4"),
        (video["master"]["url"], "video/mp4"),
    ]
    tracks = [
        (t.get("srclang"), t.get("src"), t.get("label"), t.get("default")) for t in element.xpath(".//track")
    ]
    assert tracks == [
        ("en", video["captions"][0]["url"], "English", ""),
        ("vi", video["captions"][1]["url"], "Tiếng Việt", None),
    ]


def test_the_listing_says_what_the_story_alone_says(client, stories):
    _, translated = stories
    items = {item["id"]: item for item in client.get(f"{STORIES}?limit=100").json()["items"]}
    for story in stories:
        alone = client.get(f"{STORIES}{story.pk}/").json()
        assert items[story.pk]["video"] == alone["video"]
        assert items[story.pk]["body"] == alone["body"]  # each video block carries the same
    assert [c["language"] for c in items[translated.pk]["video"]["captions"]] == ["en", "vi"]
    english_only = client.get(f"{STORIES}?locale=en").json()["items"]
    assert [c["language"] for c in english_only[0]["video"]["captions"]] == ["en", "vi"]


def test_the_transcript_is_what_is_said_in_the_story_language(client, stories):
    vietnamese, translated = stories
    assert client.get(f"{STORIES}{vietnamese.pk}/").json()["video"]["transcript"] == TRANSCRIPT_VI
    en_transcript = client.get(f"{STORIES}{translated.pk}/").json()["video"]["transcript"]
    assert en_transcript == (
        "EN Người dân gửi phản ánh qua Hue-S. EN Thành phố trả lời trong ngày.\n\n"
        "EN Cán bộ xử lý ngay trên điện thoại."
    )


def test_the_originals_captions_are_offered_only_while_it_has_them(client, stories):
    vietnamese, translated = stories
    vietnamese.body = [paragraph("Người dân phản ánh qua Hue-S.")]  # the video taken out
    vietnamese.save_revision().publish()
    captions = client.get(f"{STORIES}{translated.pk}/").json()["video"]["captions"]
    assert [c["language"] for c in captions] == ["en"]
    assert cue_texts(client, captions[0]["url"])[0] == english(CUES[0]["text"])
    vietnamese.unpublish()
    captions = client.get(f"{STORIES}{translated.pk}/").json()["video"]["captions"]
    assert [c["language"] for c in captions] == ["en"]


def test_an_embedded_video_has_its_transcript_and_no_files(client):
    story = published(parent=province("79"), body=[embedded_video(272, transcript=EMBED_TRANSCRIPT)])
    video = client.get(f"{STORIES}{story.pk}/").json()["video"]
    assert video["transcript"] == "Cán bộ một cửa kể lại.\n\nNgười dân không phải đi lại."
    assert video["captions"] == [] and video["renditions"] == [] and video["master"] is None


def test_renditions_and_the_master_with_its_licence_and_credit(client, stories, media):
    vietnamese, _ = stories
    video = client.get(f"{STORIES}{vietnamese.pk}/").json()["video"]
    [rendition] = media.renditions.all()  # a 16 × 16 source: the 360p rendition alone, not upscaled
    assert video["renditions"] == [
        {
            "name": "360p",
            "url": f"http://testserver{rendition.file.url}",
            "width": 16,
            "height": 16,
            "mime_type": "video/mp4",
            "size": rendition.size,
        }
    ]
    assert video["master"] == {
        "url": f"http://testserver{media.file.url}",
        "mime_type": "video/mp4",
        "width": 16,
        "height": 16,
        "duration": pytest.approx(5, abs=0.1),
        "licence": {"id": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        "credit_line": vietnamese.credit_line,
    }
    assert video["url"] == video["master"]["url"]  # as before: the uploaded file


def test_renditions_are_listed_smallest_first(client, stories, media):
    with_720p(media)
    vietnamese, _ = stories
    video = client.get(f"{STORIES}{vietnamese.pk}/").json()["video"]
    assert [r["name"] for r in video["renditions"]] == ["360p", "720p"]


def test_the_media_endpoint_lists_renditions_and_the_master(client, stories, media):
    with_720p(media)
    item = client.get(f"/api/v2/media/{media.pk}/").json()
    assert [r["name"] for r in item["renditions"]] == ["360p", "720p"]
    assert item["renditions"][1] == {
        "name": "720p",
        "url": f"http://localhost{media.renditions.get(name='720p').file.url}",
        "width": 1280,
        "height": 720,
        "mime_type": "video/mp4",
        "size": 12,
    }
    assert item["master"]["url"] == item["meta"]["download_url"]
    assert item["master"]["mime_type"] == "video/mp4" and item["master"]["duration"] == pytest.approx(
        5, abs=0.1
    )
    [listed] = client.get("/api/v2/media/").json()["items"]
    assert listed["renditions"] == item["renditions"] and listed["master"] == item["master"]


def test_videos_cost_a_fixed_number_of_queries(client, stories, media):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    caches["responses"].clear()
    one = queries(f"{STORIES}?locale=en")
    for _ in range(4):
        vietnamese = published(parent=province("46"), body=[captioned_video(media)])
        translate_into_english(vietnamese, translate=english)
    caches["responses"].clear()
    assert queries(f"{STORIES}?locale=en") == one
