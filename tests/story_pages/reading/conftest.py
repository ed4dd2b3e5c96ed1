from tests.search.conftest import stories  # noqa: F401  (the stories the search page is tried on)
