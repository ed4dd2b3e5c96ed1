from django.db import migrations, models


def create_the_record(apps, schema_editor):
    apps.get_model("story_pages", "ContentVersionRecord").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("story_pages", "0004_published_pages_index")]

    operations = [
        migrations.CreateModel(
            name="ContentVersionRecord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "content version"},
        ),
        migrations.RunPython(create_the_record, migrations.RunPython.noop),
    ]
