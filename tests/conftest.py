import pytest
from django.core import serializers
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The 63 provinces exist in every test, as on every real T63 site; loaded once."""
    with django_db_blocker.unblock():
        call_command("load_provinces", verbosity=0)
        # Live-server tests restore the database serialized at its creation (serialized rollback);
        # serialized again now, that state has the provinces too.
        if hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = serialized_database()


def serialized_database() -> str:
    """Every row, as Django's serialized rollback restores them, with the locales first:
    wagtail-localize reads a LocaleSynchronization's locale as soon as the row is saved."""
    from django.apps import apps
    from wagtail.models import Locale

    models = [model for model in apps.get_models() if model._meta.can_migrate(connection)]
    models.sort(key=lambda model: model is not Locale)

    def rows():
        for model in models:
            yield from model._base_manager.order_by(model._meta.pk.name).iterator()

    return serializers.serialize("json", rows())


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache, as its database starts from the same state."""
    cache.clear()


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
