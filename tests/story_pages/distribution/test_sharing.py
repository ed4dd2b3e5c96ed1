"""A story as link previews and search engines read it: Open Graph, Twitter card, JSON-LD."""

from datetime import datetime

import pytest
from wagtail.models import Locale

from story_pages.models import Licence, StoryPage
from tests.factories import (
    StoryPageFactory,
    embedded_video,
    make_video_media,
    paragraph,
    province,
    translate_into_english,
    uploaded_video,
    words,
)
from tests.story_pages.page_metadata import hero_image, metadata, published

pytestmark = pytest.mark.django_db

SUMMARY = "Bắc Giang số hoá xét nghiệm: kết quả có sau 2 giờ, không phải 2 ngày."


def same_second(iso_text: str, moment: datetime) -> bool:
    return datetime.fromisoformat(iso_text) == moment.replace(microsecond=0)


def test_a_text_story_previews_as_an_article_with_its_share_image(client):
    story = published(
        title="Xét nghiệm số", summary=SUMMARY, hero_image=hero_image(), hero_image_alt="Cán bộ y tế"
    )
    page = metadata(client, story.url)
    share = story.hero_image.get_rendition("fill-1200x630")
    assert page.tree.xpath("//link[@rel='canonical']/@href") == [story.full_url]
    assert story.full_url.startswith("http://")
    assert page.one("og:type") == "article"
    assert page.one("og:site_name") == "T63"
    assert page.one("og:title") == "Xét nghiệm số"
    assert page.one("og:description") == SUMMARY
    assert page.one("og:url") == story.full_url
    assert page.one("og:locale") == "vi_VN"
    assert "og:locale:alternate" not in page.og  # no English translation yet
    assert page.one("og:image") == f"http://testserver{share.url}"
    assert (page.one("og:image:width"), page.one("og:image:height")) == ("1200", "630")
    assert page.one("og:image:alt") == "Cán bộ y tế"
    assert same_second(page.one("article:published_time"), story.first_published_at)
    assert same_second(page.one("article:modified_time"), story.last_published_at)
    assert page.one("article:section") == "Chính quyền số"
    assert "og:video" not in page.og
    assert page.tree.xpath("//meta[@name='description']/@content") == [SUMMARY]  # for search results
    assert page.twitter == {
        "twitter:card": "summary_large_image",
        "twitter:title": "Xét nghiệm số",
        "twitter:description": SUMMARY,
        "twitter:image": f"http://testserver{share.url}",
        "twitter:image:alt": "Cán bộ y tế",
    }


def test_a_story_without_an_image_falls_back_to_the_image_description_or_a_small_card(client):
    with_image = published(hero_image=hero_image())  # no alt text of its own
    assert metadata(client, with_image.url).one("og:image:alt") == "Mô tả ảnh"
    page = metadata(client, published().url)
    assert "og:image" not in page.og
    assert page.twitter["twitter:card"] == "summary"


