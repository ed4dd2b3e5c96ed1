"""The password form of a private section, limited as the admin sign-in is (login_lockout):
after T63_LOGIN_MAX_FAILURES wrong passwords for one section from one address, that address is
refused for T63_LOGIN_LOCKOUT_MINUTES, without the password being checked. Wagtail's own view
(mounted at the same address, after this one) checks the password; this one counts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from t63site import login_lockout

LOCKED = _(
    "Too many wrong passwords from your address. For the safety of this section, please try again "
    "in %(minutes)d minutes."
)


class LockedPasswordForm(PasswordViewRestrictionForm):
    def clean_password(self):
        raise ValidationError(LOCKED, code="locked", params={"minutes": settings.T63_LOGIN_LOCKOUT_MINUTES})


def authenticate_with_password(request, page_view_restriction_id, page_id):
    secret = f"page-password:{page_view_restriction_id}"
    if request.method == "POST" and login_lockout.is_locked(secret, request):
        return _locked(request, page_view_restriction_id, page_id)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST":
        if response.status_code == 302:  # the right password: Wagtail redirects to the page
            login_lockout.forget(secret, request)
        else:
            login_lockout.count_failure(secret, request)
    return response


def _locked(request, restriction_id, page_id):
    restriction = get_object_or_404(PageViewRestriction, id=restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = LockedPasswordForm(request.POST, instance=restriction)
    form.is_valid()  # fills in the "locked" error; the password itself is not looked at
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = 429
    return response
