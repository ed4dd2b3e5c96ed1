"""The admin's hooks for solutions (imported by story_pages/wagtail_hooks.py): the adoptions'
pages, their menu item, a button on solution and story pages, the ministry's dashboard panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from story_pages.learning import adoption_views
from story_pages.learning.solution_dashboard import SpreadPanel
from story_pages.learning.solutions import SolutionPage
from story_pages.models import StoryPage


@hooks.register("register_admin_urls")
def register_adoption_urls():
    return [
        path("t63/solutions/", adoption_views.adoptions_index, name="t63_adoptions"),
        path("t63/solutions/<int:pk>/adopt/", adoption_views.record_adoption_view, name="t63_adopt_solution"),
        path("t63/adoptions/<int:pk>/review/", adoption_views.review_adoption, name="t63_review_adoption"),
    ]


@hooks.register("register_admin_menu_item")
def register_adoptions_menu_item():
    return MenuItem(_("Solutions and adoptions"), reverse("t63_adoptions"), icon_name="site", order=250)


@hooks.register("register_page_header_buttons")
def adoption_buttons(page, user, view_name, next_url=None):
    specific = page.specific_class
    if issubclass(specific, SolutionPage) and page.locale.is_default:
        yield Button(
            _("We adopted this solution"),
            reverse("t63_adopt_solution", args=[page.pk]),
            icon_name="site",
            priority=80,
        )
    elif issubclass(specific, StoryPage) and page.locale.is_default and page.live:
        url = reverse("t63_adoptions") + f"?story={page.pk}"
        yield Button(_("Record an adoption from this story"), url, icon_name="site", priority=80)


@hooks.register("construct_homepage_panels")
def add_spread_panel(request, panels):
    if adoption_views.may_review(request.user):
        panels.append(SpreadPanel())
