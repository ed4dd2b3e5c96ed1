"""What a page of stories points at, read with plain SELECTs.

These reads are small and fixed in shape: a few images, a video, the language versions of twenty
stories. For them Django's queryset machinery (building, compiling, converting) costs about three
times what the database takes to answer, and the API listing makes them on every request. So
their SQL is written here (the images' and videos' tables and columns taken from their models,
which a project may swap; Wagtail's own page and locale tables by name) and sent where a
queryset would go: to the database the router picks for reads.
"""

from collections.abc import Collection

from django.db import connections, router
from wagtail.models import Page

from story_pages import visibility


def instances(model, field_names: Collection[str], **where: Collection) -> list:
    """Instances of ``model`` whose fields hold one of the given values (``image=[1, 2]``), each
    condition ANDed, with only ``field_names`` loaded: the rest are deferred and load on first
    use. Values are taken as the driver returns them, with none of Django's converters: only for
    fields stored as themselves (numbers, text, file names) on every database."""
    unknown = set(field_names) - {field.name for field in model._meta.concrete_fields}
    if unknown:  # would be deferred, each one a query per instance
        raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
    if not all(where.values()):
        return []
    alias = router.db_for_read(model)
    quote = connections[alias].ops.quote_name
    # from_db() takes the values in the model's field order.
    fields = [field for field in model._meta.concrete_fields if field.name in field_names]
    conditions, params = [], []
    for name, values in where.items():
        values = list(values)
        conditions.append(
            f"{quote(model._meta.get_field(name).column)} IN ({', '.join(['%s'] * len(values))})"
        )
        params += values
    sql = (
        f"SELECT {', '.join(quote(field.column) for field in fields)} FROM {quote(model._meta.db_table)}"
        f" WHERE {' AND '.join(conditions)}"
    )
    attnames = [field.attname for field in fields]
    return [model.from_db(alias, attnames, row) for row in _rows(alias, sql, params)]


def translations(translation_keys: Collection) -> list[tuple]:
    """(translation key, page id, language code, url_path) of the real versions of the pages
    with these translation keys (visibility.real_versions, read as plain rows), in tree order."""
    if not translation_keys:
        return []
    alias = router.db_for_read(Page)
    key_field = Page._meta.get_field("translation_key")
    connection = connections[alias]
    keys = [key_field.get_db_prep_value(key, connection) for key in translation_keys]
    sql = (
        "SELECT page.translation_key, page.id, locale.language_code, page.url_path, page.path"
        " FROM wagtailcore_page page JOIN wagtailcore_locale locale ON locale.id = page.locale_id"
        f" WHERE page.translation_key IN ({', '.join(['%s'] * len(keys))})"
        " AND page.live AND page.alias_of_id IS NULL ORDER BY page.path"
    )
    return [
        (key_field.to_python(key), page_id, language, url_path)  # SQLite hands UUIDs back as text
        for key, page_id, language, url_path, path in _rows(alias, sql, keys)
        if not visibility.in_private_section(path)
    ]


def versions_of_pages(page_ids: Collection[int]) -> list[tuple]:
    """(page id, language code, url_path) of the live versions of each page, in every language
    (aliases included: a link leads to the page as readers find it in their language)."""
    if not page_ids:
        return []
    sql = (
        "SELECT linked.id, locale.language_code, version.url_path FROM wagtailcore_page linked"
        " JOIN wagtailcore_page version ON version.translation_key = linked.translation_key"
        " JOIN wagtailcore_locale locale ON locale.id = version.locale_id"
        f" WHERE linked.id IN ({', '.join(['%s'] * len(page_ids))}) AND version.live"
    )
    return _rows(router.db_for_read(Page), sql, list(page_ids))


def _rows(alias: str, sql: str, params: list) -> list[tuple]:
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
