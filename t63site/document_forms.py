"""Document uploads whose content matches their extension. Wagtail checks only the name, so a
renamed executable or HTML page would be served as a "PDF" to every reader who opens it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

ZIP = b"PK\x03\x04"
# The first bytes each allowed kind of file starts with.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (ZIP,),
    "xlsx": (ZIP,),
    "pptx": (ZIP,),
    "odt": (ZIP,),
    "key": (ZIP,),
    "zip": (ZIP, b"PK\x05\x06"),
    "rtf": (b"{\\rtf",),
}
TEXT = {"csv", "txt"}


def content_matches(extension: str, head: bytes) -> bool:
    if extension in TEXT:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # The sample may end inside a character; anything earlier is not UTF-8 text.
            if error.start < len(head) - 3:
                return False
        return b"\x00" not in head and not head.lstrip().lower().startswith((b"<!doctype", b"<html"))
    return head.startswith(SIGNATURES.get(extension, (b"",)))


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):  # no new file on this edit
            return upload
        extension = upload.name.rsplit(".", 1)[-1].lower()
        position = upload.tell()
        upload.seek(0)
        head = upload.read(4096)
        upload.seek(position)
        if extension in settings.WAGTAILDOCS_EXTENSIONS and not content_matches(extension, head):
            raise ValidationError(
                _("The content of this file is not a .%(extension)s file."),
                code="content_mismatch",
                params={"extension": extension},
            )
        return upload
