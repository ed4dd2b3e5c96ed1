"""The entries' words with their diacritics, for ranking exact spellings first; filled from the
stored text, so no page has to be indexed again."""

from django.db import migrations, models

from search.folding import exact_words, word_list


def fill_exact_words(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    entries = SearchEntry.objects.only("pk", "text")
    batch = []
    for entry in entries.iterator(chunk_size=500):
        entry.exact_words = word_list(exact_words(entry.text))
        batch.append(entry)
        if len(batch) == 500:
            SearchEntry.objects.bulk_update(batch, ["exact_words"])
            batch = []
    SearchEntry.objects.bulk_update(batch, ["exact_words"])


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_entry")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="exact_words",
            field=models.TextField(default="", verbose_name="exact words"),
        ),
        migrations.RunPython(fill_exact_words, migrations.RunPython.noop),
    ]
