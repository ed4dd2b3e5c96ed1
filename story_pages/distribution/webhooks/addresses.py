"""Where a webhook may go: an http(s) URL whose host resolves to public addresses only, so that
no one can make T63's servers send requests into their own network (server-side request
forgery: the cloud's metadata service at 169.254.169.254, a database on 10.x, the admin on
127.0.0.1).

The host is resolved and every address it resolves to is checked: loopback, private, link-local,
shared (100.64/10), reserved, multicast and unspecified addresses are refused, in IPv4 and IPv6,
and an IPv4 address carried inside an IPv6 one (IPv4-mapped, 6to4, Teredo, NAT64) is checked as
IPv4. The check is made when the ministry saves an endpoint and again for every connection a
delivery opens, and the connection goes to the very address that was checked: a name that
resolves to a public address when checked and to 127.0.0.1 a moment later (DNS rebinding) gains
nothing. HTTPS still sends the host name (SNI) and verifies the certificate against it.

``T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES`` turns the address check off (the scheme and the rest of
the URL are still checked): development and tests with a receiver on this machine, never
production.
"""

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

SCHEMES = {"http": 80, "https": 443}
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class RefusedURL(Exception):
    """An endpoint's URL that T63 does not send to. ``reason`` is a code the admin's form words
    in the ministry's language; the message is for the delivery log."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Target:
    """An endpoint's URL, taken apart, with the address checked for this connection."""

    scheme: str
    host: str
    port: int
    path: str  # with the query
    address: str


def allow_private() -> bool:
    return bool(getattr(settings, "T63_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", False))


def check(url: str) -> Target:
    """The URL's target, its host resolved and checked; RefusedURL if T63 may not send there."""
    scheme, host, port, path = _parts(url)
    addresses = _resolve(host, port)
    if not allow_private():
        for address in addresses:
            if reason := refusal(address):
                raise RefusedURL(
                    "private", f"{host} resolves to {address}, a {reason} address: only public ones"
                )
    return Target(scheme, host, port, path, str(addresses[0]))


def refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why T63 must not connect to ``address`` (a word for the log), None if it is public."""
    if address.version == 6:
        embedded = [address.ipv4_mapped, address.sixtofour, address.teredo[1] if address.teredo else None]
        if address in NAT64:
            embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        for inner in embedded:
            if inner is not None and (reason := refusal(inner)):
                return reason
    for reason, refused in (
        ("loopback", address.is_loopback),
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("non-public", not address.is_global),  # shared 100.64/10, documentation ranges, ...
    ):
        if refused:
            return reason
    return None


def _parts(url: str) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise RefusedURL("malformed", f"not a URL: {error}") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise RefusedURL("scheme", f"{scheme or 'no'} scheme: only http and https")
    if parts.username is not None or parts.password is not None:
        raise RefusedURL("credentials", "a user or password in the URL: the signature authenticates")
    if not parts.hostname:
        raise RefusedURL("malformed", "no host")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port or SCHEMES[scheme], path


def _resolve(host: str, port: int) -> list:
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise RefusedURL("unresolvable", f"{host} does not resolve: {error}") from None
    addresses = []
    for *_, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])  # an IPv6 zone is no part of it
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise RefusedURL("unresolvable", f"{host} resolves to no address")
    return addresses


def connection(target: Target, timeout: float) -> http.client.HTTPConnection:
    """An HTTP(S) connection to ``target.address``, speaking to the URL's host (Host header, SNI,
    certificate), through no proxy."""
    if target.scheme == "https":
        made = http.client.HTTPSConnection(
            target.host, target.port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        made = http.client.HTTPConnection(target.host, target.port, timeout=timeout)

    def to_the_checked_address(address, timeout, source_address=None):
        return socket.create_connection((target.address, address[1]), timeout, source_address)

    made._create_connection = to_the_checked_address
    return made
