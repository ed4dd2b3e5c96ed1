"""Keeps the ProvincePages in step with the administrative data, idempotently.

Only the province index and the province pages are written; stories are never touched.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from unidecode import unidecode
from wagtail.models import Locale, Site

from .models import ProvinceIndexPage, ProvincePage
from .provinces_data import ProvinceRecord, load_records

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
    created: list[str] = field(default_factory=list)  # GSO codes
    updated: list[str] = field(default_factory=list)
    index_created: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.index_created)


def province_slug(record: ProvinceRecord) -> str:
    return slugify(unidecode(record.short_name))


def get_province_index(report: SyncReport) -> ProvinceIndexPage:
    """The default site's province index, created under the site's root page if missing."""
    site = Site.objects.get(is_default_site=True)
    root = site.root_page.specific
    index = ProvinceIndexPage.objects.child_of(root).first()
    if index is None:
        index = ProvinceIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, locale=root.locale)
        root.add_child(instance=index)
        index.save_revision().publish()
        report.index_created = True
    return index


@transaction.atomic
def sync_provinces() -> SyncReport:
    report = SyncReport()
    index = get_province_index(report)
    locale = Locale.get_default()
    pages = {p.code: p for p in ProvincePage.objects.child_of(index).filter(locale=locale)}
    records = load_records()

    for record in records:
        page = pages.get(record.code)
        if page is None:
            page = ProvincePage(code=record.code, title=record.short_name, slug=province_slug(record))
            _copy_fields(record, page)
            index.add_child(instance=page)
            page.save_revision().publish()
            pages[record.code] = page
            report.created.append(record.code)
        elif _copy_fields(record, page):
            page.save_revision().publish()
            report.updated.append(record.code)

    # A second pass, once every current unit exists to be pointed at.
    for record in records:
        page = pages[record.code]
        unit = pages[record.merged_into_code] if record.merged_into_code else None
        if page.merged_into_id != (unit.pk if unit else None):
            page.merged_into = unit
            page.save_revision().publish()
            if record.code not in report.created:
                report.updated.append(record.code)
    return report


def _copy_fields(record: ProvinceRecord, page: ProvincePage) -> bool:
    """Copy the record onto the page; True if anything changed."""
    changed = False
    for name in SYNCED_FIELDS:
        value = getattr(record, name)
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    return changed
