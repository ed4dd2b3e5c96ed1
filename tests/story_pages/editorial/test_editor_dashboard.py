"""The province editor's dashboard, and which panels each team sees."""

import re

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Workflow, WorkflowState

from story_pages.editorial.teams import WORKFLOW
from story_pages.models import ProvincePage, StoryPage
from tests.factories import StoryPageFactory, province, publish_story, translate_into_english


def person(client, django_user_model, username, *args):
    call_command("create_editor", username, *args, verbosity=0)
    user = django_user_model.objects.get(username=username)
    client.force_login(user)
    return client, user


def dashboard(client) -> str:
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def write_links(html: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]+)"[^>]*data-t63-write-story', html)


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", parent.pk))


def submit(story, user) -> WorkflowState:
    """The editor sends the story's latest draft to the ministry."""
    story.save_revision(user=user)
    return Workflow.objects.get(name=WORKFLOW).start(story, user)


def section(html: str, panel_id: str) -> str:
    """The HTML of one dashboard panel (up to the next panel)."""
    start = html.index(f'id="{panel_id}')
    following = html.find('class="w-panel w-panel--dashboard', start + 1)
    return html[start : following if following > 0 else len(html)]


def test_a_single_province_editor_writes_a_story_in_one_click(client, django_user_model, vietnamese, db):
    editor, _ = person(client, django_user_model, "hue", "--unit", "46")
    html = dashboard(editor)
    assert "Viết câu chuyện mới" in html
    assert write_links(html) == [add_url(province("46"))]
    form = editor.get(write_links(html)[0])
    assert form.status_code == 200
    assert form.context["parent_page"].specific == province("46")
    assert form.context["page"].specific_class is StoryPage and 'name="title"' in form.content.decode()


def test_a_merged_units_editor_chooses_the_province_first(client, django_user_model, vietnamese, db):
    editor, _ = person(client, django_user_model, "hcm", "--unit", "79")  # with Bình Dương, BR–VT
    html = dashboard(editor)
    expected = {add_url(p) for p in province("79").unit_provinces()}
    assert len(expected) == 3 and set(write_links(html)) == expected
    choices = section(html, "t63-write-story")
    for each in province("79").unit_provinces():
        assert each.short_name in choices
    assert write_links(html)[0] == add_url(province("79"))  # the unit's own province first
    assert all(editor.get(url).status_code == 200 for url in expected)


def test_the_ministry_and_translators_get_no_write_button(client, django_user_model, db):
    for args in (("--moderator",), ("--translator",)):
        member, _ = person(client, django_user_model, args[0].strip("-"), *args)
        assert not write_links(dashboard(member))


def test_an_editor_follows_drafts_reviews_and_published_stories(client, django_user_model, vietnamese, db):
    editor, me = person(client, django_user_model, "bacgiang", "--unit", "24")
    own = province("24")
    draft = StoryPageFactory(parent=own, title="Nháp chuyển đổi số Bắc Giang", owner=me)
    edited = publish_story(parent=own, title="Đã xuất bản rồi sửa", owner=me)
    edited.save_revision(user=me)
    submitted = StoryPageFactory(parent=own, title="Đang chờ duyệt", owner=me)
    submit(submitted, me)
    sent_back = StoryPageFactory(parent=own, title="Bị trả lại", owner=me)
    task_state = submit(sent_back, me).current_task_state
    translated = publish_story(parent=own, title="Đã dịch sang tiếng Anh")
    translate_into_english(translated)
    untranslated = publish_story(parent=province(own_merged_code(own)), title="Chưa có bản dịch")
    StoryPageFactory(parent=province("46"), title="Nháp của Huế")  # another unit's draft
    publish_story(parent=province("46"), title="Câu chuyện của Huế")

    moderator, _ = person(client, django_user_model, "kiemduyet", "--moderator")
    reject = reverse("wagtailadmin_pages:workflow_action", args=(sent_back.pk, "reject", task_state.pk))
    assert moderator.post(reject, {"comment": "Xin bổ sung số liệu năm 2024."}).status_code == 302

    editor.force_login(me)
    html = dashboard(editor)
    drafts = section(html, "t63-my-drafts")
    assert draft.title in drafts and edited.title in drafts
    assert submitted.title not in drafts and "Nháp của Huế" not in drafts and translated.title not in drafts
    reviews = section(html, "t63-my-reviews")
    assert submitted.title in reviews and sent_back.title in reviews and draft.title not in reviews
    assert "Xin bổ sung số liệu năm 2024." in reviews and "Đã yêu cầu sửa" in reviews
    published = section(html, f"t63-unit-published-{own.code}")
    assert translated.title in published and untranslated.title in published
    assert "Câu chuyện của Huế" not in published and draft.title not in published
    row = published[published.index(translated.title) :]
    assert 'data-t63-translation="current"' in row[: row.index("</tr>")]
    row = published[published.index(untranslated.title) :]
    assert 'data-t63-translation="missing"' in row[: row.index("</tr>")]