def test_a_text_story_is_a_news_article(client):
    story = published(
        title="Xét nghiệm số",
        summary=SUMMARY,
        hero_image=hero_image(),
        licence=Licence.CC_BY_SA_4,
        body=[paragraph(words(120))],
    )
    article = metadata(client, story.url).article()
    share = story.hero_image.get_rendition("fill-1200x630")
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Xét nghiệm số"
    assert article["description"] == SUMMARY
    assert article["image"] == [f"http://testserver{share.url}"]
    assert same_second(article["datePublished"], story.first_published_at)
    assert same_second(article["dateModified"], story.last_published_at)
    assert article["inLanguage"] == "vi"
    assert article["author"]["@type"] == "Organization"
    assert article["author"]["name"] == story.credit_line
    assert article["author"]["areaServed"]["name"] == province("24").official_name
    assert article["publisher"] == {"@type": "Organization", "name": "T63", "url": "http://localhost/"}
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": story.full_url}
    assert article["isAccessibleForFree"] is True
    assert article["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert article["articleSection"] == "Chính quyền số"
    assert article["wordCount"] == 120
    assert "video" not in article


def test_an_uploaded_video_is_its_largest_web_rendition_with_the_measured_duration(client):
    media = make_video_media(330)
    story = published(hero_image=hero_image(), body=[uploaded_video(media), paragraph("Video.")])
    page = metadata(client, story.url)
    largest = media.renditions.order_by("-height").first()
    file_url = f"http://testserver{largest.file.url}"  # plays anywhere; the master may not
    assert page.one("og:video") == file_url
    assert page.one("og:video:type") == "video/mp4"
    assert (page.one("og:video:width"), page.one("og:video:height")) == ("16", "16")
    video = page.article()["video"]
    assert video["@type"] == "VideoObject"
    assert video["name"] == story.title and video["description"] == story.summary
    assert video["duration"] == "PT5M30S"
    assert video["contentUrl"] == file_url
    assert video["encodingFormat"] == "video/mp4"
    assert video["thumbnailUrl"] == [page.one("og:image")]
    assert same_second(video["uploadDate"], story.first_published_at)
    assert "embedUrl" not in video


def test_without_a_hero_image_an_uploaded_video_shows_its_own_poster_frame(client):
    media = make_video_media(5)
    story = published(body=[uploaded_video(media)])
    video = metadata(client, story.url).article()["video"]
    assert video["thumbnailUrl"] == [f"http://testserver{media.thumbnail.url}"]


@pytest.mark.parametrize(
    "url,player",
    [
        ("https://www.youtube.com/watch?v=t63demo", "https://www.youtube.com/embed/t63demo"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        (
            "https://www.facebook.com/watch/?v=10153231379946729",
            "https://www.facebook.com/plugins/video.php?href="
            "https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D10153231379946729",
        ),
    ],
)
def test_an_embedded_video_is_its_player_with_the_stated_duration(client, url, player):
    story = published(body=[paragraph("Xem video."), embedded_video(330, url)])
    page = metadata(client, story.url)
    assert page.one("og:video") == player
    assert page.one("og:video:type") == "text/html"
    video = page.article()["video"]
    assert video["duration"] == "PT5M30S"
    assert video["embedUrl"] == player
    assert "contentUrl" not in video


def test_a_translation_names_its_language_and_the_other(client):
    story = published(hero_image=hero_image())
    english, _ = translate_into_english(story)
    vietnamese_page, english_page = metadata(client, story.url), metadata(client, english.url)
    assert vietnamese_page.og["og:locale:alternate"] == ["en_US"]
    assert english_page.one("og:locale") == "en_US"
    assert english_page.og["og:locale:alternate"] == ["vi_VN"]
    assert english_page.one("og:url") == english.full_url
    assert english_page.one("og:title") == f"EN {story.title}"
    assert english_page.one("article:section") == "Digital government"
    article = english_page.article()
    assert article["inLanguage"] == "en"
    assert article["articleSection"] == "Digital government"


def test_an_untranslated_english_address_previews_the_vietnamese_original(client):
    story = published()
    alias = story.get_translation(Locale.objects.get(language_code="en"))
    page = metadata(client, alias.url)
    assert page.one("og:url") == story.full_url
    assert page.one("og:locale") == "vi_VN"
    assert page.one("article:section") == "Chính quyền số"  # the language of the content
    assert page.article()["inLanguage"] == "vi"


@pytest.mark.parametrize("path", ["/", "/tinh-thanh/", "/tinh-thanh/bac-giang/", "/en/"])
def test_every_other_page_previews_with_a_title_and_its_address(client, path):
    page = metadata(client, path)
    [canonical] = page.tree.xpath("//link[@rel='canonical']/@href")
    assert page.one("og:url") == canonical
    assert page.one("og:type") == "website"
    assert page.one("og:site_name") == "T63"
    assert page.one("og:title") == page.tree.findtext(".//h1").strip()
    assert page.one("og:locale") == ("en_US" if path.startswith("/en/") else "vi_VN")
    assert page.json_ld == []


def test_the_editors_preview_renders_with_its_metadata(db):
    draft = StoryPageFactory(title="Bản nháp", body=[embedded_video(90)])
    # A new page previewed before its first save, placed in the tree as Wagtail's preview does.
    parent = province("24")
    unsaved = StoryPage(
        title="Chưa lưu", slug="chua-luu", summary=SUMMARY, theme=draft.theme, locale=draft.locale
    )
    unsaved.depth, unsaved.path = parent.depth + 1, parent.get_last_child()._inc_path()
    unsaved.set_url_path(parent)
    for story in (draft, unsaved):
        html = story.make_preview_request().content.decode()
        assert f'<meta property="og:title" content="{story.title}">' in html
        assert '"@type":"NewsArticle"' in html
