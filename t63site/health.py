"""Probes for the load balancer and the process manager. Never cached; no language prefix.

/healthz: the process answers (restart it if not). /readyz: it can serve readers, i.e. the
database and the cache answer (take it out of rotation if not). It also says where e-mail goes
("smtp (STARTTLS)", "console", "not configured"; never a host or a credential): a server without
e-mail still serves readers, so that does not make it unavailable."""

import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from t63site import mail


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    token = secrets.token_hex(8)
    cache.set("t63:readyz", token, timeout=10)
    if cache.get("t63:readyz") != token:
        raise ConnectionError("the cache did not return what was stored")


@never_cache
def readyz(request):
    failed = {}
    for name, check in (("database", _database), ("cache", _cache)):
        try:
            check()
        except Exception as error:  # any failure means "not ready"; say which and why
            failed[name] = f"{type(error).__name__}: {error}"[:200]
    email = {"email": mail.describe()}
    if failed:
        return JsonResponse({"status": "unavailable", "failed": failed, **email}, status=503)
    return JsonResponse({"status": "ok", **email})
