"""Shared steps of the contact tests: a story, its unit's team, a form filled as a person does."""

import time

from django.core.management import call_command

from story_pages.learning.contact_form import issue_token
from tests.factories import province, publish_story

PERSON = {
    "name": "Nguyễn Văn An",
    "organisation": "Sở Khoa học và Công nghệ tỉnh Lào Cai",
    "email": "an.nguyen@laocai.gov.vn",
    "message": "Xin cho biết chi phí triển khai và đơn vị xây dựng nền tảng.",
}


def team_member(django_user_model, username: str, unit_code: str, email: str = ""):
    call_command("create_editor", username, "--unit", unit_code, "--email", email, verbosity=0)
    return django_user_model.objects.get(username=username)


def moderator(django_user_model, username: str = "kiemduyet", email: str = "kiemduyet@mic.gov.vn"):
    call_command("create_editor", username, "--moderator", "--email", email, verbosity=0)
    return django_user_model.objects.get(username=username)


def quang_nam_story():
    """A live story of Quảng Nam, which merged into Đà Nẵng (unit 48) on 1 July 2025."""
    return publish_story(title="Một cửa điện tử ở Quảng Nam", parent=province("49"))


def filled(story, seconds_ago: float = 10, **changes) -> dict:
    return {**PERSON, "website": "", "started": issue_token(story.pk, time.time() - seconds_ago), **changes}
