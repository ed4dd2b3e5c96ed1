"""English is T63's second content language: stories travel abroad under /en/."""

from django.db import migrations


def add_english(apps, schema_editor):
    apps.get_model("wagtailcore.Locale").objects.get_or_create(language_code="en")


def remove_english(apps, schema_editor):
    apps.get_model("wagtailcore.Locale").objects.filter(language_code="en").delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage")]

    operations = [migrations.RunPython(add_english, remove_english)]
