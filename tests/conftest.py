import pytest
from django.apps import apps
from django.core import serializers
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The 63 provinces exist in every test, as on every real T63 site; loaded once."""
    with django_db_blocker.unblock():
        call_command("load_provinces", verbosity=0)
        # Live-server tests commit, and the database is emptied after each; the next one puts
        # back this starting state (tests/browser/conftest.py).
        STARTING_STATE.append(serialized_database())


STARTING_STATE: list[str] = []


def serialized_database() -> str:
    """Every row, content types and locales first: saving some rows makes signal handlers look
    them up (wagtail-localize reads a LocaleSynchronization's locale; Wagtail creates the content
    type of a task), and a lookup that finds nothing would create a clashing one."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale

    first = [ContentType, Locale]
    models = [model for model in apps.get_models() if model._meta.can_migrate(connection)]
    models.sort(key=lambda model: first.index(model) if model in first else len(first))

    def rows():
        for model in models:
            yield from model._base_manager.order_by(model._meta.pk.name).iterator()

    return serializers.serialize("json", rows())


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache, as its database starts from the same state (and the
    content version this process knows is forgotten with the rows it was read from)."""
    from story_pages import content_version

    for cache in caches.all():
        cache.clear()
    content_version.forget_the_database_version()


@pytest.fixture
def pages_uncached(settings):
    """The reader page cache off (as T63_CACHE=off): each request renders its page."""
    settings.CACHES = {
        **settings.CACHES,
        "responses": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.vn", "password")
    client.force_login(user)
    return client


@pytest.fixture
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def starting_state(transactional_db):
    """The database as the session began (migrations and the 63 provinces): a live-server test
    commits, and the one before emptied the database."""
    from wagtail.models import Site

    if not Site.objects.exists():
        # Emptied again without the content types and permissions that post_migrate recreated:
        # the starting state brings its own, with their ids.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(STARTING_STATE[0])
        # Rows came back with their ids; the sequences must continue after them.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)
