"""NewsML-G2 of a story (/api/v2/stories/<id>/newsml/) validates against IPTC's NewsML-G2 2.35
schema (tests/data/newsml-g2, read locally: no network) and carries what an agency's system needs."""

import functools
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import call_command
from lxml import etree
from wagtail.models import Locale, PageViewRestriction

from story_pages.models import StoryPage
from tests.factories import StoryPageFactory, embedded_video, paragraph, province

SCHEMAS = Path(__file__).resolve().parents[2] / "data" / "newsml-g2"
NS = {"g2": "http://iptc.org/std/nar/2006-10-01/", "x": "http://www.w3.org/1999/xhtml"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEDIA_TYPE = "application/vnd.iptc.g2.newsmessage+xml; charset=utf-8"
HUE_S = "hue-s-nen-tang-cong-dan-thua-thien-hue"
# As many as its ninjs: the private sections, the story's row, the sites and their roots, its
# picture and its renditions, its video and its renditions, the original's captions, its translations.
QUERY_BUDGET = 12  # the story's solutions (learning network) add two


@functools.cache
def newsml_schema() -> etree.XMLSchema:
    """Read once; it imports xml.xsd by a relative location, read from the same folder."""
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "NewsML-G2_2.35-spec-All-Power.xsd"), parser))


def assert_valid(content: bytes):
    """The document, once IPTC's schema has found nothing wrong with it."""
    schema = newsml_schema()
    document = etree.fromstring(content)
    if not schema.validate(document):
        pytest.fail("\n".join(str(error) for error in schema.error_log))
    return document


def newsml(client, story):
    response = client.get(f"/api/v2/stories/{story.pk}/newsml/")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == MEDIA_TYPE
    return response.content


def story_item(document):
    """The newsItem the package's root group names: the story itself."""
    guid = document.xpath("//g2:group[@id='root']/g2:itemRef/@residref", namespaces=NS)[0]
    return document.xpath("//g2:newsItem[@guid=$guid]", guid=guid, namespaces=NS)[0]


def texts(element, path: str) -> list[str]:
    """The text of each element (or the value of each attribute) at ``path``."""
    return [found if isinstance(found, str) else found.text for found in element.xpath(path, namespaces=NS)]


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)


def test_every_demo_story_in_every_language_validates(client, demo):
    stories = StoryPage.objects.published()
    assert sorted(stories.values_list("locale__language_code", flat=True)) == ["en"] * 4 + ["vi"] * 12
    for story in stories:
        document = assert_valid(newsml(client, story))
        item = story_item(document)
        assert texts(item, "g2:contentMeta/g2:headline") == [story.title]
        assert item.get(XML_LANG) == story.locale.language_code
        body = item.xpath("g2:contentSet/g2:inlineXML/x:html/x:body", namespaces=NS)
        assert body and len(body[0]) > 0  # the story's blocks, as XHTML


def test_the_story_its_picture_and_its_video_are_items_of_one_message(client, demo):
    story = StoryPage.objects.get(slug=HUE_S, locale__language_code="vi")
    document = assert_valid(newsml(client, story))
    ninjs = client.get(f"/api/v2/stories/{story.pk}/ninjs/").json()
    item = story_item(document)

    assert item.get("guid") == ninjs["uri"]
    assert texts(item, "g2:itemMeta/g2:itemClass/@qcode") == ["ninat:text"]
    assert texts(item, "g2:itemMeta/g2:pubStatus/@qcode") == ["stat:usable"]
    meta = item.find("g2:contentMeta", NS)
    assert texts(meta, "g2:language/@tag") == ["vi"]
    assert texts(meta, "g2:subject[@type='cpnat:abstract']/@qcode") == ["t63theme:chinh-quyen-so"]
    assert texts(meta, "g2:subject[@type='cpnat:abstract']/g2:name") == ["Chính quyền số"]
    assert texts(meta, "g2:located/@qcode") == ["t63prov:46"]
    assert texts(meta, "g2:subject[@type='cpnat:geoArea']/@qcode") == ["t63prov:46"]
    assert texts(meta, "g2:description[@role='drol:summary']") == [story.summary]
    assert texts(meta, "g2:creditline") == [story.credit_line]
    rights = item.find("g2:rightsInfo", NS)
    assert texts(rights, "g2:copyrightHolder/g2:name") == [story.credit_line]
    assert texts(rights, "g2:usageTerms/@href") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert "CC-BY-4.0" in texts(rights, "g2:usageTerms")[0]
    xhtml = etree.tostring(item.find("g2:contentSet/g2:inlineXML/x:html", NS), encoding="unicode")
    assert "<h2>" in xhtml and "<source " in xhtml and "</source>" not in xhtml  # empty, as in HTML

    picture = document.xpath("//g2:newsItem[g2:itemMeta/g2:itemClass/@qcode='ninat:picture']", namespaces=NS)
    assert [p.get("guid") for p in picture] == [f"{ninjs['uri']}:image:{story.hero_image_id}"]
    renditions = {r.get("rendition"): r for r in picture[0].iterfind("g2:contentSet/g2:remoteContent", NS)}
    assert set(renditions) == {"t63rnd:original", "t63rnd:share", "t63rnd:medium"}
    share = renditions["t63rnd:share"]
    assert (share.get("width"), share.get("height"), share.get("contenttype")) == ("1200", "630", "image/png")

    video = document.xpath("//g2:newsItem[g2:itemMeta/g2:itemClass/@qcode='ninat:video']", namespaces=NS)
    assert [v.get("guid") for v in video] == [f"{ninjs['uri']}:video"]
    files = {r.get("rendition"): r for r in video[0].iterfind("g2:contentSet/g2:remoteContent", NS)}
    master = files["t63rnd:original"]
    assert master.get("contenttype") == "video/mp4" and master.get("durationunit") == "timeunit:seconds"
    assert 59.5 < float(master.get("duration")) < 60.5
    assert files["t63rnd:360p"].get("href").endswith(".mp4") and files["t63rnd:360p"].get("size")
    assert files["t63rnd:captions_vi"].get("contenttype") == "text/vtt"
    assert texts(video[0], "g2:contentSet/g2:inlineData")[0].startswith("Ở Huế")  # the transcript

    package = document.find("g2:itemSet/g2:packageItem", NS)
    assert texts(package, ".//g2:group[@id='media']/g2:itemRef/@residref") == [
        picture[0].get("guid"),
        video[0].get("guid"),
    ]


