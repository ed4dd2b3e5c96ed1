"""manage.py drop_stories into a folder: NewsML-G2 and ninjs of the stories changed since the last
run, one file per story and language, written whole, and only again once the story is published
again; a withdrawn story's files become cancellations, once. (S3 and SFTP targets:
test_file_drop_s3.py, test_file_drop_sftp.py.)"""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from lxml import etree
from wagtail.models import Page, PageViewRestriction

from story_pages.models import StoryPage
from tests.factories import (
    StoryPageFactory,
    make_video_media,
    paragraph,
    province,
    translate_into_english,
    uploaded_video,
)

from .test_newsml import NS, assert_valid


def drop(target, **options) -> str:
    output = io.StringIO()
    call_command("drop_stories", to=str(target), stdout=output, **options)
    return output.getvalue()


def files(target) -> dict[str, int]:
    """Every file in the target (the state's folder apart), with when it was last written."""
    return {
        str(path.relative_to(target)): path.stat().st_mtime_ns
        for path in target.rglob("*")
        if path.is_file() and ".t63-drop" not in path.parts
    }


@pytest.fixture
def stories(db):
    video = uploaded_video(make_video_media(3))
    hue = StoryPageFactory(parent=province("46"), body=[paragraph("Người dân phản ánh qua Hue-S."), video])
    hue.save_revision().publish()
    lang_son = StoryPageFactory(parent=province("20"))
    lang_son.save_revision().publish()
    StoryPageFactory(parent=province("20"))  # a draft: never dropped
    english, _ = translate_into_english(hue)
    return {"hue": hue, "hue-en": english, "lang-son": lang_son}


def name(story, extension=".xml") -> str:
    return f"t63-{story.translation_key}-{story.locale.language_code}{extension}"


def test_each_story_and_language_is_one_file_per_format(tmp_path, stories):
    drop(tmp_path, format="newsml,ninjs,ninjs1")
    expected = set()
    for story in stories.values():
        expected |= {
            f"newsml/{name(story)}",
            f"ninjs/{name(story, '.json')}",
            f"ninjs1/{name(story, '.json')}",
        }
    assert set(files(tmp_path)) == expected
    hue_en = stories["hue-en"]
    document = assert_valid((tmp_path / "newsml" / name(hue_en)).read_bytes())
    guid = document.xpath("//g2:itemRef/@residref", namespaces=NS)[0]
    assert json.loads((tmp_path / "ninjs" / name(hue_en, ".json")).read_text())["uri"] == guid
    assert json.loads((tmp_path / "ninjs1" / name(hue_en, ".json")).read_text())["headline"] == hue_en.title
    # Absolute URLs at the site's public address (the default Site's), as in the API.
    assert document.xpath("//g2:itemMeta/g2:link/@href", namespaces=NS)[0].startswith("http://localhost/en/")
    master = document.xpath(
        "//g2:remoteContent[@rendition='t63rnd:original'][@contenttype='video/mp4']", namespaces=NS
    )
    assert master[0].get("href").startswith("http://localhost/media/") and master[0].get("duration") == "3"
    # Nothing half-written is left behind: the state and the lock only.
    assert sorted(p.name for p in (tmp_path / ".t63-drop").iterdir()) == ["lock", "state.json"]


def test_a_second_run_writes_nothing_and_a_story_published_again_is_written_again(tmp_path, stories):
    drop(tmp_path, format="newsml,ninjs")
    first = files(tmp_path)
    assert "0 file(s) written" in drop(tmp_path, format="newsml,ninjs")
    assert files(tmp_path) == first

    hue = stories["hue"]
    hue.title = "Hue-S: bản sửa"
    hue.save_revision().publish()
    assert "2 file(s) written" in drop(tmp_path, format="newsml,ninjs")
    changed = {path for path, written in files(tmp_path).items() if written != first[path]}
    assert changed == {f"newsml/{name(hue)}", f"ninjs/{name(hue, '.json')}"}
    headline = etree.parse(tmp_path / "newsml" / name(hue)).xpath("//g2:headline", namespaces=NS)[0]
    assert headline.text == "Hue-S: bản sửa"


def test_a_file_taken_away_by_an_ingest_is_not_written_again(tmp_path, stories):
    drop(tmp_path)
    (tmp_path / "newsml" / name(stories["lang-son"])).unlink()
    assert "0 file(s) written" in drop(tmp_path, since="2000-01-01T00:00")
    assert "3 file(s) written" in drop(tmp_path, since="2000-01-01T00:00", force=True)


def test_since_chooses_the_stories_and_a_new_format_is_written_for_stories_already_dropped(tmp_path, stories):
    assert "0 file(s) written" in drop(tmp_path, since="2999-01-01T00:00+07:00")
    drop(tmp_path)
    assert "3 file(s) written" in drop(tmp_path, format="ninjs", since="2000-01-01")


@pytest.mark.parametrize("target", ["ftp://vov.example/", "https://vtv.example/in"])
def test_other_targets_are_refused_with_what_to_do_instead(db, target):
    with pytest.raises(
        CommandError, match=r"not supported: drop into a folder, s3://bucket/prefix/ or sftp://"
    ):
        call_command("drop_stories", to=target)


