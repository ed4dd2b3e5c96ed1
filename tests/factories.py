"""Test data: story pages, bodies and real video files."""

import tempfile
from pathlib import Path

import factory
import polib
import wagtail_factories
from django.test import TestCase
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.synctree import create_aliases_for_new_page

from story_pages.models import ProvincePage, StoryPage, Theme
from story_pages.video.processing import process_video
from story_pages.video.samples import write_sample_video
from story_pages.video.storage import create_video_media


def province(code: str, language: str = "vi") -> ProvincePage:
    return ProvincePage.objects.get(code=code, locale__language_code=language)


def words(count: int, word: str = "số") -> str:
    return " ".join([word] * count)


def paragraph(text: str) -> tuple:
    return ("paragraph", RichText(f"<p>{text}</p>"))


# What a publishable video carries (DESIGN.md, "Video"): captions for an upload, a transcript for a link.
ONE_CUE = [{"start": 0.0, "end": 1.0, "text": "Người dân gửi phản ánh qua Hue-S."}]
TRANSCRIPT = "Cán bộ một cửa kể lại cách tỉnh đưa thủ tục hành chính lên mạng."


def embedded_video(
    seconds: int, url: str = "https://www.youtube.com/watch?v=t63demo", transcript: str = TRANSCRIPT
) -> tuple:
    value = {
        "embed_url": url,
        "embed_duration": seconds,
        "transcript": transcript,
        "media": None,
        "caption": "",
    }
    return ("video", value)


def uploaded_video(media, cues=ONE_CUE) -> tuple:
    return ("video", {"media": media, "cues": cues, "embed_url": "", "embed_duration": None, "caption": ""})


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
        skip_postgeneration_save = True  # the alias hook saves what it makes itself

    @factory.post_generation
    def english_alias(story, create, extracted, **kwargs):
        """Its place in the English tree, as the admin makes it for every new page."""
        if create:
            create_aliases_for_new_page(story)


def make_video_media(seconds: int, title: str = "Video", processed: bool = True):
    """A real tiny MP4 stored as a wagtailmedia item, its duration measured from the file, and
    (unless told otherwise) its web renditions made by the worker's task, run here."""
    with tempfile.TemporaryDirectory() as folder:
        path = write_sample_video(Path(folder) / f"video-{seconds}s.mp4", seconds, width=16, height=16, fps=1)
        media = create_video_media(path, title)
    if processed:
        process_video.call(media.pk, media.file.name)
    return type(media).objects.get(pk=media.pk)  # as a story reads it: processed, renditions made


def translate_into_english(page, translate=lambda text: f"EN {text}", publish=True):
    """Translate a page as a translator does: PO export, fill every string, PO import, save.

    Returns the English page and the wagtail-localize Translation.
    """
    english = Locale.objects.get(language_code="en")
    TranslationCreator(user=None, target_locales=[english]).create_translations(page)
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=english)
    po = polib.pofile(str(translation.export_po()))  # through text, as the file a translator edits
    for entry in po:
        entry.msgstr = translate(entry.msgid)
    translation.import_po(po)
    # wagtail-localize publishes on commit; the test's transaction never commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return page.get_translation(english).specific, translation


def publish_story(**kwargs) -> StoryPage:
    """A live story, made and published as an editor does."""
    story = StoryPageFactory(**kwargs)
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)
