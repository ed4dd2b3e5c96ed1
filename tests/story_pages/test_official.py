"""An official site: the owning ministry in every page's header and footer, edited by moderators
in the admin (cached pages follow at once), About and Contact in both languages."""

import lxml.html
import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction, Site

from story_pages.editorial.teams import MODERATORS
from story_pages.models import InformationKind, InformationPage, SiteOwner
from story_pages.official.owner import DEFAULTS

pytestmark = pytest.mark.django_db


def tree(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content.decode())


def header_owner(client, url: str) -> str:
    return tree(client, url).xpath("normalize-space(//header[@class='site-header']/p[@class='site-owner'])")


def footer(client, url: str):
    [element] = tree(client, url).xpath("//footer[@class='site-footer']")
    return element


@pytest.mark.parametrize(
    ("url", "language"),
    [("/", "vi"), ("/en/", "en"), ("/tinh-thanh/", "vi"), ("/en/provinces/", "en")],
)
def test_header_and_footer_name_the_ministry_in_the_page_language(client, url, language):
    expected = f"{DEFAULTS[f'ministry_{language}']} · {DEFAULTS[f'department_{language}']}"
    assert header_owner(client, url) == expected
    address = footer(client, url).xpath("normalize-space(.//address)")
    assert DEFAULTS[f"address_{language}"] in address
    assert "mailto:" not in address  # no address is shown until the ministry gives one


def test_about_and_contact_exist_in_both_languages_and_are_linked(client):
    expected = {
        "/": ["/gioi-thieu/", "/lien-he-chung/"],
        "/en/": ["/en/about/", "/en/contact/"],
    }
    for home, (about, contact) in expected.items():
        links = footer(client, home).xpath(".//ul[@class='footer-links']//a/@href")
        assert links[:2] == [about, contact]
        assert tree(client, about).xpath("//h1/text()")
        contact_page = tree(client, contact)
        assert DEFAULTS[f"address_{'vi' if home == '/' else 'en'}"] in contact_page.xpath(
            "normalize-space(//main//address)"
        )
    assert InformationPage.objects.filter(kind=InformationKind.CONTACT, alias_of__isnull=True).count() == 2


def test_a_private_about_page_is_no_footer_link(client):
    about = InformationPage.objects.get(kind=InformationKind.ABOUT, locale__language_code="vi")
    about.title = "Giới thiệu nội bộ"
    about.save_revision().publish()
    assert "Giới thiệu nội bộ" in footer(client, "/").xpath("string(.)")
    PageViewRestriction.objects.create(page=about, restriction_type="password", password="secret")
    # The restriction starts a new content version: the cached footer follows at once.
    home_footer = footer(client, "/")
    assert home_footer.xpath(".//ul[@class='footer-links']//a/@href")[:1] == ["/lien-he-chung/"]
    assert "Giới thiệu nội bộ" not in home_footer.xpath("string(.)")
    assert footer(client, "/en/").xpath(".//ul[@class='footer-links']//a/@href")[:1] == ["/en/about/"]


def test_a_moderator_edits_the_owner_and_cached_pages_follow(client, django_user_model):
    assert header_owner(client, "/").startswith("Bộ Khoa học và Công nghệ")  # now cached
    assert header_owner(client, "/en/").startswith("Ministry of Science and Technology")
    moderator = django_user_model.objects.create_user("kiemduyet", password="x")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    assert moderator.has_perm("story_pages.change_siteowner")
    site = Site.objects.get(is_default_site=True)
    editor = Client()
    editor.force_login(moderator)
    form = {name: value for name, value in DEFAULTS.items()}
    form |= {
        "department_vi": "Cục Đổi mới",
        "department_en": "Innovation Agency",
        "email": "lienhe@example.gov.vn",
        "phone": "024 1234 5678",
    }
    response = editor.post(f"/admin/settings/story_pages/siteowner/{site.pk}/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SiteOwner.for_site(site).department_vi == "Cục Đổi mới"
    assert header_owner(client, "/") == "Bộ Khoa học và Công nghệ · Cục Đổi mới"
    assert header_owner(client, "/en/") == "Ministry of Science and Technology · Innovation Agency"
    address = footer(client, "/").xpath("normalize-space(.//address)")
    assert "024 1234 5678" in address and "lienhe@example.gov.vn" in address


def test_an_editor_may_not_edit_the_owner(client, django_user_model):
    editor = django_user_model.objects.create_user("bientap", password="x")
    editor.groups.add(Group.objects.exclude(name=MODERATORS).filter(name__startswith="Biên tập").first())
    assert not editor.has_perm("story_pages.change_siteowner")
    client.force_login(editor)
    site = Site.objects.get(is_default_site=True)
    response = client.get(f"/admin/settings/story_pages/siteowner/{site.pk}/")
    assert response.status_code in (302, 403)
