"""A story form that explains itself: the Promote tab, the credit line's default per unit, the
workflow buttons in Vietnamese, today's unit names in the admin."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from story_pages.models import ProvincePage, StoryPage
from tests.factories import StoryPageFactory, paragraph, province
from tests.story_pages.admin_forms import paragraph_data, story_form_data

PASSWORD = "mật-khẩu-dài-123"


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


@pytest.fixture
def log_in(client, django_user_model):
    def log_in_as(username, *command_args):
        call_command("create_editor", username, *command_args, "--password", PASSWORD, verbosity=0)
        client.force_login(django_user_model.objects.get(username=username))
        return client

    return log_in_as


def test_the_promote_tab_holds_the_slug_and_the_two_search_texts_only(admin_client, db):
    response = admin_client.get(add_url(province("24")))
    form = response.context["form"]
    assert {"slug", "seo_title", "search_description"} <= set(form.fields)
    assert "show_in_menus" not in form.fields
    assert not form.fields["slug"].required
    html = response.content.decode()
    assert "Tiêu đề cho máy tìm kiếm" in html or "tiêu đề" in html.lower()
    assert "không dấu" in html  # the slug's help text, in Vietnamese
    assert "data-w-slug-formatters-value" in html  # the browser slugifies with the server's table


def test_a_new_story_starts_with_its_units_credit_line(admin_client, db):
    # Bắc Giang (24) is today's Bắc Ninh; the old Bắc Ninh (27) was merged into it.
    for code in ("24", "27"):
        form = admin_client.get(add_url(province(code))).context["form"]
        assert form.initial["credit_line"] == "Sở Khoa học và Công nghệ tỉnh Bắc Ninh"
    form = admin_client.get(add_url(province("46"))).context["form"]
    assert form.initial["credit_line"] == "Sở Khoa học và Công nghệ thành phố Huế"


def test_the_ministrys_wording_is_what_new_stories_start_with(admin_client, db):
    ProvincePage.objects.filter(code="24").update(credit_wording="Sở KH&CN Bắc Ninh")
    form = admin_client.get(add_url(province("27"))).context["form"]
    assert form.initial["credit_line"] == "Sở KH&CN Bắc Ninh"
    story = StoryPageFactory(parent=province("24"), body=[paragraph("x")])
    assert admin_client.get(edit_url(story)).context["form"]["credit_line"].value() == story.credit_line


def province_form_data(page, **extra):
    response_data = {"title": page.title, "slug": page.slug, "intro": page.intro, **extra}
    return response_data


def test_only_moderators_word_a_units_credit_line(log_in, db):
    bac_ninh = province("24")
    editor = log_in("bacninh", "--unit", "24")
    response = editor.get(edit_url(bac_ninh))
    assert "credit_wording" not in response.context["form"].fields
    editor.post(edit_url(bac_ninh), province_form_data(bac_ninh, credit_wording="Tự đặt"))
    assert ProvincePage.objects.get(pk=bac_ninh.pk).get_latest_revision_as_object().credit_wording == ""

    moderator = log_in("kiemduyet", "--moderator")
    assert "credit_wording" in moderator.get(edit_url(bac_ninh)).context["form"].fields
    moderator.post(edit_url(bac_ninh), province_form_data(bac_ninh, credit_wording="Sở KH&CN Bắc Ninh"))
    assert ProvincePage.objects.get(pk=bac_ninh.pk).get_latest_revision_as_object().credit_wording == (
        "Sở KH&CN Bắc Ninh"
    )


def test_the_workflow_buttons_say_what_happens_in_vietnamese(admin_client, db):
    bac_ninh = province("24")
    html = admin_client.get(add_url(bac_ninh)).content.decode()
    assert "Gửi kiểm duyệt" in html
    admin_client.post(
        add_url(bac_ninh), story_form_data([paragraph_data("Một đoạn.")], **{"action-submit": "1"})
    )
    story = StoryPage.objects.child_of(bac_ninh).get()
    html = admin_client.get(edit_url(story)).content.decode()
    assert "Duyệt và xuất bản" in html
    assert "Yêu cầu sửa" in html
    assert "and Publish" not in html and "Submit to" not in html


def test_the_banner_after_submitting_is_in_vietnamese(admin_client, db):
    response = admin_client.post(
        add_url(province("24")),
        story_form_data([paragraph_data("Một đoạn.")], **{"action-submit": "1"}),
        follow=True,
    )
    assert "Đã tạo và gửi kiểm duyệt trang" in response.content.decode()


def test_the_admin_names_provinces_as_they_are_today(admin_client, db):
    assert province("46").get_admin_display_title() == "Thành phố Huế (Thừa Thiên Huế cũ)"
    assert province("24").get_admin_display_title() == "Tỉnh Bắc Ninh (Bắc Giang cũ)"
    assert province("27").get_admin_display_title() == "Tỉnh Bắc Ninh (Bắc Ninh cũ)"
    assert province("66").get_admin_display_title() == "Tỉnh Đắk Lắk"
    index = Page.objects.get(pk=province("46").get_parent().pk)
    html = admin_client.get(reverse("wagtailadmin_explore", args=(index.pk,))).content.decode()
    assert "Thành phố Huế (Thừa Thiên Huế cũ)" in html
