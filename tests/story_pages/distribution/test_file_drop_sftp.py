"""manage.py drop_stories --to sftp://user@host:port/path/, against a real SFTP server in a thread
(tests/sftp_server.py): files written under a temporary name and renamed, the server's host key
checked, the key refused said so."""

import json

import paramiko
import pytest
from django.core.management import CommandError

from story_pages.models import StoryPage
from tests.sftp_server import SFTPTestServer

from .test_file_drop import assert_canceled, drop, name, story_guid_and_version
from .test_newsml import NS, assert_valid


@pytest.fixture(scope="module")
def client_key():
    return paramiko.ECDSAKey.generate()


@pytest.fixture
def key_file(tmp_path, client_key):
    path = tmp_path / "t63_drop_key"
    client_key.write_private_key_file(str(path))
    return path


@pytest.fixture
def server(request, tmp_path, client_key):
    """Serving the user "vtv" with the client key; with OpenSSH's posix-rename, unless the test's
    parameter says otherwise."""
    posix_rename = getattr(request, "param", True)
    with SFTPTestServer(tmp_path / "server", "vtv", client_key, posix_rename=posix_rename) as server:
        yield server


@pytest.fixture
def known_hosts(tmp_path, server):
    path = tmp_path / "known_hosts"
    path.write_text(server.known_hosts_line())
    return path


def files(root) -> dict[str, int]:
    return {
        str(path.relative_to(root)): path.stat().st_mtime_ns
        for path in root.rglob("*")
        if path.is_file() and ".t63-drop" not in path.parts
    }


@pytest.mark.parametrize("server", [True, False], ids=["posix-rename", "plain-rename"], indirect=True)
def test_files_land_whole_once_and_a_withdrawal_replaces_them(
    server, known_hosts, key_file, stories, monkeypatch
):
    monkeypatch.setenv("T63_DROP_SFTP_KEY_FILE", str(key_file))  # as a timer's environment gives them
    monkeypatch.setenv("T63_DROP_SFTP_KNOWN_HOSTS", str(known_hosts))
    to = f"sftp://vtv@127.0.0.1:{server.port}/~/in/t63/"
    output = drop(to, format="newsml,ninjs")
    assert f"10 file(s) written into sftp://vtv@127.0.0.1:{server.port}/~/in/t63/" in output
    root = server.root / "in" / "t63"
    expected = {
        f"{folder}/{name(story, extension)}"
        for story in stories.values()
        for folder, extension in (("newsml", ".xml"), ("ninjs", ".json"))
    }
    assert set(files(root)) == expected
    story = stories["bac-giang"]
    document = assert_valid((root / "newsml" / name(story)).read_bytes())
    assert document.xpath("//g2:newsItem//g2:headline", namespaces=NS)[0].text == story.title
    assert (root / "newsml" / name(story)).stat().st_mode & 0o777 == 0o644
    # Every file was written under a temporary name, out of the watched folders, and none is left.
    assert server.opened_for_writing and all(
        path.startswith("in/t63/.t63-drop/") and path.endswith(".tmp") for path in server.opened_for_writing
    )
    assert sorted(path.name for path in (root / ".t63-drop").iterdir()) == ["state.json"]

    written = files(root)
    assert "0 file(s) written" in drop(to, format="newsml,ninjs")
    assert files(root) == written

    guid, _ = story_guid_and_version((root / "newsml" / name(story)).read_bytes())
    StoryPage.objects.get(pk=story.pk).unpublish()  # replaces files that exist: a rename over them
    assert "2 file(s) written" in drop(to, format="newsml,ninjs")
    assert_canceled((root / "newsml" / name(story)).read_bytes(), guid, "vi")
    assert json.loads((root / "ninjs" / name(story, ".json")).read_bytes())["pubStatus"] == "canceled"
    assert sorted(path.name for path in (root / ".t63-drop").iterdir()) == ["state.json"]
    assert set(server.renames) == {"posix-rename" if server.posix_rename else "rename"}


def test_an_unknown_or_changed_host_key_is_refused(server, key_file, tmp_path, db):
    to = f"sftp://vtv@127.0.0.1:{server.port}/in/"
    unknown = tmp_path / "empty_known_hosts"
    unknown.write_text("")
    with pytest.raises(CommandError, match=r"is not a known host: its key ecdsa-sha2-nistp256 SHA256:"):
        drop(to, key_file=str(key_file), known_hosts=str(unknown))
    changed = tmp_path / "changed_known_hosts"
    changed.write_text(server.known_hosts_line(paramiko.ECDSAKey.generate()))
    with pytest.raises(CommandError, match="not the one known_hosts has for it"):
        drop(to, key_file=str(key_file), known_hosts=str(changed))
    assert not (server.root / "in").exists()


def test_a_key_the_server_does_not_know_is_refused(server, known_hosts, tmp_path, db):
    stranger = tmp_path / "stranger_key"
    paramiko.ECDSAKey.generate().write_private_key_file(str(stranger))
    with pytest.raises(CommandError, match=rf"refused the key {stranger} for 'vtv': its public key must be"):
        drop(f"sftp://vtv@127.0.0.1:{server.port}/in/", key_file=str(stranger), known_hosts=str(known_hosts))


def test_a_missing_key_file_or_known_hosts_file_is_named(server, known_hosts, key_file, tmp_path, db):
    to = f"sftp://vtv@127.0.0.1:{server.port}/in/"
    with pytest.raises(CommandError, match=r"The key file .*/no_key does not exist"):
        drop(to, key_file=str(tmp_path / "no_key"), known_hosts=str(known_hosts))
    with pytest.raises(CommandError, match=r"--known-hosts .*/no_known_hosts cannot be read"):
        drop(to, key_file=str(key_file), known_hosts=str(tmp_path / "no_known_hosts"))
