"""Admin sign-in lockout: after T63_LOGIN_MAX_FAILURES failed attempts for one username from one
address, that pair is refused for T63_LOGIN_LOCKOUT_MINUTES, before the password is even checked.
Keyed by username *and* address so an attacker elsewhere cannot lock an editor out of their own
account. Counted in the shared cache: every app process sees the same count."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from .client_address import client_address


def _key(kind: str, username: str, request) -> str:
    who = f"{(username or '').strip().lower()}|{client_address(request) if request else ''}"
    return f"t63:login:{kind}:{hashlib.sha256(who.encode()).hexdigest()[:32]}"


def is_locked(username: str, request) -> bool:
    return cache.get(_key("locked", username, request)) is not None


def record_failure(sender, credentials, request=None, **kwargs):
    """Receiver of user_login_failed."""
    username = credentials.get("username", "")
    seconds = settings.T63_LOGIN_LOCKOUT_MINUTES * 60
    failures_key = _key("failures", username, request)
    cache.add(failures_key, 0, timeout=seconds)
    try:
        failures = cache.incr(failures_key)
    except ValueError:
        failures = 1
    if failures >= settings.T63_LOGIN_MAX_FAILURES:
        cache.set(_key("locked", username, request), 1, timeout=seconds)
        cache.delete(failures_key)


def forget_failures(sender, request, user, **kwargs):
    """Receiver of user_logged_in: a correct password starts the count again."""
    cache.delete(_key("failures", user.get_username(), request))


class LockoutLoginForm(LoginForm):
    """Wagtail's sign-in form, refusing a locked username and address with a message that says why."""

    error_messages = {
        **LoginForm.error_messages,
        "locked": _(
            "Too many failed sign-in attempts for this account. For your safety, signing in is "
            "blocked for %(minutes)d minutes. Please try again later or ask an administrator."
        ),
    }

    def clean(self):
        if is_locked(self.cleaned_data.get("username", ""), self.request):
            raise ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": settings.T63_LOGIN_LOCKOUT_MINUTES},
            )
        return super().clean()
