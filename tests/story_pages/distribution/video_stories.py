"""A story with a captioned, processed video and its English translation, as the tests of what
outlets get of a story's video use it."""

from urllib.parse import urlsplit

from django.core.files.base import ContentFile

from story_pages.models import VideoRendition
from tests.factories import (
    StoryPageFactory,
    make_video_media,
    paragraph,
    province,
    translate_into_english,
)

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


def hue_s_video():
    return make_video_media(5, title="Hue-S")


def story_with_captioned_video(media):
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


def with_720p(media) -> VideoRendition:
    """A 720p rendition next to the worker's 360p one, as a larger upload would have."""
    rendition = VideoRendition(media=media, name="720p", width=1280, height=720, size=12)
    rendition.file.save("hue-s-720p.mp4", ContentFile(b"\x00" * 12), save=True)
    return rendition
