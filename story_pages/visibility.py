"""What is published: live pages outside private sections (pages behind a view restriction),
which are read once per request.

Wagtail's ``public()`` asks the database for every restriction each time it is called, and a
reader's page or an API listing calls it through several querysets. Within a request the
answer is the same, so it is asked once; outside a request (commands, tasks) every call asks.
"""

from contextvars import ContextVar
from types import SimpleNamespace

from django.db.models import Q
from wagtail.models import PageViewRestriction

_this_request: ContextVar[SimpleNamespace | None] = ContextVar("private_sections", default=None)


def private_section_paths() -> tuple[str, ...]:
    memo = _this_request.get()
    if memo is not None and memo.paths is not None:
        return memo.paths
    paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    if memo is not None:
        memo.paths = paths
    return paths


def private_q() -> Q:
    """Pages in a private section, the restricted page included (as Wagtail's ``private_q``)."""
    private = Q()
    for path in private_section_paths():
        private |= Q(path__startswith=path)
    return private or Q(pk__in=[])


def in_private_section(path: str) -> bool:
    """For pages read without a queryset: private_q() as a test of one path."""
    return path.startswith(private_section_paths())


def published(pages):
    """What readers and outlets may see of ``pages`` (a page queryset): live, outside private
    sections, with content of their own (an untranslated alias shows the original's text under
    another language's URL)."""
    return pages.live().exclude(private_q()).filter(alias_of__isnull=True)


class PrivateSectionsOncePerRequest:
    """Middleware: one lookup of the private sections serves the whole request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _this_request.set(SimpleNamespace(paths=None))
        try:
            return self.get_response(request)
        finally:
            _this_request.reset(token)
