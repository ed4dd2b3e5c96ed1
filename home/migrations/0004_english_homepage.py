"""The English home page at /en/ (a translation of the Vietnamese one), and the synchronised tree:
every page authored in Vietnamese gets its place in the English tree (wagtail-localize aliases)."""

from django.db import migrations

EN_TITLE = "T63 – Digital transformation stories from Vietnam's provinces"
EN_INTRO = (
    "Success stories and lessons learned in digital transformation, told by Vietnam's provinces "
    "and cities themselves, so that others can learn from them."
)


def create_english_home(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("home.HomePage")
    LocaleSynchronization = apps.get_model("wagtail_localize.LocaleSynchronization")

    vietnamese, english = Locale.objects.get(language_code="vi"), Locale.objects.get(language_code="en")
    LocaleSynchronization.objects.get_or_create(locale=english, defaults={"sync_from": vietnamese})

    home = HomePage.objects.filter(locale=vietnamese, depth=2).first()
    if home is None or HomePage.objects.filter(translation_key=home.translation_key, locale=english).exists():
        return
    root = Page.objects.get(depth=1)
    last_path = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True).first()
    next_step = int(last_path[-4:], 36) + 1
    # Root-level translations need their own slug: Wagtail tells a page's language by the
    # url_path prefix of its home page.
    slug = f"{home.slug}-en"
    HomePage.objects.create(
        title=EN_TITLE,
        draft_title=EN_TITLE,
        slug=slug,
        content_type_id=home.content_type_id,
        path=root.path + _base36(next_step).rjust(4, "0"),
        depth=2,
        numchild=0,
        url_path=f"/{slug}/",
        locale=english,
        translation_key=home.translation_key,
        intro=EN_INTRO,
        live=True,
    )
    Page.objects.filter(pk=root.pk).update(numchild=Page.objects.filter(depth=2).count())


def _base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


def remove_english_home(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(locale__language_code="en", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_english_locale"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_english_home, remove_english_home)]
