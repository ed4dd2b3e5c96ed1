from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from story_pages.models import ProvinceIndexPage, StoryPage, Theme

LATEST_STORIES = 12


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["story_pages.ProvinceIndexPage"]
    max_count_per_parent = 1

    override_translatable_fields = [TranslatableField("title"), TranslatableField("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = StoryPage.objects.published().filter(locale_id=self.locale_id)
        context["latest_stories"] = stories.order_by("-first_published_at")[:LATEST_STORIES]
        context["themes"] = Theme.choices
        context["province_index"] = ProvinceIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        return context
