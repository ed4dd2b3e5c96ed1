"""What readers and outlets may see, decided here and nowhere else.

- *Published*: live, outside private sections (pages behind a view restriction), with content of
  their own (an untranslated alias shows its original's text under another language's URL).
- *Private*: a page in a private section, or a page that shows another page's content (an
  alias) whose source is private. Wagtail checks an alias's own ancestors and the source page
  itself, but not the source's section: an English alias of a story in a restricted Vietnamese
  province was served to anyone.
- *A page's real language versions*: its published translations, the only ones a language
  switcher, hreflang, Open Graph or the API may point at.
- *A public file* (image, document, video): one that a published page uses.

Private sections are read once per request: Wagtail's ``public()`` asks the database for every
restriction each time it is called, and a reader's page or an API listing calls it through
several querysets. Outside a request (commands, tasks) every call asks.
"""

from collections.abc import Collection
from contextvars import ContextVar
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Q
from django.db.models.functions import Cast
from wagtail.models import Page, PageViewRestriction, ReferenceIndex

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
    """Pages in a private section, the restricted page included (as Wagtail's ``private_q``).
    Aliases are not matched through their source: ``published()`` leaves every alias out."""
    private = Q()
    for path in private_section_paths():
        private |= Q(path__startswith=path)
    return private or Q(pk__in=[])


def in_private_section(path: str) -> bool:
    """For pages read without a queryset: private_q() as a test of one path."""
    return path.startswith(private_section_paths())


def published(pages):
    """What readers and outlets may see of ``pages`` (a page queryset): live, public, with
    content of their own."""
    return pages.live().exclude(private_q()).filter(alias_of__isnull=True)


def is_published(page) -> bool:
    """For a page read without a queryset: whether ``published()`` would keep it."""
    return page.live and page.alias_of_id is None and not in_private_section(page.path)


def real_versions(translation_keys: Collection, pages=None):
    """The language versions of the pages with these translation keys that a reader may be sent
    to: the published ones (of ``pages``, a page queryset, if given). A draft, a private
    translation or an alias is no version."""
    pages = Page.objects.all() if pages is None else pages
    return published(pages.filter(translation_key__in=translation_keys))


def real_version_languages(translation_key) -> dict[int, str]:
    """The real versions of the pages with this translation key, as {page id: language code};
    read once per request (the hreflang links read them first, the sharing tags again)."""
    memo = _this_request.get()
    known = getattr(memo, "versions", None)
    if known is not None and translation_key in known:
        return known[translation_key]
    versions = dict(real_versions([translation_key]).values_list("pk", "locale__language_code"))
    remember_real_versions(translation_key, versions)
    return versions


def remember_real_versions(translation_key, versions: dict[int, str]) -> None:
    """For a caller that read a key's real versions in a wider query (home.language_versions)."""
    memo = _this_request.get()
    if memo is not None:
        memo.versions = {**(getattr(memo, "versions", None) or {}), translation_key: versions}


def shown_paths(page) -> set[str]:
    """The paths of ``page`` and of every page whose content it, or one of its ancestors, shows
    (the source of an alias, and that source's if it is an alias too)."""
    paths: set[str] = set()
    pending = [page.path]
    while pending:
        path = pending.pop()
        if path in paths:
            continue
        paths.add(path)
        aliases_on_the_way = Page.objects.filter(path__in=_chain(path), alias_of__isnull=False)
        pending += aliases_on_the_way.values_list("alias_of__path", flat=True)
    return paths


def view_restrictions(page):
    """Every restriction that guards ``page``: those on its section and on the section of each
    page whose content it shows (an alias is as private as its source, wherever the source sits)."""
    paths = shown_paths(page)
    if not any(in_private_section(path) for path in paths):  # the usual case: no query
        return PageViewRestriction.objects.none()
    sections = {ancestor for path in paths for ancestor in _chain(path)}
    return PageViewRestriction.objects.filter(page__path__in=sections)


def is_private(page) -> bool:
    """Whether ``page`` is hidden from a reader who has passed no restriction."""
    return any(in_private_section(path) for path in shown_paths(page))


def _chain(path: str) -> list[str]:
    """The path of a page and of each of its ancestors."""
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def used_by_published_pages(model):
    """The ids (a subquery) of ``model`` objects referenced by published pages.

    Wagtail's reference index holds each page's foreign keys, chooser blocks and rich-text links
    as saved on the page row, which is its live content: a draft is kept in revisions.
    """
    pages = published(Page.objects.all())
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=pages.values_list(Cast("pk", CharField()), flat=True),
        to_content_type=ContentType.objects.get_for_model(model),
    )
    return references.values_list(Cast("to_object_id", BigIntegerField()), flat=True)


def pages_using(obj):
    """Every page whose saved content refers to ``obj`` (a document, an image, a video)."""
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(obj),
        to_object_id=str(obj.pk),
    )
    return Page.objects.filter(pk__in=references.values_list(Cast("object_id", BigIntegerField()), flat=True))


class PrivateLikeItsSource:
    """Page mixin: Wagtail's view checks (serving, the password form, the admin's privacy status)
    see the restrictions of an alias's source section too."""

    def get_view_restrictions(self):
        return view_restrictions(self)


class PrivateSectionsOncePerRequest:
    """Middleware: one lookup of the private sections serves the whole request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _this_request.set(SimpleNamespace(paths=None, versions={}))
        try:
            return self.get_response(request)
        finally:
            _this_request.reset(token)
