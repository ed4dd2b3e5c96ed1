"""Replace Wagtail's placeholder welcome page with T63's Vietnamese home page."""

from django.db import migrations

HOME_TITLE = "T63 – Chuyển đổi số từ các tỉnh, thành phố"
HOME_INTRO = (
    "Những câu chuyện thành công và bài học kinh nghiệm về chuyển đổi số do chính các tỉnh, "
    "thành phố kể lại, để các địa phương khác học hỏi."
)


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    # Wagtail's initial data puts a generic "Welcome" page at depth 2; it has no place here.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    locale = Locale.objects.order_by("pk").first()
    home = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="home",
        content_type=content_type,
        path="00010002",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        intro=HOME_INTRO,
        live=True,
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "T63"},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