def own_merged_code(unit: ProvincePage) -> str:
    return unit.merged_provinces.filter(locale=unit.locale).values_list("code", flat=True).first()


def test_drafts_are_newest_first(client, django_user_model, db):
    editor, me = person(client, django_user_model, "hue", "--unit", "46")
    older = StoryPageFactory(parent=province("46"), title="Cũ hơn", owner=me)
    older.save_revision(user=me)
    newer = StoryPageFactory(parent=province("46"), title="Mới hơn", owner=me)
    newer.save_revision(user=me)
    drafts = section(dashboard(editor), "t63-my-drafts")
    assert drafts.index(newer.title) < drafts.index(older.title)


def test_editors_do_not_see_the_translation_queue_of_other_provinces(client, django_user_model, db):
    publish_story(parent=province("46"), title="Câu chuyện của Huế")
    editor, _ = person(client, django_user_model, "bacgiang", "--unit", "24")
    html = dashboard(editor)
    assert "t63-translations-needed" not in html and "Câu chuyện của Huế" not in html
    assert "t63-coverage" not in html
    translator, _ = person(client, django_user_model, "biendich", "--translator")
    assert "Câu chuyện của Huế" in section(dashboard(translator), "t63-translations-needed")
    moderator, _ = person(client, django_user_model, "kiemduyet", "--moderator")
    html = dashboard(moderator)
    assert "t63-translations-needed" in html and "t63-coverage" in html and "t63-my-drafts" not in html


def test_moderators_keep_their_review_queue(client, django_user_model, db):
    _, me = person(client, django_user_model, "bacgiang", "--unit", "24")
    story = StoryPageFactory(parent=province("24"), title="Chờ Bộ duyệt", owner=me)
    submit(story, me)
    moderator, _ = person(client, django_user_model, "kiemduyet", "--moderator")
    html = dashboard(moderator)
    assert "Chờ Bộ duyệt" in section(html, "awaiting-review")


def test_editors_see_no_site_wide_summary(client, django_user_model, db):
    editor, _ = person(client, django_user_model, "bacgiang", "--unit", "24")
    response = editor.get("/admin/")
    assert response.context["site_summary"].summary_items == []
    moderator, _ = person(client, django_user_model, "kiemduyet", "--moderator")
    assert moderator.get("/admin/").context["site_summary"].summary_items


def stories_of_every_kind(parent, me, count, batch):
    """``count`` drafts, stories in review and published stories, and one translated story."""
    for n in range(count):
        StoryPageFactory(parent=parent, title=f"Nháp {batch} {n}", owner=me)
        submit(StoryPageFactory(parent=parent, title=f"Duyệt {batch} {n}", owner=me), me)
        publish_story(parent=parent, title=f"Đăng {batch} {n}", owner=me)
    translate_into_english(publish_story(parent=parent, title=f"Dịch {batch}", owner=me))


def queries_for(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        dashboard(client)
    return len(queries)


def test_the_dashboard_reads_a_bounded_number_of_queries(client, django_user_model, db):
    editor, me = person(client, django_user_model, "bacgiang", "--unit", "24")
    parent = province("24")
    stories_of_every_kind(parent, me, 1, "a")
    dashboard(editor)  # the first request fills per-process caches (content types, site root)
    few = queries_for(editor)
    stories_of_every_kind(parent, me, 12, "b")  # past the 10 shown per list
    many = queries_for(editor)
    assert many == few, (few, many)
    assert few <= 35  # 32 when written: session, user, teams, each list and its count, states