def test_a_merged_province_names_the_unit_it_belongs_to_today(client, db):
    story = StoryPageFactory(parent=province("77"))  # Bà Rịa – Vũng Tàu, part of Hồ Chí Minh City
    story.save_revision().publish()
    meta = story_item(assert_valid(newsml(client, story))).find("g2:contentMeta", NS)
    assert texts(meta, "g2:located/@qcode") == ["t63prov:77"]
    assert texts(meta, "g2:located/g2:broader/@qcode") == ["t63prov:79"]


def test_a_video_only_story_is_a_video_item(client, db):
    story = StoryPageFactory(parent=province("79"), body=[embedded_video(300)])
    story.save_revision().publish()
    item = story_item(assert_valid(newsml(client, story)))
    assert texts(item, "g2:itemMeta/g2:itemClass/@qcode") == ["ninat:video"]
    (link,) = item.iterfind("g2:contentSet/g2:remoteContent", NS)
    assert link.get("href") == "https://www.youtube.com/watch?v=t63demo"
    assert (link.get("duration"), link.get("contenttype")) == ("300", "text/html")


def test_text_no_xml_can_carry_is_left_out_and_markup_stays_inert(client, db):
    story = StoryPageFactory(
        title="Sổ tay\x0b đảng viên \x01",
        body=[paragraph('a &lt; b <b onclick="steal()">đậm&#xFFFF;</b><script>steal()</script>')],
    )
    story.save_revision().publish()
    document = assert_valid(newsml(client, story))
    assert texts(story_item(document), "g2:contentMeta/g2:headline") == ["Sổ tay đảng viên "]
    body = etree.tostring(document.find(".//x:body", NS), encoding="unicode")
    assert "a &lt; b <b>đậm</b>" in body and "script" not in body and "onclick" not in body


def test_only_a_published_story_is_served(client, db):
    draft = StoryPageFactory()
    private = StoryPageFactory()
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="mật khẩu")
    public = StoryPageFactory()
    public.save_revision().publish()
    alias = public.get_translation(Locale.objects.get(language_code="en"))  # not translated yet
    for page in (draft, private, alias):
        response = client.get(f"/api/v2/stories/{page.pk}/newsml/")
        assert response.status_code == 404 and response.json() == {
            "message": "no published story with this id"
        }
    assert client.get(f"/api/v2/stories/{2**80}/newsml/").status_code == 404
    refused = client.get(f"/api/v2/stories/{public.pk}/newsml/?version=1")
    assert refused.status_code == 400 and "version" in refused.json()["message"]


def test_the_endpoint_costs_a_fixed_number_of_queries(client, demo, django_assert_max_num_queries):
    story = StoryPage.objects.get(
        slug=HUE_S, locale__language_code="en"
    )  # a video, captions in two languages
    newsml(client, story)  # the image renditions are made on the first view, as for any reader
    for cache in caches.all():
        cache.clear()  # neither the response nor the content version known: a request from scratch
    with django_assert_max_num_queries(QUERY_BUDGET):
        newsml(client, story)
