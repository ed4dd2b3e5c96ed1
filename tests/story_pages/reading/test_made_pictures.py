"""A picture is made once per version of its image (story_pages.made_pictures): the next page that
shows the image reads none of its renditions; a new focal point is shown at once, and renditions
deleted are made again. With the reader page cache off, so that each request renders its page."""

import re

import lxml.html
import pytest
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.rect import Rect
from wagtail.images.tests.utils import get_test_image_file

from story_pages import made_pictures
from story_pages.models import Theme
from tests.factories import province, publish_story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pages_uncached")]

CARD_PICTURE = "format-{avif,webp,jpeg} fill-{400x225,800x450}"  # story_card.html's


@pytest.fixture
def image():
    return Image.objects.create(title="Hero", file=get_test_image_file(size=(1600, 900)))


def rendition_reads(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum('FROM "wagtailimages_rendition"' in query["sql"] for query in queries.captured_queries)


def card_picture_urls(client, url: str) -> set[str]:
    tree = lxml.html.fromstring(client.get(url).content.decode())
    return _urls(tree.xpath("//section[@class='related-stories']//picture")[0])


def wagtails_own_picture_urls(image) -> set[str]:
    """What Wagtail's own {% picture %} shows of the image now."""
    template = engines["django"].from_string(
        "{% load wagtailimages_tags %}{% picture image " + CARD_PICTURE + " %}"
    )
    return _urls(lxml.html.fromstring(template.render({"image": image})))


def _urls(picture) -> set[str]:
    srcsets = picture.xpath(".//source/@srcset | .//img/@srcset | .//img/@src")
    return {url for srcset in srcsets for url in re.findall(r"(\S+?)(?:\s+\d+w)?(?:,|$)", srcset)}


def test_the_next_page_showing_an_image_reads_none_of_its_renditions(client, image):
    story, *others = [publish_story(parent=province("49"), hero_image=image) for _ in range(3)]
    client.get(story.url)  # the first view makes the renditions
    made_pictures.forget_all()  # as a process that has not shown the image yet
    assert rendition_reads(client, story.url) == 1  # its own picture's and its cards', at once
    assert rendition_reads(client, others[0].url) == 0
    assert rendition_reads(client, "/") == 0


def test_a_new_focal_point_is_shown_at_once(client, image):
    story = publish_story(parent=province("49"), theme=Theme.DIGITAL_ECONOMY)
    publish_story(parent=province("49"), theme=Theme.DIGITAL_ECONOMY, hero_image=image)  # its card
    before = card_picture_urls(client, story.url)
    assert before == wagtails_own_picture_urls(image)
    image.set_focal_point(Rect(1300, 350, 1500, 550))
    image.save()
    after = card_picture_urls(client, story.url)
    assert after == wagtails_own_picture_urls(Image.objects.get(pk=image.pk))
    assert after.isdisjoint(before)  # cropped around the new point: other files


def test_renditions_deleted_are_made_again(client, image):
    story = publish_story(parent=province("49"), hero_image=image)
    client.get(story.url)
    image.renditions.all().delete()  # what Wagtail's purge does, files included
    tree = lxml.html.fromstring(client.get(story.url).content.decode())
    shown = _urls(tree.xpath("//figure[@class='hero-image']/picture")[0])
    assert shown == {rendition.url for rendition in image.renditions.filter(filter_spec__contains="width")}
    assert len(shown) == 9  # 3 formats × 3 widths, all there again