@pytest.mark.parametrize(
    ("target", "options", "message"),
    [
        ("s3:///t63", {}, "name the bucket"),
        ("sftp://ingest.vtv.example/in/", {"key_file": "/k"}, "name the user and the server"),
        ("sftp://t63:secret@ingest.vtv.example/in/", {"key_file": "/k"}, "take the password out"),
        ("sftp://t63@ingest.vtv.example/in/", {}, "give --key-file, or set T63_DROP_SFTP_KEY_FILE"),
        ("s3://bucket/t63/", {"key_file": "/k"}, "for sftp:// targets only"),
    ],
)
def test_a_wrong_remote_address_is_refused_before_connecting(db, monkeypatch, target, options, message):
    monkeypatch.delenv("T63_DROP_SFTP_KEY_FILE", raising=False)
    with pytest.raises(CommandError, match=message):
        call_command("drop_stories", to=target, **options)


@pytest.mark.parametrize(("option", "value"), [("format", "nitf"), ("since", "yesterday")])
def test_a_wrong_option_is_refused(tmp_path, db, option, value):
    with pytest.raises(CommandError, match=option):
        call_command("drop_stories", to=str(tmp_path), **{option: value})


# Withdrawals -------------------------------------------------------------------------------------


def assert_canceled(content: bytes, guid: str, language: str) -> int:
    """A NewsML-G2 cancellation of the story ``guid``, valid, without content; its version."""
    document = assert_valid(content)
    items = document.xpath("//g2:itemSet/*", namespaces=NS)
    assert [item.get("guid") for item in items] == [guid, f"{guid}:package"]
    for item in items:
        assert item.xpath("g2:itemMeta/g2:pubStatus/@qcode", namespaces=NS) == ["stat:canceled"]
        assert item.get("{http://www.w3.org/XML/1998/namespace}lang") == language
        assert not item.xpath("g2:contentSet | g2:contentMeta | g2:groupSet", namespaces=NS)
    return int(items[0].get("version"))


def story_guid_and_version(content: bytes) -> tuple[str, int]:
    document = etree.fromstring(content)
    reference = document.xpath("//g2:group[@id='root']/g2:itemRef", namespaces=NS)[0]
    return reference.get("residref"), int(reference.get("version"))


def test_a_withdrawn_story_s_files_become_cancellations_once(tmp_path, stories):
    formats = "newsml,ninjs,ninjs1"
    drop(tmp_path, format=formats)
    lang_son = stories["lang-son"]
    newsml = tmp_path / "newsml" / name(lang_son)
    guid, version = story_guid_and_version(newsml.read_bytes())
    StoryPage.objects.get(pk=lang_son.pk).unpublish()

    output = drop(tmp_path, format=formats)
    assert "3 file(s) written" in output and "0 story(ies) published and 1 withdrawn" in output
    assert assert_canceled(newsml.read_bytes(), guid, "vi") > version  # newer, for an ingest
    ninjs = json.loads((tmp_path / "ninjs" / name(lang_son, ".json")).read_bytes())
    assert (ninjs["uri"], ninjs["pubStatus"], ninjs["language"]) == (guid, "canceled", "vi")
    assert json.loads((tmp_path / "ninjs1" / name(lang_son, ".json")).read_bytes())["pubstatus"] == "canceled"
    canceled = files(tmp_path)
    assert "0 file(s) written" in drop(tmp_path, format=formats)
    assert files(tmp_path) == canceled

    # Published again: the story again.
    StoryPage.objects.get(pk=lang_son.pk).save_revision().publish()
    assert "3 file(s) written" in drop(tmp_path, format=formats)
    document = assert_valid(newsml.read_bytes())
    assert document.xpath("//g2:newsItem[@guid=$guid]//g2:pubStatus/@qcode", guid=guid, namespaces=NS) == [
        "stat:usable"
    ]


def test_a_story_made_private_is_canceled_and_written_again_once_public(tmp_path, stories):
    drop(tmp_path)
    hue = stories["hue"]
    newsml = tmp_path / "newsml" / name(hue)
    guid, _ = story_guid_and_version(newsml.read_bytes())
    written = files(tmp_path)
    # The province made private: its Vietnamese story withdrawn (the English one is under another page).
    restriction = PageViewRestriction.objects.create(
        page=province("46"), restriction_type="password", password="t"
    )
    assert "1 file(s) written" in drop(tmp_path)
    assert {path for path, at in files(tmp_path).items() if at != written[path]} == {f"newsml/{name(hue)}"}
    assert_canceled(newsml.read_bytes(), guid, "vi")

    restriction.delete()  # public again, without a new publish
    assert "1 file(s) written" in drop(tmp_path)
    assert etree.parse(newsml).xpath("//g2:headline", namespaces=NS)[0].text == hue.title


def test_a_story_moved_to_another_province_is_written_again_there(tmp_path, stories):
    drop(tmp_path)
    lang_son = stories["lang-son"]
    Page.objects.get(pk=lang_son.pk).move(province("46"), pos="last-child")
    assert "1 file(s) written" in drop(tmp_path)
    document = assert_valid((tmp_path / "newsml" / name(lang_son)).read_bytes())
    assert document.xpath("//g2:newsItem/g2:contentMeta/g2:located/@qcode", namespaces=NS) == ["t63prov:46"]


def test_a_story_withdrawn_before_it_was_ever_dropped_writes_nothing(tmp_path, stories):
    drop(tmp_path)
    brief = StoryPageFactory(parent=province("20"))
    brief.save_revision().publish()
    StoryPage.objects.get(pk=brief.pk).delete()
    assert "0 file(s) written" in drop(tmp_path)
    assert not (tmp_path / "newsml" / name(brief)).exists()
