"""No server-side request forgery: only http(s) URLs whose host resolves to public addresses,
checked when the ministry saves an endpoint and at every connection a delivery opens, which goes
to the very address checked."""

import socket

import pytest
from django.test import override_settings

from story_pages.distribution.webhooks import addresses
from story_pages.distribution.webhooks.addresses import RefusedURL, Target, check, connection
from story_pages.models import AttemptOutcome, WebhookAttempt
from tests.story_pages.distribution.webhooks.conftest import published

PUBLIC = "14.225.0.1"  # an address on the public internet (no DNS needed to check it)


def resolving(monkeypatch, table: dict[str, list[str]]):
    """Host names resolve as ``table`` says (the machine's own resolver for the rest)."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in table:
            return [
                (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in table[host]
            ]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://127.8.0.1:8000/hook",
        "http://10.0.0.5/hook",
        "http://172.16.3.4/hook",
        "http://192.168.1.10/hook",
        "http://169.254.169.254/latest/meta-data/",  # the cloud's metadata service
        "http://100.64.0.7/hook",  # shared address space (carrier-grade NAT)
        "http://0.0.0.0:8000/",
        "http://224.0.0.1/",
        "http://[::1]:8000/hook",
        "http://[::]/",
        "http://[fe80::1]/",
        "http://[fc00::5]/",
        "http://[::ffff:127.0.0.1]/hook",  # IPv4-mapped
        "http://[::ffff:a00:5]/hook",  # 10.0.0.5, IPv4-mapped
        "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
        "http://[64:ff9b::a00:5]/",  # NAT64 of 10.0.0.5
        "http://localhost:8000/hook",  # a name that resolves to loopback
        "http://2130706433/",  # 127.0.0.1 written as a number
    ],
)
def test_private_loopback_and_reserved_addresses_are_refused(url):
    with pytest.raises(RefusedURL) as refused:
        check(url)
    assert refused.value.reason == "private"


def test_a_name_is_refused_if_any_of_its_addresses_is_private(monkeypatch):
    resolving(monkeypatch, {"hooks.bao.vn": [PUBLIC, "10.1.2.3"], "tin.bao.vn": [PUBLIC]})
    with pytest.raises(RefusedURL, match=r"10\.1\.2\.3, a private address"):
        check("https://hooks.bao.vn/t63")
    target = check("https://tin.bao.vn/t63?k=1")
    assert target == Target("https", "tin.bao.vn", 443, "/t63?k=1", PUBLIC)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://14.225.0.1/", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("gopher://14.225.0.1:70/", "scheme"),
        ("14.225.0.1/hook", "scheme"),
        ("https://user:mk@14.225.0.1/", "credentials"),
        ("https:///hook", "malformed"),
        ("http://14.225.0.1:99999/", "malformed"),
        ("https://khong-co-that.invalid/", "unresolvable"),
    ],
)
def test_only_http_and_https_urls_without_credentials(url, reason):
    with pytest.raises(RefusedURL) as refused:
        check(url)
    assert refused.value.reason == reason


def test_a_public_address_is_accepted():
    assert check(f"http://{PUBLIC}:8080/hook").address == PUBLIC


def test_the_setting_lets_a_local_receiver_through_in_tests_only():
    with override_settings(T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=True):
        assert check("http://127.0.0.1:8000/hook").address == "127.0.0.1"
        with pytest.raises(RefusedURL):
            check("ftp://127.0.0.1/")  # the rest of the URL is still checked
    with pytest.raises(RefusedURL):
        check("http://127.0.0.1:8000/hook")


def test_the_connection_goes_to_the_address_checked_whatever_the_name_resolves_to_later(
    receiver, monkeypatch
):
    """DNS rebinding: the name may resolve elsewhere a moment later; the connection does not ask."""
    target = Target("http", "hooks.bao.vn", receiver.server.server_port, "/t63", "127.0.0.1")
    resolving(monkeypatch, {"hooks.bao.vn": ["10.9.9.9"]})
    made = connection(target, timeout=5)
    made.request("POST", target.path, body=b"{}", headers={"Content-Length": "2"})
    assert made.getresponse().status == 204
    [arrived] = receiver.received
    assert arrived.headers["Host"] == f"hooks.bao.vn:{receiver.server.server_port}"


def test_https_checks_the_certificate_of_the_name_not_the_address():
    made = connection(Target("https", "hooks.bao.vn", 443, "/", PUBLIC), timeout=1)
    assert made.host == "hooks.bao.vn"  # what SNI and the certificate check use
    assert made._context.check_hostname and made._context.verify_mode.name == "CERT_REQUIRED"


@pytest.mark.django_db
def test_each_delivery_checks_the_address_again(receiver, endpoint, committed):
    """Saved while allowed (or while its name was public): refused when the time comes."""
    with override_settings(T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=False), committed():
        published()
    attempt = WebhookAttempt.objects.get()
    assert attempt.outcome == AttemptOutcome.RETRY
    assert attempt.error.startswith("refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address")
    assert receiver.received == []


def test_the_address_check_refuses_what_the_form_refuses():
    """The admin's form words every refusal (forms.REFUSED_URL_MESSAGES)."""
    from story_pages.distribution.webhooks.forms import REFUSED_URL_MESSAGES

    reasons = {"malformed", "scheme", "credentials", "unresolvable", "private"}
    assert set(REFUSED_URL_MESSAGES) == reasons
    assert addresses.SCHEMES.keys() == {"http", "https"}
