"""What outlets get of a story's video (issue 16, "Search and machines"): the caption files per
language, the transcript, the web renditions and the broadcasters' master with its licence and
credit, in the API, the media endpoint, ninjs, the feeds and JSON-LD."""

from urllib.parse import urlsplit

import feedparser
import lxml.etree
import lxml.html
import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from story_pages.models import VideoRendition
from tests.factories import (
    StoryPageFactory,
    embedded_video,
    make_video_media,
    paragraph,
    province,
    translate_into_english,
)
from tests.story_pages.distribution.test_ninjs import validator
from tests.story_pages.page_metadata import metadata

pytestmark = pytest.mark.django_db

STORIES = "/api/v2/stories/"
CUES = [
    {"start": 0.0, "end": 1.5, "text": "Người dân gửi phản ánh qua Hue-S."},
    {"start": 1.5, "end": 2.5, "text": "Thành phố trả lời trong ngày."},
    {"start": 4.5, "end": 5.0, "text": "Cán bộ xử lý ngay trên điện thoại."},  # after a pause: a paragraph
]
TRANSCRIPT_VI = (
    "Người dân gửi phản ánh qua Hue-S. Thành phố trả lời trong ngày.\n\nCán bộ xử lý ngay trên điện thoại."
)
EMBED_TRANSCRIPT = "Cán bộ một cửa kể lại.\r\n\r\nNgười dân   không phải đi lại."
WEBVTT = "text/vtt"


def english(text: str) -> str:
    return f"EN {text}"


def captioned_video(media, cues=CUES, caption="Hue-S trên điện thoại") -> tuple:
    value = {
        "media": media,
        "cues": cues,
        "embed_url": "",
        "embed_duration": None,
        "transcript": "",
        "caption": caption,
    }
    return ("video", value)


def published(**kwargs):
    story = StoryPageFactory(**kwargs)
    story.save_revision().publish()
    story.refresh_from_db()
    return story


@pytest.fixture
def media():
    return make_video_media(5, title="Hue-S")


@pytest.fixture
def stories(media):
    """A Vietnamese story with an uploaded, captioned, processed video, and its English
    translation (PO round trip: the cues' texts translated, their timings kept)."""
    vietnamese = published(
        parent=province("46"), body=[paragraph("Người dân phản ánh qua Hue-S."), captioned_video(media)]
    )
    translated, _ = translate_into_english(vietnamese, translate=english)
    return vietnamese, translated


def path_of(url: str) -> str:
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "testserver", url
    return parts.path


def cue_texts(client, url: str) -> list[str]:
    """The cues' texts of a WebVTT file, fetched as an outlet does."""
    response = client.get(path_of(url))
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(WEBVTT)
    lines = response.content.decode().splitlines()
    assert lines[0] == "WEBVTT"
    return [lines[index + 1] for index, line in enumerate(lines) if "-->" in line]


def video_block_id(story) -> str:
    return next(block.id for block in story.body if block.block_type == "video")


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


def with_720p(media) -> VideoRendition:
    """A 720p rendition next to the worker's 360p one, as a larger upload would have."""
    rendition = VideoRendition(media=media, name="720p", width=1280, height=720, size=12)
    rendition.file.save("hue-s-720p.mp4", ContentFile(b"\x00" * 12), save=True)
    return rendition


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


# ninjs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "version"), [("", "3.1"), ("?version=1", "1.6")])
def test_ninjs_validates_with_the_video_files(client, stories, query, version):
    for story in stories:
        document = client.get(f"{STORIES}{story.pk}/ninjs/{query}").json()
        assert [error.message for error in validator(version).iter_errors(document)] == []


def test_ninjs3_carries_renditions_transcript_and_caption_files(client, stories, media):
    with_720p(media)
    _, translated = stories
    document = client.get(f"{STORIES}{translated.pk}/ninjs/").json()
    [video] = [a for a in document["associations"] if a["type"] == "video"]
    assert video["name"] == "mainvideo" and video["language"] == "en"
    renditions = {r["name"]: r for r in video["renditions"]}
    assert list(renditions) == ["original", "360p", "720p", "captions_en", "captions_vi"]
    assert renditions["original"]["href"] == f"http://testserver{media.file.url}"
    assert renditions["720p"] == {
        "name": "720p",
        "href": f"http://testserver{media.renditions.get(name='720p').file.url}",
        "contentType": "video/mp4",
        "width": 1280,
        "height": 720,
        "sizeInBytes": 12,
        "duration": pytest.approx(5, abs=0.1),
    }
    assert renditions["captions_en"]["contentType"] == WEBVTT
    assert cue_texts(client, renditions["captions_vi"]["href"])[0] == CUES[0]["text"]
    assert video["bodies"] == [
        {"role": "transcript", "contentType": "text/plain", "value": english_transcript()}
    ]
    assert video["copyrightHolder"] == translated.credit_line
    assert video["rightsInfo"] == {"linkedRights": "https://creativecommons.org/licenses/by/4.0/"}


def english_transcript() -> str:
    return (
        "EN Người dân gửi phản ánh qua Hue-S. EN Thành phố trả lời trong ngày.\n\n"
        "EN Cán bộ xử lý ngay trên điện thoại."
    )


