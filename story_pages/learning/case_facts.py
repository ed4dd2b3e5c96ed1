"""Case facts on every story: the problem solved, the period, the stage of the solution (OECD
OPSI's lifecycle), the cost, the partners and the team's public contact.

All optional: a story is publishable without them, and the facts box shows only what is filled in.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from story_pages.learning.usefulness_panel import UsefulnessPanel


class Stage(models.TextChoices):
    """Where the solution stands today, after OPSI's innovation lifecycle."""

    PILOT = "pilot", _("Pilot")
    IN_USE = "in-use", _("In use")
    SCALED = "scaled", _("Scaled to the whole province")
    REPLICATED = "replicated", _("Replicated elsewhere")
    ENDED = "ended", _("Ended")


# Free mailboxes belong to people, not to units: a team's public address is the unit's own.
PERSONAL_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.com.vn",
        "ymail.com",
        "hotmail.com",
        "outlook.com",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "mail.ru",
        "yandex.com",
        "zoho.com",
    }
)


def validate_unit_email(value: str) -> None:
    domain = value.rpartition("@")[2].lower()
    if domain in PERSONAL_MAIL_DOMAINS:
        raise ValidationError(
            _(
                "%(domain)s is a personal mailbox: give the unit's own address, "
                "for example stttt@bacgiang.gov.vn."
            ),
            code="personal_email",
            params={"domain": domain},
        )


# A Vietnamese number as units publish it: +84 or 0 then 8 to 10 digits (0204 3854 163,
# +84 24 3943 7501), or a hotline 1800/1900 with 4 to 6 digits; spaces, dots and dashes allowed.
PHONE_PATTERN = re.compile(r"^(?:(?:\+84|0)[\s.-]?(?:\d[\s.-]?){8,10}|1[89]00[\s.-]?(?:\d[\s.-]?){4,6})$")

validate_phone = RegexValidator(
    PHONE_PATTERN,
    _("Not a phone number: write it as 0204 3854 163, +84 24 3943 7501 or a hotline such as 1900 1234."),
    code="phone",
)


class CaseFacts(models.Model):
    """The case facts of a story (an abstract model StoryPage inherits)."""

    case_problem = models.TextField(
        _("problem solved"),
        max_length=600,
        blank=True,
        help_text=_("The problem the solution solved, in one or two sentences."),
    )
    case_started = models.DateField(_("started on"), null=True, blank=True)
    case_ended = models.DateField(
        _("ended on"), null=True, blank=True, help_text=_("Only if the project has ended.")
    )
    case_stage = models.CharField(
        _("stage"),
        max_length=16,
        choices=Stage.choices,
        blank=True,
        db_index=True,
        help_text=_("Where the solution stands today."),
    )
    case_cost = models.CharField(
        _("cost or budget"),
        max_length=120,
        blank=True,
        help_text=_("Only if the province publishes it, for example: 2,5 tỷ đồng."),
    )
    case_partners = models.TextField(
        _("partners"),
        max_length=1000,
        blank=True,
        help_text=_("Agencies and companies that took part, one per line."),
    )
    case_contact_email = models.EmailField(
        _("team's e-mail"),
        blank=True,
        validators=[validate_unit_email],
        help_text=_("The unit's public address. Never a person's private e-mail or phone."),
    )
    case_contact_phone = models.CharField(
        _("team's phone"),
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text=_("The unit's public number. Never a person's private phone."),
    )

    class Meta:
        abstract = True

    case_panels = [
        MultiFieldPanel(
            [
                FieldPanel("case_problem"),
                FieldRowPanel([FieldPanel("case_started"), FieldPanel("case_ended")]),
                FieldPanel("case_stage"),
                FieldPanel("case_cost"),
                FieldPanel("case_partners"),
                FieldRowPanel([FieldPanel("case_contact_email"), FieldPanel("case_contact_phone")]),
            ],
            heading=_("Implementation facts"),
            classname="collapsed",
        ),
        UsefulnessPanel(heading=_("Was this useful?")),
    ]
    # Words are translated; dates, stage and the contact are the same in every language.
    case_translation_fields = [
        TranslatableField("case_problem"),
        TranslatableField("case_cost"),
        TranslatableField("case_partners"),
        SynchronizedField("case_started"),
        SynchronizedField("case_ended"),
        SynchronizedField("case_stage"),
        SynchronizedField("case_contact_email"),
        SynchronizedField("case_contact_phone"),
    ]

    def clean(self):
        super().clean()
        if self.case_started and self.case_ended and self.case_ended < self.case_started:
            raise ValidationError(
                {"case_ended": _("The end date is before the start date: a project ends after it starts.")}
            )

    @property
    def case_partner_list(self) -> list[str]:
        return partner_list(self.case_partners)

    @property
    def case_phone_href(self) -> str:
        """The phone for a tel: link: + and digits only."""
        return re.sub(r"[^\d+]", "", self.case_contact_phone)

    @property
    def has_case_facts(self) -> bool:
        return any(getattr(self, name) for name in CASE_FIELDS)


CASE_FIELDS = (
    "case_problem",
    "case_started",
    "case_ended",
    "case_stage",
    "case_cost",
    "case_partners",
    "case_contact_email",
    "case_contact_phone",
)


def partner_list(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
