"""manage.py drop_stories --to s3://bucket/prefix/, against a real S3 API served locally (moto's
server, a versioned bucket: every put is a version, so what a run wrote is counted, not guessed)."""

import json
import logging
import uuid
from types import SimpleNamespace

import boto3
import pytest
from django.core.management import CommandError
from moto.server import ThreadedMotoServer

from story_pages.distribution.file_drop import DropError
from story_pages.distribution.file_drop.s3 import S3Target
from story_pages.models import StoryPage

from .test_file_drop import assert_canceled, drop, name, story_guid_and_version
from .test_newsml import NS, assert_valid

PREFIX = "t63/"
NEWSML_TYPE = "application/vnd.iptc.g2.newsmessage+xml; charset=utf-8"


@pytest.fixture(scope="module")
def s3_endpoint():
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, monkeypatch, tmp_path):
    """A new versioned bucket; the AWS variables as an operator sets them, nothing from this machine."""
    for variable in ("AWS_S3_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_PROFILE", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_endpoint)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "t63-drop")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "t63-drop-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    client = boto3.client("s3", endpoint_url=s3_endpoint)
    bucket_name = f"t63-drop-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=bucket_name)
    client.put_bucket_versioning(Bucket=bucket_name, VersioningConfiguration={"Status": "Enabled"})
    return SimpleNamespace(name=bucket_name, client=client, url=f"s3://{bucket_name}/{PREFIX}")


def puts(bucket) -> dict[str, int]:
    """How many times each object was written (the state apart)."""
    counts: dict[str, int] = {}
    for version in bucket.client.list_object_versions(Bucket=bucket.name).get("Versions", []):
        if ".t63-drop/" not in version["Key"]:
            counts[version["Key"]] = counts.get(version["Key"], 0) + 1
    return counts


def content(bucket, key: str) -> bytes:
    return bucket.client.get_object(Bucket=bucket.name, Key=PREFIX + key)["Body"].read()


def test_each_story_is_an_object_written_once_and_a_correction_rewrites_its_own(bucket, stories):
    assert "10 file(s) written" in drop(bucket.url, format="newsml,ninjs")
    expected = {
        f"{PREFIX}{folder}/{name(story, extension)}"
        for story in stories.values()
        for folder, extension in (("newsml", ".xml"), ("ninjs", ".json"))
    }
    assert puts(bucket) == dict.fromkeys(expected, 1)
    english = stories["bac-giang-en"]
    key = f"newsml/{name(english)}"
    document = assert_valid(content(bucket, key))
    assert document.xpath("//g2:headline", namespaces=NS)[0].text == english.title
    head = bucket.client.head_object(Bucket=bucket.name, Key=PREFIX + key)
    assert head["ContentType"] == NEWSML_TYPE
    state = json.loads(content(bucket, ".t63-drop/state.json"))
    assert set(state["written"]) == {key.removeprefix(PREFIX) for key in expected} and state["last_run"]

    # Nothing changed: nothing written.
    assert "0 file(s) written" in drop(bucket.url, format="newsml,ninjs")
    assert puts(bucket) == dict.fromkeys(expected, 1)

    corrected = StoryPage.objects.get(pk=stories["bac-ninh"].pk)
    corrected.title = "Bắc Ninh: bản sửa"
    corrected.save_revision().publish()
    assert "2 file(s) written" in drop(bucket.url, format="newsml,ninjs")
    rewritten = {key for key, count in puts(bucket).items() if count == 2}
    assert rewritten == {f"{PREFIX}newsml/{name(corrected)}", f"{PREFIX}ninjs/{name(corrected, '.json')}"}
    ninjs = json.loads(content(bucket, f"ninjs/{name(corrected, '.json')}"))
    assert ninjs["headlines"][0]["value"] == corrected.title


def test_a_deleted_story_s_objects_become_cancellations_once(bucket, stories):
    drop(bucket.url, format="newsml,ninjs")
    story = stories["hcm-video"]
    guid, version = story_guid_and_version(content(bucket, f"newsml/{name(story)}"))
    StoryPage.objects.get(pk=story.pk).delete()

    assert "2 file(s) written" in drop(bucket.url, format="newsml,ninjs")
    assert assert_canceled(content(bucket, f"newsml/{name(story)}"), guid, "vi") > version
    assert json.loads(content(bucket, f"ninjs/{name(story, '.json')}"))["pubStatus"] == "canceled"
    written = puts(bucket)
    assert "0 file(s) written" in drop(bucket.url, format="newsml,ninjs")
    assert puts(bucket) == written


def test_a_run_cut_short_leaves_the_next_to_write_only_what_it_missed(bucket, stories, monkeypatch):
    write = S3Target.write
    story_files = []

    def connection_lost_after_two(self, name, content, content_type):
        if not name.startswith(".t63-drop/"):
            if len(story_files) == 2:
                raise DropError("connection lost")
            story_files.append(name)
        write(self, name, content, content_type)

    monkeypatch.setattr(S3Target, "write", connection_lost_after_two)
    with pytest.raises(CommandError, match="connection lost"):
        drop(bucket.url)
    monkeypatch.setattr(S3Target, "write", write)
    assert set(puts(bucket)) == {PREFIX + name for name in story_files}

    assert "3 file(s) written" in drop(bucket.url)
    assert puts(bucket) == {f"{PREFIX}newsml/{name(story)}": 1 for story in stories.values()}
    assert "0 file(s) written" in drop(bucket.url)


def test_the_site_s_media_endpoint_variable_is_used_first(bucket, stories, monkeypatch, s3_endpoint):
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", s3_endpoint)
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens there
    assert "5 file(s) written" in drop(f"s3://{bucket.name}")  # no prefix: at the bucket's root
    assert f"newsml/{name(stories['bac-giang'])}" in puts(bucket)


def test_a_missing_bucket_or_missing_credentials_say_so(bucket, db, monkeypatch):
    with pytest.raises(CommandError, match="there is no bucket 'no-such-bucket'"):
        drop("s3://no-such-bucket/t63/")
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    with pytest.raises(CommandError, match=r"no AWS credentials\. Set AWS_ACCESS_KEY_ID"):
        drop(bucket.url)
