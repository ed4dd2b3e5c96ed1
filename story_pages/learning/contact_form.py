"""The contact form and the checks that keep robots out without a third-party captcha or script.

- a honeypot ("website"): hidden from people by the site's CSS (not an inline style: the CSP
  forbids them), out of the tab order, labelled "leave empty"; robots fill every field;
- a minimum fill time: the page signs the moment it was made into the form; a submit sooner than
  T63_CONTACT_MIN_SECONDS after it, or with a token that does not verify, is refused;
- a per-address limit (T63_RATE_LIMIT_CONTACT, counted in the shared cache): contact_limits.py.
Names, organisations and addresses with a line break are refused: nothing a reader types can
add a header to the e-mails (which also carry the address only as Reply-To, validated).
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from story_pages.learning.contact_models import EMAIL_MAX, MESSAGE_MAX, NAME_MAX, ORGANISATION_MAX

TOKEN_SALT = "t63.learning.contact"
TOKEN_MAX_AGE = 24 * 3600  # a form left open for a day is made again
DEFAULT_MIN_SECONDS = 3
HONEYPOT = "website"


def min_seconds() -> float:
    return float(getattr(settings, "T63_CONTACT_MIN_SECONDS", DEFAULT_MIN_SECONDS))


def issue_token(story_id: int, issued_at: float | None = None) -> str:
    """The signed moment the form was made, for this story."""
    return signing.dumps(
        {"s": story_id, "t": time.time() if issued_at is None else issued_at}, salt=TOKEN_SALT
    )


def no_line_breaks(value: str) -> None:
    if "\r" in value or "\n" in value:
        raise ValidationError(_("Line breaks are not allowed in this field."), code="line_break")


class ContactForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"), max_length=NAME_MAX, validators=[no_line_breaks], strip=False
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=ORGANISATION_MAX,
        required=False,
        validators=[no_line_breaks],
        strip=False,
        help_text=_("For example: the Department of Science and Technology of your province."),
    )
    email = forms.CharField(
        label=_("E-mail address"),
        max_length=EMAIL_MAX,
        validators=[no_line_breaks, forms.EmailField.default_validators[0]],
        strip=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    message = forms.CharField(
        label=_("Your question"), max_length=MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 8})
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    error_messages = {
        "honeypot": _("Your message was not sent: a field that must stay empty was filled in."),
        "too_fast": _(
            "Your message was not sent: it came too quickly. Please wait a few seconds and send it again."
        ),
        "tampered": _(
            "Your message was not sent: the form could not be checked. Please reload the page and try again."
        ),
    }

    def __init__(self, *args, story_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.story_id = story_id
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        if not self.is_bound:
            self.initial["started"] = issue_token(story_id)

    def clean_name(self):
        return self._stripped("name")

    def clean_organisation(self):
        return self._stripped("organisation")

    def clean_email(self):
        return self._stripped("email")

    def _stripped(self, field: str) -> str:
        # Stripped only after no_line_breaks ran: a trailing CR/LF is refused, not silently cut.
        value = self.cleaned_data[field].strip()
        if not value and self.fields[field].required:
            raise ValidationError(self.fields[field].error_messages["required"], code="required")
        return value

    def clean(self):
        cleaned = super().clean()
        if self.data.get(HONEYPOT):
            raise ValidationError(self.error_messages["honeypot"], code="honeypot")
        try:
            token = signing.loads(self.data.get("started", ""), salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
            story_id, issued_at = int(token["s"]), float(token["t"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise ValidationError(self.error_messages["tampered"], code="tampered") from None
        if story_id != self.story_id:
            raise ValidationError(self.error_messages["tampered"], code="tampered")
        if time.time() - issued_at < min_seconds():
            raise ValidationError(self.error_messages["too_fast"], code="too_fast")
        return cleaned
