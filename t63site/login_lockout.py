"""Guessing passwords: after T63_LOGIN_MAX_FAILURES failed attempts at one secret from one
address, that pair is refused for T63_LOGIN_LOCKOUT_MINUTES, before the password is even checked.

Two secrets are guarded: an editor's sign-in to the admin (keyed by username *and* address, so an
attacker elsewhere cannot lock an editor out of their own account) and the password of a private
section of the site (keyed by the restriction and the address). Counted in the shared cache:
every app process sees the same count."""

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from t63site.client_address import client_address


def _key(kind: str, secret: str, request) -> str:
    who = f"{(secret or '').strip().lower()}|{client_address(request) if request else ''}"
    return f"t63:login:{kind}:{hashlib.sha256(who.encode()).hexdigest()[:32]}"


def is_locked(secret: str, request) -> bool:
    return cache.get(_key("locked", secret, request)) is not None


def count_failure(secret: str, request) -> None:
    seconds = settings.T63_LOGIN_LOCKOUT_MINUTES * 60
    failures_key = _key("failures", secret, request)
    cache.add(failures_key, 0, timeout=seconds)
    try:
        failures = cache.incr(failures_key)
    except ValueError:
        failures = 1
    if failures >= settings.T63_LOGIN_MAX_FAILURES:
        cache.set(_key("locked", secret, request), 1, timeout=seconds)
        cache.delete(failures_key)


def forget(secret: str, request) -> None:
    cache.delete(_key("failures", secret, request))


def record_failure(sender, credentials, request=None, **kwargs):
    """Receiver of user_login_failed."""
    count_failure(credentials.get("username", ""), request)


def forget_failures(sender, request, user, **kwargs):
    """Receiver of user_logged_in: a correct password starts the count again."""
    forget(user.get_username(), request)


class LockoutBackend(ModelBackend):
    """Django's backend, refusing a locked username and address on every sign-in path: the admin's,
    the readers' (Wagtail's /_util/login/ for login-restricted sections) and any other."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if is_locked(username or kwargs.get(get_user_model().USERNAME_FIELD, ""), request):
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class LockoutLoginForm(LoginForm):
    """Wagtail's sign-in form, refusing a locked username and address with a message that says why."""

    error_messages = {
        **LoginForm.error_messages,
        "locked": _(
            "Too many failed sign-in attempts for this account. For your safety, signing in is "
            "blocked for %(minutes)d minutes. Please try again later or ask an administrator."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's form leaves the password field unlabelled ("Password" from its name, never
        # translated) and builds the username placeholder from a capitalised verbose name.
        self.fields["password"].label = _("Password")
        self.fields["username"].widget.attrs["placeholder"] = _("Enter your username")

    def clean(self):
        if is_locked(self.cleaned_data.get("username", ""), self.request):
            raise ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": settings.T63_LOGIN_LOCKOUT_MINUTES},
            )
        return super().clean()
