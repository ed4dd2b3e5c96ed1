"""The contact form's own page, next to (not inside) the story: story pages are cached whole for
anonymous readers, and this page carries a CSRF token and a signed time for each visitor, so it
is never cached (never_cache, and the CSRF cookie keeps the reader cache off it too)."""

from django.conf import settings
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from story_pages.client_address import client_address
from story_pages.learning import contact_mail
from story_pages.learning.contact_form import ContactForm, issue_token
from story_pages.learning.contact_limits import over_limit
from story_pages.learning.contact_models import ContactRequest, retention_days
from story_pages.models import ProvincePage, StoryPage

TEMPLATE = "story_pages/learning/contact_form.html"


@never_cache
@csrf_protect
def contact_team(request, story_id: int):
    story = get_object_or_404(StoryPage.objects.published().select_related("locale"), pk=story_id)
    unit = _unit_of(story)
    context = {"story": story, "unit": unit, "retention_days": retention_days()}
    if request.GET.get("sent") == "1" and request.method == "GET":
        return TemplateResponse(request, TEMPLATE, {**context, "sent": True})
    if request.method != "POST":
        return TemplateResponse(request, TEMPLATE, {**context, "form": ContactForm(story_id=story.pk)})

    if retry_after := over_limit(client_address(request)):
        message = _("Too many messages from your address. Please try again in %(minutes)d minutes.") % {
            "minutes": max(1, round(retry_after / 60))
        }
        form = ContactForm(story_id=story.pk)
        response = TemplateResponse(
            request, TEMPLATE, {**context, "form": form, "refusal": message}, status=429
        )
        response["Retry-After"] = str(retry_after)
        return response

    form = ContactForm(request.POST, story_id=story.pk)
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, {**context, "form": _fresh(form, story)}, status=400)

    data = form.cleaned_data
    with transaction.atomic():
        contact = ContactRequest.objects.create(
            story=story,
            story_title=story.title,
            unit=unit,
            language=get_language() or settings.LANGUAGE_CODE,
            name=data["name"],
            organisation=data["organisation"],
            email=data["email"],
            message=data["message"],
        )
        contact_mail.queue_after_commit(contact.pk)
    return redirect(reverse("story_contact", args=[story.pk]) + "?sent=1")


def _fresh(form, story):
    """A refused form keeps what the reader typed; when the refusal was the honeypot or the time,
    it shows a new signed time and an empty honeypot (its errors were found already)."""
    if form.non_field_errors():
        data = form.data.copy()
        data["started"] = issue_token(story.pk)
        data["website"] = ""
        form.data = data
    return form


def _unit_of(story: StoryPage) -> ProvincePage:
    """The current unit's Vietnamese page: the team groups and their inbox are kept per unit."""
    parent_path = story.path[: -StoryPage.steplen]
    code = ProvincePage.objects.filter(path=parent_path).values_list("code", flat=True).get()
    province = ProvincePage.objects.select_related("merged_into").get(
        code=code, locale__language_code=settings.LANGUAGE_CODE
    )
    return province.merged_into or province
