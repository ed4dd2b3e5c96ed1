"""About (/gioi-thieu/, /en/about/) and Contact (/lien-he-chung/, /en/contact/): one small page
type, its kind saying which; the Contact page adds the site owner's address and contact."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from story_pages import visibility
from story_pages.publishing import PublishedByPublishers


class InformationKind(models.TextChoices):
    ABOUT = "about", _("About")
    CONTACT = "contact", _("Contact")


class InformationPage(PublishedByPublishers, visibility.PrivateLikeItsSource, Page):
    kind = models.CharField(_("information kind"), max_length=20, choices=InformationKind.choices)
    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("kind"), FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    template = "story_pages/official/information_page.html"

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("kind"),
    ]

    class Meta:
        verbose_name = _("information page")

    @property
    def is_contact(self) -> bool:
        return self.kind == InformationKind.CONTACT
