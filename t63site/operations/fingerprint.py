"""What must survive a backup and restore, or a database restart under load: counts of the
content and a hash of everything published, including the image and video files."""

import hashlib
import json

from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation, TranslationSource
from wagtailmedia.models import get_media_model


def content_counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "translation sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "images": get_image_model().objects.count(),
        "videos": get_media_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def published_hash(include_files: bool = True) -> str:
    """SHA-256 over every live page's published revision, and over the stored files."""
    digest = hashlib.sha256()
    pages = (
        Page.objects.live()
        .order_by("pk")
        .values_list("pk", "locale_id", "url_path", "title", "live_revision")
    )
    contents = dict(Revision.objects.filter(pk__in=[p[4] for p in pages]).values_list("pk", "content"))
    for pk, locale, url_path, title, revision in pages:
        row = [pk, locale, url_path, title, contents.get(revision)]
        digest.update(json.dumps(row, sort_keys=True, default=str).encode())
    if include_files:
        for model in (get_image_model(), get_media_model(), get_document_model()):
            for pk, name in model.objects.order_by("pk").values_list("pk", "file"):
                digest.update(f"{model._meta.label}:{pk}:{name}".encode())
                if name and default_storage.exists(name):
                    with default_storage.open(name) as stored:
                        digest.update(hashlib.sha256(stored.read()).digest())
    return digest.hexdigest()
