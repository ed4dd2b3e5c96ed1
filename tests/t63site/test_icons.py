"""The favicon, the app icons and the web manifest: served, of the right type, linked from pages."""

import io
import json

import lxml.html
import pytest
from django.contrib.staticfiles import finders
from PIL import Image

pytestmark = pytest.mark.django_db


def test_favicon_is_served_as_an_icon_of_32_pixels(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert Image.open(io.BytesIO(response.content)).size == (32, 32)


def test_the_manifest_parses_and_names_icons_that_exist(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert (manifest["short_name"], manifest["lang"], manifest["theme_color"]) == ("T63", "vi", "#b3261e")
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        size = int(icon["sizes"].split("x")[0])
        assert Image.open(path).size == (size, size)


@pytest.mark.parametrize("url", ["/", "/en/"])
def test_every_page_links_the_icons_and_the_manifest(client, url):
    tree = lxml.html.fromstring(client.get(url).content.decode())
    assert tree.xpath("//link[@rel='manifest']/@href") == ["/manifest.webmanifest"]
    assert tree.xpath("//link[@rel='icon']/@href")[0] == "/favicon.ico"
    [touch] = tree.xpath("//link[@rel='apple-touch-icon']/@href")
    assert Image.open(finders.find(touch.removeprefix("/static/"))).size == (180, 180)
