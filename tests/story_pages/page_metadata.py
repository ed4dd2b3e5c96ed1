"""Reading a rendered page as a link preview or a search engine does: Open Graph and JSON-LD
through extruct, Twitter card tags (which extruct does not read) through lxml."""

from dataclasses import dataclass

import extruct
import lxml.html
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from story_pages.models import StoryPage
from tests.factories import StoryPageFactory


@dataclass
class PageMetadata:
    html: str
    tree: lxml.html.HtmlElement
    og: dict[str, list[str]]  # Open Graph property -> its values, in page order
    twitter: dict[str, str]
    json_ld: list[dict]

    def one(self, prop: str) -> str:
        [value] = self.og[prop]
        return value

    def article(self) -> dict:
        [article] = [item for item in self.json_ld if item.get("@type") == "NewsArticle"]
        return article


def metadata(client, url: str) -> PageMetadata:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    data = extruct.extract(
        html, base_url="http://testserver/", syntaxes=["opengraph", "json-ld"], uniform=False
    )
    og: dict[str, list[str]] = {}
    for group in data["opengraph"]:
        for prop, value in group["properties"]:
            og.setdefault(prop, []).append(value)
    tree = lxml.html.fromstring(html)
    twitter = {
        meta.get("name"): meta.get("content")
        for meta in tree.xpath("//head/meta[starts-with(@name, 'twitter:')]")
    }
    return PageMetadata(html, tree, og, twitter, data["json-ld"])


def published(**kwargs) -> StoryPage:
    story = StoryPageFactory(**kwargs)
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def hero_image() -> Image:
    return Image.objects.create(
        title="Hero", description="Mô tả ảnh", file=get_test_image_file(size=(1600, 900))
    )
