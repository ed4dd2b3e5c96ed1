"""Outgoing e-mail: password resets, Wagtail's moderation notices, error reports.

Every message goes through LoggingEmailBackend (settings.EMAIL_BACKEND), which hands it to the
backend EMAIL_URL chose (settings.T63_EMAIL_BACKEND). A send that fails (the server refuses the
connection or the login, does not answer in EMAIL_TIMEOUT seconds, or e-mail is not configured)
is logged with the error and the recipients, and never fails the editor's action: Wagtail catches
some failures around its notices but not all (a refused login, a host that does not resolve, a
comment notice), and an error page would tell the editor the submission failed when it did not.
"""

import logging

from django.conf import settings
from django.core import checks
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger("t63.mail")

LOGGING_BACKEND = "t63site.mail.LoggingEmailBackend"


class LoggingEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        backend = getattr(settings, "T63_EMAIL_BACKEND", None)
        self.delivery = get_connection(backend, fail_silently=fail_silently, **kwargs) if backend else None
        # After a failed connection, the rest of this batch is not tried again: a server that
        # timed out would otherwise cost the timeout once per recipient.
        self.connection_error: Exception | None = None

    def open(self):
        if self.delivery is None or self.connection_error is not None:
            return False
        try:
            return self.delivery.open()
        except Exception as error:
            self.connection_error = error
            logger.error(
                "E-mail: cannot connect to the mail server (%s): %s",
                describe(),
                _error_text(error),
                extra={"email_backend": describe()},
            )
            return False

    def close(self):
        self.connection_error = None
        if self.delivery is None:
            return
        try:
            self.delivery.close()
        except Exception as error:  # the messages are sent; a failed QUIT loses nothing
            logger.warning("E-mail: closing the connection failed: %s", _error_text(error))

    def send_messages(self, email_messages):
        messages = list(email_messages)
        if not messages:
            return 0
        if self.delivery is None:
            _log_not_sent(messages, "e-mail is not configured (set EMAIL_URL)", level=logging.WARNING)
            return 0
        if self.connection_error is not None:
            _log_not_sent(messages, _error_text(self.connection_error))
            return 0
        try:
            return self.delivery.send_messages(messages) or 0
        except Exception as error:
            _log_not_sent(messages, _error_text(error))
            return 0


def _error_text(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:300]


def _log_not_sent(messages, reason: str, level: int = logging.ERROR) -> None:
    for message in messages:
        recipients = ", ".join(message.recipients())
        logger.log(
            level,
            "E-mail not sent to %s (%r): %s",
            recipients,
            message.subject,
            reason,
            extra={"email_recipients": recipients, "email_subject": message.subject},
        )


def describe() -> str:
    """Where e-mail goes, without credentials: "smtp (STARTTLS)", "console", "not configured"."""
    backend = getattr(settings, "T63_EMAIL_BACKEND", None) if _logging_backend() else settings.EMAIL_BACKEND
    if not backend:
        return "not configured"
    kind = backend.rsplit(".", 2)[-2] if backend.startswith("django.core.mail.backends.") else backend
    if kind == "smtp":
        security = "TLS" if settings.EMAIL_USE_SSL else "STARTTLS" if settings.EMAIL_USE_TLS else "plain"
        return f"smtp ({security})"
    return kind


def is_configured() -> bool:
    return describe() != "not configured"


def _logging_backend() -> bool:
    return settings.EMAIL_BACKEND == LOGGING_BACKEND


@checks.register("t63", deploy=True)
def check_email_configured(app_configs=None, **kwargs):
    """`check --deploy`: production without EMAIL_URL sends no password reset, no moderation notice."""
    if is_configured():
        return []
    return [
        checks.Warning(
            "E-mail is not configured: password resets and moderation notices are not sent "
            "(each one is logged as not sent).",
            hint="Set EMAIL_URL, e.g. submission://user:password@smtp.example.vn (docs/deploy.md).",
            id="t63.W001",
        )
    ]
