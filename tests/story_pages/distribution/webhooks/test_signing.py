"""The signature, checked with the code the outlets' guide gives (docs/webhooks.md): a receiver
that follows it refuses a changed body, another secret, and a request replayed later."""

import hashlib
import hmac
import time

from story_pages.distribution.webhooks.signing import signature
from tests.story_pages.distribution.webhooks.receiver import verify

SECRET = "k" * 43
BODY = b'{"event":"published","change":{"id":42},"story":null}'


def test_the_header_is_the_time_and_the_hmac_of_the_time_and_the_body():
    # HMAC-SHA256("k"*43, "1764922215." + body), worked out apart from T63's code.
    expected = hmac.new(SECRET.encode(), b"1764922215." + BODY, hashlib.sha256).hexdigest()
    assert signature(SECRET, BODY, 1764922215) == f"t=1764922215,v1={expected}"


def test_the_guides_receiver_accepts_a_fresh_genuine_request():
    now = int(time.time())
    assert verify(SECRET, BODY, signature(SECRET, BODY, now))


def test_the_guides_receiver_refuses_a_changed_body_another_secret_or_a_bad_header():
    header = signature(SECRET, BODY, int(time.time()))
    assert not verify(SECRET, BODY.replace(b"42", b"43"), header)
    assert not verify("x" * 43, BODY, header)
    last_digit_changed = header[:-1] + ("1" if header.endswith("0") else "0")
    for broken in ("", "t=abc,v1=00", "v1=00", header.replace("v1=", "v2="), last_digit_changed):
        assert not verify(SECRET, BODY, broken)


def test_the_guides_receiver_refuses_a_replay_older_than_five_minutes():
    then = int(time.time()) - 301
    assert not verify(SECRET, BODY, signature(SECRET, BODY, then))
    assert verify(SECRET, BODY, signature(SECRET, BODY, then), now=then + 299)
    assert not verify(SECRET, BODY, signature(SECRET, BODY, int(time.time()) + 400))  # from the future
