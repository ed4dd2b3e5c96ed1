"""Guessing a private section's password is limited as guessing an editor's is: after five wrong
tries from one address, that address is refused for a while, even with the right password, and
told so; a reader at another address is not locked out."""

import re

import pytest
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from tests.factories import province, publish_story

ATTACKER, READER = "203.0.113.66", "198.51.100.7"
SECRET = "Nội dung sau mật khẩu"


@pytest.fixture
def private_story(db):
    story = publish_story(parent=province("24"), body=[("paragraph", RichText(f"<p>{SECRET}</p>"))])
    PageViewRestriction.objects.create(page=story, restriction_type="password", password="dung-roi")
    return story


def try_password(client, story, password, address=ATTACKER):
    form = client.get(story.url, REMOTE_ADDR=address).content.decode()
    action = re.search(r'<form action="([^"]+)"', form).group(1)
    return client.post(action, {"password": password, "return_url": story.url}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_that_address_out(client, private_story, settings):
    for _ in range(settings.T63_LOGIN_MAX_FAILURES):
        assert try_password(client, private_story, "doan-mo").status_code == 200  # the form again
    response = try_password(client, private_story, "dung-roi")
    assert response.status_code == 429
    assert "15" in response.content.decode()  # says for how long
    assert SECRET not in client.get(private_story.url, REMOTE_ADDR=ATTACKER).content.decode()


def test_the_message_is_in_the_readers_language(client, private_story, settings):
    for _ in range(settings.T63_LOGIN_MAX_FAILURES):
        try_password(client, private_story, "doan-mo")
    html = try_password(client, private_story, "dung-roi").content.decode()
    assert "Bạn đã nhập sai mật khẩu quá nhiều lần" in html


def test_a_reader_elsewhere_still_gets_in(client, private_story, settings):
    for _ in range(settings.T63_LOGIN_MAX_FAILURES):
        try_password(client, private_story, "doan-mo")
    assert try_password(client, private_story, "dung-roi", address=READER).status_code == 302
    assert SECRET in client.get(private_story.url, REMOTE_ADDR=READER).content.decode()


def test_the_right_password_starts_the_count_again(client, private_story, settings):
    for _ in range(settings.T63_LOGIN_MAX_FAILURES - 1):
        try_password(client, private_story, "doan-mo")
    assert try_password(client, private_story, "dung-roi").status_code == 302
    client.cookies.clear()
    for _ in range(settings.T63_LOGIN_MAX_FAILURES - 1):
        try_password(client, private_story, "doan-mo")
    assert try_password(client, private_story, "dung-roi").status_code == 302
