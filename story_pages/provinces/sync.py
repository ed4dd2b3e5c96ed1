"""Keeps the province pages in step with the administrative data, idempotently, in every language.

The Vietnamese pages are made from the data; each other content language gets real translations
of them (not wagtail-localize aliases), so English readers find "Hồ Chí Minh City" at
/en/provinces/ho-chi-minh/. Only the province index and the province pages are written; stories
are never touched.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext, pgettext
from wagtail.models import Locale, Site

from story_pages.models import ProvinceIndexPage, ProvincePage
from story_pages.provinces.register import KIND_CITY, ProvinceRecord, load_records
from story_pages.slugs import vietnamese_slug

# The Vietnamese names and URLs do not depend on compiled translation catalogues.
INDEX_TITLE = "Tỉnh, thành phố"
INDEX_SLUG = "tinh-thanh"
SYNCED_FIELDS = (
    "official_name",
    "short_name",
    "kind",
    "status",
    "current_name",
    "current_short_name",
    "renamed_on",
    "latitude",
    "longitude",
)


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)  # "vi:02", "en:02"…
    updated: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def province_slug(record: ProvinceRecord) -> str:
    return vietnamese_slug(record.short_name)  # the same slugs as the stories' ("dak-lak")


def translated_province_title(record: ProvinceRecord) -> str:
    """The province's name in the active language: "Hồ Chí Minh City", "Thừa Thiên Huế Province"."""
    if record.kind == KIND_CITY:
        return gettext("%(name)s City") % {"name": record.short_name}
    return gettext("%(name)s Province") % {"name": record.short_name}


@transaction.atomic
def sync_provinces() -> SyncReport:
    report = SyncReport()
    site_root = Site.objects.get(is_default_site=True).root_page.specific
    index = _ensure_child(
        site_root, ProvinceIndexPage, {"title": INDEX_TITLE, "slug": INDEX_SLUG}, report, "index"
    )
    records = load_records()
    pages = {}
    for record in records:
        values = {"title": record.short_name, "slug": province_slug(record), **_data_fields(record)}
        pages[record.code] = _ensure_province(index, record.code, values, report)
    _link_merged_provinces(records, pages, report)

    for locale in Locale.objects.exclude(pk=site_root.locale_id):
        root_translation = site_root.get_translation_or_none(locale)
        if root_translation is None:
            continue  # this site has no home page in that language
        with translation.override(locale.language_code):
            index_values = {"title": gettext("Provinces and cities"), "slug": pgettext("URL", "provinces")}
        # First the index: a province can only be translated under a translated parent.
        _ensure_translation(index, locale, index_values, report, "index")
        translated_pages = {}
        for record in records:
            with translation.override(locale.language_code):
                values = {"title": translated_province_title(record), **_data_fields(record)}
            translated_pages[record.code] = _ensure_translation(
                pages[record.code], locale, values, report, record.code
            )
        _link_merged_provinces(records, translated_pages, report)
    return report


def _data_fields(record: ProvinceRecord) -> dict:
    return {name: getattr(record, name) for name in SYNCED_FIELDS}


def _ensure_child(parent, model, values, report, label):
    page = model.objects.child_of(parent).first()
    if page is None:
        page = model(**values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        report.created.append(f"{parent.locale.language_code}:{label}")
    return page


def _ensure_province(index, code, values, report):
    page = ProvincePage.objects.child_of(index).filter(code=code).first()
    if page is None:
        page = ProvincePage(code=code, **values)
        index.add_child(instance=page)
        page.save_revision().publish()
        report.created.append(f"{index.locale.language_code}:{code}")
    elif _assign(page, values):
        page.save_revision().publish()
        report.updated.append(f"{index.locale.language_code}:{code}")
    return page


def _ensure_translation(source, locale, values, report, label):
    """A real, published translation of ``source`` in ``locale`` carrying ``values``."""
    page = source.get_translation_or_none(locale)
    if page is None:
        page = source.copy_for_translation(locale)
        _assign(page, values)
        page.save_revision().publish()
        report.created.append(f"{locale.language_code}:{label}")
        return page
    page = page.specific
    changed = _assign(page, values)
    if page.alias_of_id:  # an alias made by the synchronised tree becomes a translation
        page.alias_of = None
        changed = True
    if changed:
        page.save_revision().publish()
        report.updated.append(f"{locale.language_code}:{label}")
    return page


def _link_merged_provinces(records, pages, report):
    """Point each merged province at its current unit, within the same language."""
    for record in records:
        page = pages[record.code]
        unit = pages[record.merged_into_code] if record.merged_into_code else None
        if page.merged_into_id != (unit.pk if unit else None):
            page.merged_into = unit
            page.save_revision().publish()
            label = f"{page.locale.language_code}:{record.code}"
            if label not in report.created:
                report.updated.append(label)


def _assign(page, values) -> bool:
    """Set the values on the page; True if anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    return changed
