"""Two languages on every page: switcher, hreflang, canonical, the untranslated notice, the admin."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from tests.factories import StoryPageFactory, paragraph, province, translate_into_english


def head_links(html: str) -> dict[str, str]:
    links = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))
    links["canonical"] = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    return links


def switcher_links(html: str) -> dict[str, str]:
    nav = html.split('class="language-switcher"')[1].split("</nav>")[0]
    return dict((code, href) for href, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav))


@pytest.fixture
def published_story(db):
    story = StoryPageFactory(
        parent=province("46"), slug="hue-s", title="Hue-S", body=[paragraph("Người dân phản ánh.")]
    )
    story.save_revision().publish()
    return story


def test_a_translated_story_links_both_languages(client, published_story):
    english, _ = translate_into_english(published_story)
    vi_url, en_url = published_story.full_url, english.full_url
    assert en_url.endswith("/en/provinces/thua-thien-hue/hue-s/")
    for url in (vi_url, en_url):
        html = client.get(url).content.decode()
        links = head_links(html)
        assert (links["vi"], links["en"], links["x-default"]) == (vi_url, en_url, vi_url)
        assert links["canonical"] == url
    assert switcher_links(client.get(vi_url).content.decode()) == {"en": en_url}
    assert switcher_links(client.get(en_url).content.decode()) == {"vi": vi_url}
    assert '<html lang="en">' in client.get(en_url).content.decode()


def test_the_switcher_names_each_language_in_that_language(client, published_story):
    english, _ = translate_into_english(published_story)
    for url, other in ((published_story.url, "English"), (english.url, "Tiếng Việt")):
        nav = client.get(url).content.decode().split('class="language-switcher"')[1].split("</nav>")[0]
        assert re.search(rf'lang="\w+">{other}</a>', nav), nav  # marked lang="en", read "English"


def test_an_untranslated_story_shows_the_original_with_a_notice(client, published_story):
    alias = published_story.get_translation(Locale.objects.get(language_code="en"))
    assert alias.alias_of_id == published_story.pk
    html = client.get(alias.url).content.decode()
    assert '<html lang="en">' in html
    assert "This story is not yet available in English." in html
    assert '<article class="story" lang="vi">' in html
    links = head_links(html)
    assert links["canonical"] == published_story.full_url
    assert "en" not in links  # no English alternate: there is no English version
    # The switcher leads Vietnamese readers to the nearest English page: the province.
    vi_html = client.get(published_story.url).content.decode()
    assert switcher_links(vi_html) == {"en": province("46", "en").full_url}


def test_a_story_whose_translation_is_a_draft_still_shows_its_original(client, published_story):
    english, _ = translate_into_english(published_story, publish=False)
    assert not english.live
    response = client.get(english.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This story is not yet available in English." in html
    assert "EN Hue-S" not in html  # the draft is not public
    assert head_links(html)["canonical"] == published_story.full_url


def test_province_and_theme_names_have_english_forms(client, published_story):
    assert province("79", "en").title == "Hồ Chí Minh City"
    assert province("46", "en").title == "Thừa Thiên Huế Province"
    assert province("79", "en").merged_into is None  # a current unit
    assert province("74", "en").merged_into == province("79", "en")  # English points at English
    english, _ = translate_into_english(published_story)
    html = client.get(english.url).content.decode()
    assert "Digital government" in html
    assert "Chính quyền số" in client.get(published_story.url).content.decode()


def test_the_admin_speaks_vietnamese_by_default_and_english_on_request(client, django_user_model):
    editor = django_user_model.objects.create_user("bientap", "bt@example.vn", "pw", is_superuser=True)
    client.force_login(editor)
    assert '<html lang="vi"' in client.get("/admin/").content.decode()
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    assert '<html lang="en"' in client.get("/admin/").content.decode()
    assert dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES).keys() == {"vi", "en"}


def test_every_interface_string_is_translated(tmp_path):
    """makemessages over a copy of the project finds no untranslated or fuzzy entry in vi or en."""
    project = Path(settings.BASE_DIR)
    copy = tmp_path / "t63"
    shutil.copytree(
        project,
        copy,
        ignore=shutil.ignore_patterns(".venv", "var", ".git", "tests", "node_modules", "__pycache__", "*.mo"),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "vi", "-l", "en", "--ignore=tests/*"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "t63site.settings.test"},
    )
    for language in ("vi", "en"):
        catalogue = polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / "django.po"))
        assert [e.msgid for e in catalogue.untranslated_entries()] == [], language
        assert [e.msgid for e in catalogue.fuzzy_entries()] == [], language
