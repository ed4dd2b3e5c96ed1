"""What outlets get of a story's video in ninjs, the RSS and Atom feeds and JSON-LD (issue 16): the
web renditions, the master, the caption files per language and the transcript."""

import feedparser
import lxml.etree
import lxml.html
import pytest

from tests.factories import embedded_video, province
from tests.story_pages.distribution.test_ninjs import validator
from tests.story_pages.distribution.video_stories import (
    CUES,
    EMBED_TRANSCRIPT,
    STORIES,
    TRANSCRIPT_VI,
    WEBVTT,
    cue_texts,
    english,
    hue_s_video,
    published,
    story_with_captioned_video,
    video_block_id,
    with_720p,
)
from tests.story_pages.page_metadata import metadata

pytestmark = pytest.mark.django_db


@pytest.fixture
def media():
    return hue_s_video()


@pytest.fixture
def stories(media):
    return story_with_captioned_video(media)


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
