"""The ministry's form for an endpoint: what it is sent, and where, checked before it is saved."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from story_pages.distribution.webhooks import addresses, delivery
from story_pages.models import WebhookEndpoint, WebhookEvent
from story_pages.models.webhooks import MIN_SECRET_LENGTH
from story_pages.provinces.names import sorted_by_name
from story_pages.provinces.register import load_records

REFUSED_URL_MESSAGES = {
    "malformed": _("This is not a web address."),
    "scheme": _("Only http:// and https:// addresses can receive webhooks."),
    "credentials": _("Leave the user name and password out of the address: the signature proves the sender."),
    "unresolvable": _("The address's host name cannot be found."),
    "private": _(
        "This address leads to a private, loopback or reserved IP address: only addresses on the "
        "public internet can receive webhooks."
    ),
}


def province_choices() -> list[tuple[str, str]]:
    """The 63 by name; one whose unit is named otherwise today shows that unit's name."""
    records = load_records()
    name_today = {record.code: record.current_short_name for record in records if not record.merged_into_code}
    labelled = []
    for record in records:
        unit_name = name_today[record.merged_into_code or record.code]
        label = record.short_name if unit_name == record.short_name else f"{record.short_name} → {unit_name}"
        labelled.append((record.code, label))
    return sorted_by_name(labelled, lambda choice: choice[1])


class WebhookEndpointForm(WagtailAdminModelForm):
    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        assume_scheme="https",
        help_text=WebhookEndpoint._meta.get_field("url").help_text,
    )
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=WebhookEndpoint._meta.get_field("languages").help_text,
    )
    provinces = forms.MultipleChoiceField(
        label=_("stories' provinces"),
        choices=province_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=WebhookEndpoint._meta.get_field("provinces").help_text,
    )
    events = forms.MultipleChoiceField(
        label=_("events"), choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = WebhookEndpoint
        fields = [
            "name",
            "url",
            "secret",
            "languages",
            "provinces",
            "events",
            "owner_email",
            "owner",
            "active",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        saved = self.instance if self.instance.pk else None
        self.was = (saved.active, saved.url) if saved else None

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        try:
            addresses.check(url)
        except addresses.RefusedURL as refused:
            raise forms.ValidationError(REFUSED_URL_MESSAGES[refused.reason], code=refused.reason) from None
        return url

    def clean_secret(self):
        secret = self.cleaned_data["secret"].strip()
        if len(secret) < MIN_SECRET_LENGTH:
            raise forms.ValidationError(
                _("The secret must be at least %(count)s characters long."),
                code="short",
                params={"count": MIN_SECRET_LENGTH},
            )
        return secret

    def clean(self):
        cleaned = super().clean()
        owner = cleaned.get("owner")
        if not cleaned.get("owner_email") and not (owner and owner.email):
            self.add_error(
                "owner_email",
                _("Give an address to tell if the endpoint keeps failing (or an owner who has one)."),
            )
        return cleaned

    def save(self, commit=True):
        endpoint = super().save(commit=False)
        was_active = self.was[0] if self.was else None
        if was_active and not endpoint.active:  # turned off by the ministry
            endpoint.disabled_at, endpoint.disabled_reason = timezone.now(), ""
        elif endpoint.active and was_active is False:
            endpoint.disabled_at, endpoint.disabled_reason = None, ""
        if commit:
            endpoint.save()
            self.save_m2m()
        # Back on, or pointed somewhere else: what was waiting is tried again now, with a new day.
        if commit and self.was and endpoint.active and (not was_active or endpoint.url != self.was[1]):
            delivery.resume(endpoint)
        return endpoint
