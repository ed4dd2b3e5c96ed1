import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The 63 provinces exist in every test, as on every real T63 site; loaded once."""
    with django_db_blocker.unblock():
        call_command("load_provinces", verbosity=0)


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
