"""Pictures and a video for demo content, generated here so the project ships no binaries."""

import io
import tempfile
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtailmedia.models import get_media_model

from story_pages.demo.illustration import StoryPicture
from story_pages.models import VideoProcessing
from story_pages.video.processing import process_video
from story_pages.video.samples import write_sample_video
from story_pages.video.storage import create_video_media

# One palette per theme: digital government, economy, society (the synthetic stories' gradients).
THEME_COLOURS = {
    "chinh-quyen-so": ((179, 38, 30), (246, 196, 83)),
    "kinh-te-so": ((22, 94, 131), (120, 200, 190)),
    "xa-hoi-so": ((47, 111, 79), (236, 214, 120)),
}
THEME_NAMES = {"chinh-quyen-so": "chính quyền số", "kinh-te-so": "kinh tế số", "xa-hoi-so": "xã hội số"}
DEMO_VIDEO_TITLE = "Hue-S: phản ánh hiện trường (video minh hoạ)"
DEMO_VIDEO_SECONDS = 60  # long enough for the captions written for it


def _gradient_png(size, start, end) -> bytes:
    width, height = size
    picture = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    for x in range(width):
        t = x / max(1, width - 1)
        draw.line(
            [(x, 0), (x, height)], fill=tuple(int(a + (b - a) * t) for a, b in zip(start, end, strict=True))
        )
    # A few circles, so renditions have something to crop.
    for i in range(5):
        r = height // (3 + i)
        cx, cy = width * (i + 1) // 6, height // 2
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(255, 255, 255), width=6)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def story_image(story: dict):
    """The curated story's own illustration, created once; described in Vietnamese."""
    Image = get_image_model()
    title = f"Minh hoạ – {story['title']}"[:255]
    image = Image.objects.filter(title=title).first()
    if image is None:
        picture = StoryPicture.of(story)
        image = Image(title=title, description=picture.alt_text("vi"))
        image.file = ImageFile(io.BytesIO(picture.png()), name=f"demo-{story['slug']}.png")
        image.save()
    return image


def theme_image(theme: str):
    """A cheap gradient per theme, created once, shared by the thousands of synthetic stories."""
    Image = get_image_model()
    label = THEME_NAMES[theme]
    title = f"Ảnh minh hoạ – {label}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        start, end = THEME_COLOURS[theme]
        # Larger than the share size, as real photos are: Wagtail only resizes (to exactly
        # 1200×630) what is bigger; a 1200-wide source keeps a 1-pixel rounding of its crop.
        data = _gradient_png((1600, 900), start, end)
        image = Image(title=title, description=f"Hình minh hoạ trừu tượng cho chủ đề {label}")
        image.file = ImageFile(io.BytesIO(data), name=f"demo-{theme}.png")
        image.save()
    return image


def demo_video():
    """A real one-minute MP4 made with PyAV, its duration measured like any upload, and processed
    here (not by the worker) so that its story can be published at once."""
    Media = get_media_model()
    media = Media.objects.filter(title=DEMO_VIDEO_TITLE).first()
    if media is None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "hue-s-demo.mp4"
            write_sample_video(path, DEMO_VIDEO_SECONDS, width=640, height=360, fps=10)
            media = create_video_media(path, DEMO_VIDEO_TITLE)
    processing = VideoProcessing.objects.get(media=media)
    if not processing.is_ready:
        process_video.call(media.pk, processing.source_name)
    return media
