"""Story images in modern formats at the size the screen needs; cards load only when scrolled to."""

import pytest
from PIL import Image as PILImage
from wagtail.images.models import Rendition

from tests.factories import province
from tests.story_pages.page_metadata import hero_image, metadata, published

pytestmark = pytest.mark.django_db


def test_the_hero_is_a_picture_in_avif_webp_and_jpeg(client):
    story = published(hero_image=hero_image(), hero_image_alt="Cán bộ y tế")
    page = metadata(client, story.url)
    [picture] = page.tree.xpath("//figure[contains(@class, 'hero-image')]/picture")
    assert picture.xpath(".//source/@type") == ["image/avif", "image/webp"]
    [img] = picture.xpath(".//img")  # libxml2 nests the void <source>s
    assert img.get("src").endswith(".jpg") and img.get("alt") == "Cán bộ y tế"
    assert [candidate.split()[1] for candidate in img.get("srcset").split(", ")] == ["480w", "800w", "1200w"]
    assert img.get("sizes") and img.get("width") and img.get("height")  # no layout shift
    assert img.get("loading") is None  # the first thing read: never lazy
    avif = Rendition.objects.get(image=story.hero_image, filter_spec="format-avif|width-800")
    with avif.file.open() as handle, PILImage.open(handle) as encoded:
        assert encoded.format == "AVIF"  # Pillow here is built with libavif


def test_cards_load_lazily_in_modern_formats(client):
    published(parent=province("24"), hero_image=hero_image())
    page = metadata(client, province("24").url)
    [picture] = page.tree.xpath("//article[contains(@class, 'story-card')]//picture")
    assert picture.xpath(".//source/@type") == ["image/avif", "image/webp"]
    [img] = picture.xpath(".//img")  # libxml2 nests the void <source>s
    assert img.get("loading") == "lazy" and img.get("decoding") == "async"
    assert [candidate.split()[1] for candidate in img.get("srcset").split(", ")] == ["400w", "800w"]