def test_ninjs1_carries_the_same_for_superdesk(client, stories, media):
    vietnamese, _ = stories
    document = client.get(f"{STORIES}{vietnamese.pk}/ninjs/?version=1").json()
    video = document["associations"]["mainvideo"]
    assert set(video["renditions"]) == {"original", "360p", "captions_vi"}
    assert video["renditions"]["captions_vi"]["mimetype"] == WEBVTT
    assert video["renditions"]["360p"]["sizeinbytes"] == media.renditions.get().size
    assert video["renditions"]["original"]["mimetype"] == "video/mp4"
    assert video["body_text"] == TRANSCRIPT_VI


def test_ninjs_of_an_embedded_video_carries_its_transcript(client):
    story = published(parent=province("79"), body=[embedded_video(272, transcript=EMBED_TRANSCRIPT)])
    for query, version in (("", "3.1"), ("?version=1", "1.6")):
        document = client.get(f"{STORIES}{story.pk}/ninjs/{query}").json()
        assert [e.message for e in validator(version).iter_errors(document)] == []
    video = client.get(f"{STORIES}{story.pk}/ninjs/").json()["associations"][0]
    assert video["bodies"][0]["value"] == "Cán bộ một cửa kể lại.\n\nNgười dân không phải đi lại."
    assert (
        client.get(f"{STORIES}{story.pk}/ninjs/?version=1").json()["associations"]["mainvideo"]["body_text"]
        == video["bodies"][0]["value"]
    )


# Feeds ----------------------------------------------------------------------------------------

MRSS = "{http://search.yahoo.com/mrss/}"


def feed_item(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    [item] = lxml.etree.fromstring(response.content).iter("item", "{http://www.w3.org/2005/Atom}entry")
    return feed.entries[0], item


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_carry_the_caption_files(client, stories, kind):
    vietnamese, _ = stories
    entry, item = feed_item(client, f"/feeds/en/{kind}/")
    subtitles = [dict(element.attrib) for element in item.iter(f"{MRSS}subTitle")]
    block_id = video_block_id(vietnamese)
    key = vietnamese.translation_key
    assert subtitles == [
        {"type": WEBVTT, "lang": "en", "href": f"http://testserver/api/v2/captions/{key}/en/{block_id}.vtt"},
        {"type": WEBVTT, "lang": "vi", "href": f"http://testserver/api/v2/captions/{key}/vi/{block_id}.vtt"},
    ]
    # feedparser keeps the attributes of one media:subTitle (an element it does not know).
    assert entry["media_subtitle"]["type"] == WEBVTT and entry["media_subtitle"]["href"].endswith(".vtt")
    assert cue_texts(client, subtitles[0]["href"])[0] == english(CUES[0]["text"])
    entry, item = feed_item(client, f"/feeds/vi/{kind}/")
    assert [element.get("lang") for element in item.iter(f"{MRSS}subTitle")] == ["vi"]


def test_the_feed_plays_the_720p_rendition_and_keeps_the_master(client, stories, media):
    rendition = with_720p(media)
    entry, _ = feed_item(client, "/feeds/vi/rss/")
    web, small, master = entry.media_content
    assert web["url"] == f"http://testserver{rendition.file.url}"
    assert (web["type"], web["isdefault"], web["width"], web["height"]) == (
        "video/mp4",
        "true",
        "1280",
        "720",
    )
    assert web["filesize"] == "12" and web["duration"] == "5"
    assert small["url"] == f"http://testserver{media.renditions.get(name='360p').file.url}"
    assert master["url"] == f"http://testserver{media.file.url}" and master["isdefault"] == "false"
    [enclosure] = entry.enclosures
    assert (enclosure.href, enclosure.length, enclosure.type) == (web["url"], "12", "video/mp4")


def test_without_a_720p_rendition_the_feed_plays_what_there_is(client, stories, media):
    entry, _ = feed_item(client, "/feeds/vi/rss/")
    assert [content["url"] for content in entry.media_content] == [
        f"http://testserver{media.renditions.get().file.url}",
        f"http://testserver{media.file.url}",
    ]


# JSON-LD --------------------------------------------------------------------------------------


def test_json_ld_video_has_its_transcript_captions_and_web_rendition(client, stories, media):
    rendition = with_720p(media)
    vietnamese, translated = stories
    for story, language, transcript in (
        (vietnamese, "vi", TRANSCRIPT_VI),
        (translated, "en", english_transcript()),
    ):
        video = metadata(client, story.url).article()["video"]
        assert video["transcript"] == transcript
        key, block_id = vietnamese.translation_key, video_block_id(story)
        assert video["caption"] == {
            "@type": "MediaObject",
            "contentUrl": f"http://testserver/api/v2/captions/{key}/{language}/{block_id}.vtt",
            "encodingFormat": WEBVTT,
            "inLanguage": language,
        }
        assert cue_texts(client, video["caption"]["contentUrl"])
        assert video["contentUrl"] == f"http://testserver{rendition.file.url}"
        assert video["encodingFormat"] == "video/mp4"


def test_json_ld_of_an_embedded_video_has_its_transcript(client):
    story = published(parent=province("79"), body=[embedded_video(272, transcript=EMBED_TRANSCRIPT)])
    video = metadata(client, story.url).article()["video"]
    assert video["transcript"] == "Cán bộ một cửa kể lại.\n\nNgười dân không phải đi lại."
    assert "caption" not in video


# The newsroom guide ---------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/cho-bao-chi/", "/en/for-media/"])
def test_the_newsroom_guide_says_where_the_master_is(client, db, url):
    html = client.get(url).content.decode()
    for name in (
        "<code>master</code>",
        "<code>licence</code>",
        "<code>credit_line</code>",
        "<code>original</code>",
    ):
        assert name in html
    assert "<code>media:subTitle</code>" in html and "<code>captions</code>" in html
