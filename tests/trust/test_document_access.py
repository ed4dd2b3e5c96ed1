"""A document is served to the public only once a published, public page uses it; otherwise to
the people who may see a page that uses it."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from tests.factories import StoryPageFactory, province, publish_story


def document(name: str) -> Document:
    return Document.objects.create(title=name, file=ContentFile(b"%PDF-1.4 " + name.encode(), f"{name}.pdf"))


def linking(doc) -> list:
    return [("paragraph", RichText(f'<p>Xem <a linktype="document" id="{doc.pk}">báo cáo</a>.</p>'))]


def editor(django_user_model, username, unit):
    call_command("create_editor", username, "--unit", unit, "--password", "mật-khẩu-dài-123", verbosity=0)
    return django_user_model.objects.get(username=username)


@pytest.fixture
def documents(db):
    made = {name: document(name) for name in ("public", "draft", "later-draft", "private", "unused")}
    publish_story(parent=province("24"), body=linking(made["public"]))
    StoryPageFactory(parent=province("24"), body=linking(made["draft"])).save_revision()
    live = publish_story(parent=province("24"))
    live.body = linking(made["later-draft"])
    live.save_revision()  # an edit not yet reviewed
    private = publish_story(parent=province("24"), slug="rieng-tu", body=linking(made["private"]))
    restriction = PageViewRestriction.objects.create(page=private, restriction_type="password", password="mk")
    made["restriction"], made["private page"] = restriction, private
    return made


def test_only_documents_of_published_public_pages_are_served_to_anyone(client, documents):
    assert client.get(documents["public"].url).status_code == 200
    for name in ("draft", "later-draft", "private", "unused"):
        response = client.get(documents[name].url)
        assert response.status_code == 404, name
        assert b"%PDF" not in response.content


def test_a_reader_who_passed_the_password_gets_the_document(client, documents):
    page = documents["private page"]
    html = client.get(page.url).content.decode()
    action = re.search(r'<form action="([^"]+)"', html).group(1)
    client.post(action, {"password": "mk", "return_url": page.url})
    assert client.get(documents["private"].url).status_code == 200
    assert client.get(documents["draft"].url).status_code == 404


def test_an_editor_gets_the_documents_of_their_own_drafts_only(client, django_user_model, documents):
    client.force_login(editor(django_user_model, "bacgiang", "24"))
    assert client.get(documents["draft"].url).status_code == 200
    client.force_login(editor(django_user_model, "hanoi", "01"))
    assert client.get(documents["draft"].url).status_code == 404


def test_a_superuser_gets_every_document(admin_client, documents):
    for name in ("draft", "private", "unused"):
        assert admin_client.get(documents[name].url).status_code == 200, name


def test_a_document_served_to_one_person_is_kept_by_no_shared_cache(client, django_user_model, documents):
    assert "private" not in client.get(documents["public"].url).get("Cache-Control", "")
    client.force_login(editor(django_user_model, "bacgiang", "24"))
    response = client.get(documents["draft"].url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
