"""The site's owner, as a Wagtail site setting: one record per Site, edited under Settings.

Vietnamese and English are separate fields rather than a wagtail-localize translation: settings are
not pages, the texts are a handful of lines, and the ministry edits both on one screen. Its values
are shown on every reader page (header, footer, the Contact page, the fallback description), so a
save starts a new content version (``story_pages.apps``) and no cached page keeps the old text.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# Since 1 March 2025 the Ministry of Science and Technology holds the former Ministry of Information
# and Communications' remit; its National Digital Transformation Agency runs digital transformation.
DEFAULTS = {
    "ministry_vi": "Bộ Khoa học và Công nghệ",
    "ministry_en": "Ministry of Science and Technology",
    "department_vi": "Cục Chuyển đổi số quốc gia",
    "department_en": "National Digital Transformation Agency",
    "address_vi": "113 Trần Duy Hưng, Hà Nội",
    "address_en": "113 Tran Duy Hung, Hanoi, Vietnam",
    "email": "",  # no address is invented: the ministry fills in its own
    "phone": "",
    "description_vi": (
        "T63: câu chuyện chuyển đổi số của các tỉnh, thành phố Việt Nam, để các địa phương học hỏi lẫn nhau."
    ),
    "description_en": (
        "T63: digital transformation stories from Vietnam's provinces, "
        "for the provinces to learn from each other."
    ),
}


@dataclass(frozen=True)
class Owner:
    """The owner's texts in one language, for templates."""

    ministry: str
    department: str
    address: str
    email: str
    phone: str
    description: str


@register_setting(icon="site")
class SiteOwner(BaseSiteSetting):
    ministry_vi = models.CharField(
        _("ministry (Vietnamese)"), max_length=200, default=DEFAULTS["ministry_vi"]
    )
    ministry_en = models.CharField(_("ministry (English)"), max_length=200, default=DEFAULTS["ministry_en"])
    department_vi = models.CharField(
        _("department (Vietnamese)"), max_length=200, default=DEFAULTS["department_vi"]
    )
    department_en = models.CharField(
        _("department (English)"), max_length=200, default=DEFAULTS["department_en"]
    )
    address_vi = models.CharField(_("address (Vietnamese)"), max_length=300, default=DEFAULTS["address_vi"])
    address_en = models.CharField(_("address (English)"), max_length=300, default=DEFAULTS["address_en"])
    email = models.EmailField(_("contact e-mail"), blank=True, default=DEFAULTS["email"])
    phone = models.CharField(_("contact phone"), max_length=50, blank=True, default=DEFAULTS["phone"])
    description_vi = models.CharField(
        _("site description (Vietnamese)"),
        max_length=300,
        default=DEFAULTS["description_vi"],
        help_text=_("Shown to search engines for pages that have no description of their own."),
    )
    description_en = models.CharField(
        _("site description (English)"), max_length=300, default=DEFAULTS["description_en"]
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel(f"{name}_vi") for name in ("ministry", "department", "address", "description")],
            heading=_("In Vietnamese"),
        ),
        MultiFieldPanel(
            [FieldPanel(f"{name}_en") for name in ("ministry", "department", "address", "description")],
            heading=_("In English"),
        ),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")),
    ]

    class Meta:
        verbose_name = _("site owner")

    def in_language(self, language_code: str) -> Owner:
        """English fields for English pages, Vietnamese for every other language."""
        suffix = "en" if language_code.startswith("en") else "vi"
        return Owner(
            ministry=getattr(self, f"ministry_{suffix}"),
            department=getattr(self, f"department_{suffix}"),
            address=getattr(self, f"address_{suffix}"),
            email=self.email,
            phone=self.phone,
            description=getattr(self, f"description_{suffix}"),
        )
