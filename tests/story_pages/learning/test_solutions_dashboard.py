"""The ministry's dashboard: the most replicated solutions and the stories that led to adoptions."""

from django.contrib.auth.models import Group

from story_pages.editorial.teams import MODERATORS
from tests.factories import province, publish_story
from tests.story_pages.learning.solution_factories import adopt, make_solution, tell_of


def test_moderators_see_the_most_replicated_solutions_and_the_stories_behind_adoptions(
    db, client, django_user_model
):
    hue_s = make_solution("Hue-S", origin="46", english=False)
    for code in ("48", "01", "20"):
        adopt(hue_s, code)
    adopt(hue_s, "22", approved=False)  # waiting: not counted
    handbook = make_solution("Sổ tay đảng viên", origin="19", english=False)
    adopt(handbook, "34", story=publish_story(title="Sổ tay ở Thái Bình", parent=province("34")))
    tell_of(publish_story(title="Hue-S ở Huế", parent=province("46")), hue_s)
    tell_of(publish_story(title="Chưa ai dùng", parent=province("24")), make_solution("Khác", english=False))

    moderator = django_user_model.objects.create_user("m", "m@example.vn", "password")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    response = client.get("/admin/")
    panel = next(p for p in response.context["panels"] if p.name == "t63_solution_spread")
    context = panel.get_context_data({"request": response.wsgi_request})
    assert [(s.title, s.adopter_count) for s in context["solutions"]] == [
        ("Hue-S", 3),
        ("Sổ tay đảng viên", 1),
    ]
    assert sorted(s.title for s in context["stories"]) == ["Hue-S ở Huế", "Sổ tay ở Thái Bình"]
    html = response.content.decode()
    assert "Hue-S ở Huế" in html

    editor = django_user_model.objects.create_user("e", "e@example.vn", "password")
    editor.groups.add(Group.objects.get(name="Biên tập – Đà Nẵng"))
    client.force_login(editor)
    assert all(p.name != "t63_solution_spread" for p in client.get("/admin/").context["panels"])
