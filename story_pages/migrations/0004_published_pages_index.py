from django.db import migrations

# Counting a listing's published stories (the API's total_count, a page of search results)
# reads this small index instead of the whole page table: Wagtail's table has no index that
# covers "live, not an alias" by page type. A raw index because the table is Wagtail's (a
# Wagtail migration that rebuilt the table on SQLite would drop it: only speed would suffer).
CREATE = (
    "CREATE INDEX story_pages_published_pages_idx ON wagtailcore_page (content_type_id, locale_id) "
    "WHERE live AND alias_of_id IS NULL"
)
DROP = "DROP INDEX IF EXISTS story_pages_published_pages_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("story_pages", "0003_story_review_task"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP)]
