"""Uploads are refused when too large or when their content is not what their name says:
a page or a program renamed .pdf or .jpg never reaches readers."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><script>alert(1)</script></html>"


def document_form(name: str, content: bytes):
    form_class = get_document_form(get_document_model())
    data = {"title": name, "collection": Collection.get_first_root_node().pk}
    return form_class(data, {"file": SimpleUploadedFile(name, content)}, user=None)


def png(name: str = "anh.png", size=(64, 48)) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, get_test_image_file(size=size).file.getvalue())


def image_form(upload):
    form_class = get_image_form(get_image_model())
    data = {"title": upload.name, "collection": Collection.get_first_root_node().pk}
    return form_class(data, {"file": upload}, user=None)


@pytest.mark.parametrize(
    "name, content",
    [
        ("bao-cao.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        ("so-lieu.xlsx", b"PK\x03\x04\x14\x00\x06\x00"),
        ("so-lieu.csv", "tỉnh,số hồ sơ\nBắc Giang,1.000\n".encode()),
        ("ghi-chu.txt", "Chuyển đổi số".encode()),
    ],
)
def test_a_document_whose_content_matches_its_name_is_accepted(name, content):
    assert document_form(name, content).is_valid()


@pytest.mark.parametrize(
    "name, content",
    [
        ("bao-cao.pdf", HTML),
        ("bao-cao.docx", b"MZ\x90\x00\x03\x00\x00\x00"),  # a Windows program
        ("so-lieu.csv", b"\x7fELF\x02\x01\x01\x00\x00\x00"),
        ("ghi-chu.txt", HTML),
    ],
)
def test_a_document_whose_content_is_something_else_is_refused(name, content, vietnamese):
    form = document_form(name, content)
    assert not form.is_valid()
    assert form.errors.as_data()["file"][0].code == "content_mismatch"


def test_a_document_over_the_size_limit_is_refused(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    form = document_form("bao-cao.pdf", b"%PDF-1.7\n" + b"0" * 2048)
    assert not form.is_valid() and "file" in form.errors


def test_an_image_is_accepted_and_a_page_renamed_jpg_is_refused():
    assert image_form(png()).is_valid()
    assert not image_form(SimpleUploadedFile("anh.jpg", HTML)).is_valid()


def test_an_svg_image_which_could_carry_scripts_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert not image_form(SimpleUploadedFile("logo.svg", svg)).is_valid()


def test_an_image_over_the_size_limit_is_refused(settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    form = image_form(png(size=(200, 200)))
    assert not form.is_valid() and "file" in form.errors


def test_the_limits_are_set_for_production(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
