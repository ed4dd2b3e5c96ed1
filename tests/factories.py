"""Test data: story pages, bodies and real video files."""

import tempfile
from pathlib import Path

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from story_pages.media_files import create_video_media
from story_pages.models import ProvincePage, StoryPage, Theme
from story_pages.sample_video import write_sample_video


def province(code: str, language: str = "vi") -> ProvincePage:
    return ProvincePage.objects.get(code=code, locale__language_code=language)


def words(count: int, word: str = "số") -> str:
    return " ".join([word] * count)


def paragraph(text: str) -> tuple:
    return ("paragraph", RichText(f"<p>{text}</p>"))


def embedded_video(seconds: int, url: str = "https://www.youtube.com/watch?v=t63demo") -> tuple:
    return ("video", {"embed_url": url, "embed_duration": seconds, "media": None, "caption": ""})


def uploaded_video(media) -> tuple:
    return ("video", {"media": media, "embed_url": "", "embed_duration": None, "caption": ""})


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Câu chuyện chuyển đổi số {n}")
    summary = "Tỉnh đưa thủ tục hành chính lên mạng và người dân không phải đi lại nhiều lần."
    theme = Theme.DIGITAL_GOVERNMENT
    credit_line = "Sở Thông tin và Truyền thông tỉnh Bắc Giang"
    body = factory.LazyFunction(lambda: [paragraph(words(50))])
    parent = factory.LazyFunction(lambda: province("24"))
    live = False  # a new story is a draft until it is published

    class Meta:
        model = StoryPage


def make_video_media(seconds: int, title: str = "Video"):
    """A real tiny MP4 stored as a wagtailmedia item, its duration measured from the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = write_sample_video(Path(folder) / f"video-{seconds}s.mp4", seconds, width=16, height=16, fps=1)
        return create_video_media(path, title)
