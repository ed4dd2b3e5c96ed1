"""Search and the API answer 429 with Retry-After to a client that asks too often; others are
unaffected, and a client cannot dodge the limit by inventing an X-Forwarded-For header."""

from unittest import mock

import pytest

pytestmark = pytest.mark.django_db

LIMITS = {"search": (("/search/", "/en/search/"), "3/60"), "api": (("/api/",), "2/60")}


@pytest.fixture
def limited(settings):
    settings.T63_RATE_LIMITS = LIMITS
    # 30 s into a window, so that no test straddles two windows.
    with mock.patch("t63site.rate_limits.time.time", return_value=1_800_000_030.0):
        yield


def get(client, path, address="203.0.113.7", **headers):
    return client.get(path, REMOTE_ADDR=address, headers=headers)


def test_search_in_either_language_shares_one_limit_then_says_when_to_come_back(client, limited):
    statuses = [get(client, path).status_code for path in ["/search/?q=so", "/en/search/?q=so", "/search/"]]
    assert statuses == [200, 200, 200]
    refused = get(client, "/en/search/?q=so")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "30"
    assert "no-store" in refused["Cache-Control"]


def test_the_api_refuses_with_json(client, limited):
    assert [get(client, "/api/v2/stories/").status_code for _ in range(2)] == [200, 200]
    refused = get(client, "/api/v2/provinces/")
    assert refused.status_code == 429
    assert "message" in refused.json() and refused["Retry-After"]


def test_another_client_and_other_pages_are_not_limited(client, limited):
    for _ in range(3):
        get(client, "/api/v2/stories/")
    assert get(client, "/api/v2/stories/", address="198.51.100.2").status_code == 200
    assert get(client, "/").status_code == 200
    assert get(client, "/search/").status_code == 200  # search counts separately from the API


def test_an_invented_forwarded_for_header_does_not_dodge_the_limit(client, limited):
    codes = [
        get(client, "/api/v2/stories/", **{"X-Forwarded-For": f"10.0.0.{n}"}).status_code for n in range(3)
    ]
    assert codes == [200, 200, 429]


def test_behind_a_trusted_proxy_the_address_it_appended_is_the_client(client, limited, settings):
    settings.T63_TRUST_X_FORWARDED_FOR = True
    proxy = "10.0.0.1"
    for _ in range(2):
        get(client, "/api/v2/stories/", address=proxy, **{"X-Forwarded-For": "1.2.3.4, 203.0.113.9"})
    # The same reader, whatever it claims before the proxy's entry: refused.
    again = get(client, "/api/v2/stories/", address=proxy, **{"X-Forwarded-For": "5.6.7.8, 203.0.113.9"})
    assert again.status_code == 429
    # Another reader behind the same proxy: served.
    other = get(client, "/api/v2/stories/", address=proxy, **{"X-Forwarded-For": "203.0.113.10"})
    assert other.status_code == 200


def test_a_limit_of_zero_turns_it_off(client, settings):
    settings.T63_RATE_LIMITS = {"api": (("/api/",), "0")}
    assert {get(client, "/api/v2/stories/").status_code for _ in range(5)} == {200}
