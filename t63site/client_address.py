"""The address a request came from, as far as it can be trusted."""

from django.conf import settings


def client_address(request) -> str:
    """REMOTE_ADDR, or behind our own proxy the last X-Forwarded-For entry: the one our proxy
    appended. Entries before it were sent by the client and could be anything."""
    if settings.T63_TRUST_X_FORWARDED_FOR:
        forwarded = request.headers.get("X-Forwarded-For", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")
