"""Who may download a document at /documents/<id>/<name>.

Wagtail serves every document to anyone who knows its address, so a report attached to a draft
or to a story behind a password leaked before (or without) review. A document is served to the
public only when a published page uses it; otherwise only to a reader who has passed the view
restriction of a live page that uses it, and to signed-in people who may edit such a page or
manage the document itself. To anyone else it does not exist (404).
"""

from django.http import Http404
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from story_pages import visibility


def is_public(document) -> bool:
    return visibility.used_by_published_pages(get_document_model()).filter(to_object_id=document.pk).exists()


def may_download(document, request) -> bool:
    if is_public(document):
        request.t63_public_document = True
        return True
    user = request.user
    for page in visibility.pages_using(document).specific():
        if page.live and all(
            restriction.accept_request(request) for restriction in page.get_view_restrictions()
        ):
            return True
        if user.is_authenticated and page.permissions_for_user(user).can_edit():
            return True
    documents = policy_registry.get_by_type(get_document_model())
    return user.is_authenticated and documents.user_has_permission_for_instance(user, "change", document)


def refuse_unpublished_documents(document, request):
    """``before_serve_document`` hook."""
    if not may_download(document, request):
        raise Http404("No such document.")


class PrivateDocumentsStayPrivate:
    """Middleware: a document served to one reader or editor (not a public one) is marked
    ``private, no-store``, so no CDN or proxy keeps it for the next person asking."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/documents/") and not getattr(request, "t63_public_document", False):
            response["Cache-Control"] = "private, no-store"
        return response
