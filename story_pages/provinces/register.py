"""The 63 provinces and their 2025 fate, read from the ``vietnamadminunits`` package.

The package carries the 63-unit register (``admin_units_legacy``), the 34-unit register in force
from 1 July 2025 (``admin_units``) and the conversion between them (``DICT_PROVINCE``). We only
reshape that data; nothing here is typed in by hand except one correction, explained below.
"""

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import vietnamadminunits
from vietnamadminunits.database import query

MERGER_DATE = date(2025, 7, 1)

KIND_CITY, KIND_PROVINCE = "thanh-pho", "tinh"
STATUS_CURRENT, STATUS_MERGED = "current", "merged"

# The package's "legacy" register was taken after Thừa Thiên Huế became Thành phố Huế on
# 1 January 2025 (Resolution 1314/NQ-UBTVQH15), so it has lost the name the province carried
# for most of the T63 era. We restore it: code -> (official name, short name, rename date).
T63_ERA_NAMES = {"46": ("Tỉnh Thừa Thiên Huế", "Thừa Thiên Huế", date(2025, 1, 1))}


@dataclass(frozen=True)
class ProvinceRecord:
    code: str
    official_name: str
    short_name: str
    kind: str
    status: str
    merged_into_code: str | None
    current_name: str
    current_short_name: str
    renamed_on: date | None
    latitude: float | None
    longitude: float | None


def kind_of(official_name: str) -> str:
    return KIND_CITY if official_name.startswith("Thành phố") else KIND_PROVINCE


def _conversion_table() -> dict[str, list[str]]:
    path = Path(vietnamadminunits.__file__).parent / "data" / "converter_2025.json"
    return json.loads(path.read_text(encoding="utf-8"))["DICT_PROVINCE"]


@cache
def load_records() -> tuple[ProvinceRecord, ...]:
    """All 63 provinces of the T63 era, ordered by GSO code."""
    legacy = query(
        "SELECT DISTINCT provinceCode, province, provinceShort, provinceKey, provinceLat, provinceLon"
        " FROM admin_units_legacy"
    )
    current = query("SELECT DISTINCT provinceCode, province, provinceShort, provinceKey FROM admin_units")
    legacy_code_by_key = {row["provinceKey"]: row["provinceCode"] for row in legacy}
    current_by_key = {row["provinceKey"]: row for row in current}

    # legacy code -> the current unit (a row of the 34) that it is part of today
    unit_of = {}
    for unit_key, legacy_keys in _conversion_table().items():
        for legacy_key in legacy_keys:
            unit_of[legacy_code_by_key[legacy_key]] = current_by_key[unit_key]

    records = []
    for row in sorted(legacy, key=lambda r: r["provinceCode"]):
        code = row["provinceCode"]
        official_name, short_name, renamed_on = row["province"], row["provinceShort"], None
        if code in T63_ERA_NAMES:
            official_name, short_name, renamed_on = T63_ERA_NAMES[code]
        unit = unit_of[code]
        is_current = unit["provinceCode"] == code
        if is_current and renamed_on is None and unit["province"] != official_name:
            renamed_on = MERGER_DATE
        records.append(
            ProvinceRecord(
                code=code,
                official_name=official_name,
                short_name=short_name,
                kind=kind_of(official_name),
                status=STATUS_CURRENT if is_current else STATUS_MERGED,
                merged_into_code=None if is_current else unit["provinceCode"],
                current_name=unit["province"] if is_current else "",
                current_short_name=unit["provinceShort"] if is_current else "",
                renamed_on=renamed_on if is_current else None,
                latitude=row["provinceLat"],
                longitude=row["provinceLon"],
            )
        )
    return tuple(records)
