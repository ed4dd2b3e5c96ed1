"""The readers' pages are valid HTML for the Nu HTML Checker (vnu, W3C's validator), in both
languages: every page of the list is rendered with the demo content and all go to vnu in one Java
run (the JVM's start costs more than checking a page).

vnu comes from npm (tools/checkers, pinned) and runs on the machine's Java; `make test` installs
both (the Makefile's `checkers` target)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from story_pages.models import ProvincePage, ProvinceStatus, StoryPage

pytestmark = pytest.mark.django_db(transaction=True)

VNU_JAR = Path(settings.BASE_DIR) / "tools/checkers/node_modules/vnu-jar/build/dist/vnu.jar"
JAVA = shutil.which("java") or "/usr/bin/java"

# What vnu may report that is not a fault of the page: {the message's start: why}. None so far:
# the pages pass as they are, warnings included.
JUSTIFIED: dict[str, str] = {}


def former_province(language: str) -> ProvincePage:
    """A province merged into a unit on 1 July 2025 (Hà Giang, into Tuyên Quang, the first code)."""
    merged = ProvincePage.objects.filter(status=ProvinceStatus.MERGED, locale__language_code=language)
    return merged.select_related("merged_into").order_by("code")[0]


def unit_without_stories(language: str) -> ProvincePage:
    """A unit of today with no story in this language: its list shows no filter panel."""
    units = ProvincePage.objects.filter(status=ProvinceStatus.CURRENT, locale__language_code=language)
    for unit in units.order_by("code"):
        if not StoryPage.objects.published_in(unit.unit_provinces()).exists():
            return unit
    raise AssertionError(f"every unit has stories in {language}")


def checked_pages(language: str) -> dict[str, str]:
    """The readers' pages of the issue, by name -> path, in one language."""
    prefix = "" if language == "vi" else "/en"
    story = (
        StoryPage.objects.published()
        .filter(locale__language_code=language, story_format="both")
        .exclude(case_stage="")
        .order_by("pk")
        .first()
    )
    former = former_province(language)
    unit = former.merged_into.get_translation(former.locale)  # the unit in this language
    all_stories = "/cau-chuyen/" if language == "vi" else "/en/stories/"
    return {
        "home": f"{prefix}/",
        "province index": unit.get_parent().url,
        "unit": unit.url,
        "former province": former.url,
        "all stories, filtered": f"{all_stories}?theme={story.theme}&format={story.story_format}",
        # The filter panel's two other states: hidden (nothing to filter), and kept to undo a
        # filter that finds nothing.
        "unit without stories": unit_without_stories(language).url,
        "all stories, a filter that finds nothing": f"{all_stories}?year=1999",
        "story with video, case facts and learning": story.url,
        "search without result": f"{prefix}/search/?q=khong+co+gi+ca+xyzzy",
        "about": f"{prefix}/gioi-thieu/" if language == "vi" else f"{prefix}/about/",
        "contact": f"{prefix}/lien-he-chung/" if language == "vi" else f"{prefix}/contact/",
    }


def vnu_messages(files: list[Path]) -> list[dict]:
    """vnu's errors and warnings for these files (one JVM for all of them)."""
    run = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    # vnu writes its JSON report to standard error.
    return [
        message
        for message in json.loads(run.stderr)["messages"]
        if message["type"] == "error" or message.get("subType") == "warning"
    ]


def unjustified(message: dict) -> bool:
    return not any(message["message"].startswith(reason) for reason in JUSTIFIED)


def test_readers_pages_are_valid_html_in_both_languages(client, demo_site, tmp_path):
    assert VNU_JAR.exists(), "vnu is missing: make checkers (npm ci in tools/checkers)"
    file_names = {}
    for language in ("vi", "en"):
        for name, path in checked_pages(language).items():
            response = client.get(path)
            assert response.status_code == 200, f"{language} {name}: {path}"
            file = tmp_path / f"{language}-{len(file_names):02d}.html"
            file.write_bytes(response.content)
            file_names[file.name] = f"{language} {name} ({path})"

    faults = [
        f"{file_names[Path(message['url']).name]}, line {message.get('lastLine', '?')}: "
        f"{message['message']} [{message.get('extract', '').strip()}]"
        for message in vnu_messages([tmp_path / name for name in file_names])
        if unjustified(message)
    ]
    assert faults == [], "\n".join(faults)
