"""The admin's side of adoptions: an editor records that their unit adopted a solution, a
moderator approves or rejects it (only approved records are public).

An editor may record for the units whose team they are in ("Biên tập – <unit>", see
``editorial/teams.py``) and nothing else; moderators for any unit, approved at once.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from story_pages.editorial.teams import MODERATORS, editors_group_name
from story_pages.learning.adoption_mail import notify_moderators_after_commit
from story_pages.learning.adoptions import AdoptionStatus, SolutionAdoption, record_adoption
from story_pages.learning.solution_listing import adopter_count_subquery
from story_pages.learning.solutions import SolutionPage
from story_pages.models import ProvincePage, ProvinceStatus, StoryPage
from story_pages.provinces import names


def may_review(user) -> bool:
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


def units_for(user):
    """The current units (Vietnamese pages) this user may record adoptions for."""
    units = ProvincePage.objects.filter(status=ProvinceStatus.CURRENT, locale=Locale.get_default())
    if may_review(user):
        return units.order_by("short_name")
    teams = set(user.groups.values_list("name", flat=True))
    return units.filter(pk__in=[unit.pk for unit in units if editors_group_name(unit) in teams]).order_by(
        "short_name"
    )


class UnitsByNameToday(ModelChoiceIterator):
    """The units in Vietnamese alphabetical order of today's names (the rows sort by those of the 63)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for unit in names.sorted_by_name(self.queryset, lambda unit: unit.display_short_name):
            yield self.choice(unit)


class UnitChoiceField(forms.ModelChoiceField):
    iterator = UnitsByNameToday

    def label_from_instance(self, unit):
        return unit.display_current_name


class AdoptionForm(forms.Form):
    unit = UnitChoiceField(
        label=gettext_lazy("Adopting unit"),
        queryset=ProvincePage.objects.none(),
        error_messages={"invalid_choice": gettext_lazy("You may record adoptions only for your own unit.")},
    )
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=AdoptionStatus.choices)
    since = forms.DateField(
        label=gettext_lazy("Since"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("When the unit started exploring, piloting or using it."),
    )
    story = forms.ModelChoiceField(
        label=gettext_lazy("The unit's own story about it (optional)"),
        queryset=StoryPage.objects.none(),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Choose a published story of your unit.")},
    )

    def __init__(self, *args, user, solution, **kwargs):
        super().__init__(*args, **kwargs)
        self.solution = solution
        units = units_for(user)
        self.fields["unit"].queryset = units
        provinces = ProvincePage.objects.filter(Q(pk__in=units) | Q(merged_into__in=units))
        under_any = Q(pk__in=[])
        for province in provinces:
            under_any |= StoryPage.objects.child_of_q(province)
        self.fields["story"].queryset = (
            StoryPage.objects.published().filter(under_any, locale=Locale.get_default()).order_by("title")
        )

    def clean(self):
        cleaned = super().clean()
        unit, story = cleaned.get("unit"), cleaned.get("story")
        if unit and unit.code == self.solution.origin_province.current_unit.code:
            self.add_error("unit", _("This unit is where the solution comes from: it is its origin."))
        if unit and story and story.province.current_unit.pk != unit.pk:
            self.add_error("story", _("This story belongs to another unit."))
        return cleaned


def adoptions_index(request):
    """The solutions, the user's units' records, and (for moderators) the records waiting."""
    solutions = (
        SolutionPage.objects.filter(locale=Locale.get_default())
        .select_related("origin_province__merged_into")  # its admin_name names today's unit
        .annotate(adopter_count=adopter_count_subquery())
        .order_by("title")
    )
    units = units_for(request.user)
    records = SolutionAdoption.objects.select_related("solution", "unit").order_by("-submitted_at")
    reviewer = may_review(request.user)
    return TemplateResponse(
        request,
        "story_pages/admin/adoptions_index.html",
        {
            "solutions": solutions,
            "own_records": records.filter(unit__in=units)[:50] if not reviewer else [],
            "waiting": records.waiting() if reviewer else [],
            "reviewer": reviewer,
            "story": request.GET.get("story", ""),
            "page_title": _("Solutions and adoptions"),
            "header_icon": "site",
        },
    )


def record_adoption_view(request, pk):
    solution = get_object_or_404(SolutionPage, pk=pk, locale=Locale.get_default())
    if not units_for(request.user).exists():
        raise PermissionDenied
    initial = {"story": request.GET.get("story")} if request.GET.get("story", "").isdigit() else {}
    form = AdoptionForm(request.POST or None, user=request.user, solution=solution, initial=initial)
    if request.method == "POST" and form.is_valid():
        reviewer = may_review(request.user)
        data = form.cleaned_data
        try:
            adoption = record_adoption(
                solution,
                data["unit"],
                since=data["since"],
                status=data["status"],
                story=data["story"],
                user=request.user,
                approved=reviewer,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if reviewer:
                messages.success(request, _("The adoption is recorded and shown on the solution's page."))
            else:
                notify_moderators_after_commit(adoption.pk)
                messages.success(
                    request, _("The adoption is recorded; it will be shown once a moderator approves it.")
                )
            return redirect("t63_adoptions")
    return TemplateResponse(
        request,
        "story_pages/admin/adoption_form.html",
        {
            "form": form,
            "solution": solution,
            "page_title": _("We adopted this solution"),
            "page_subtitle": solution.title,
            "header_icon": "site",
        },
    )


@require_POST
def review_adoption(request, pk):
    if not may_review(request.user):
        raise PermissionDenied
    adoption = get_object_or_404(SolutionAdoption, pk=pk)
    approve = request.POST.get("decision") == "approve"
    adoption.review(request.user, approve=approve)
    if approve:
        messages.success(request, _("Approved: the adoption is now public."))
    else:
        messages.success(request, _("Rejected: the adoption stays hidden."))
    return redirect(reverse("t63_adoptions"))
