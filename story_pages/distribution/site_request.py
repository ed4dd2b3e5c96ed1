"""A request for the site's public address, for what builds absolute URLs outside a request
(a command writing files, the worker sending webhooks): the API's representation of a story
reads the scheme and host of its request for media and caption URLs, and the site of a page."""

from urllib.parse import urlsplit

from django.http import HttpRequest
from wagtail.models import Site


class SiteRequest(HttpRequest):
    def __init__(self, root_url: str):
        super().__init__()
        address = urlsplit(root_url)
        self._scheme, self._host = address.scheme, address.netloc
        self.path = self.path_info = "/"
        port = address.port or (443 if address.scheme == "https" else 80)
        self.META = {
            "HTTP_HOST": address.netloc,
            "SERVER_NAME": address.hostname or "",
            "SERVER_PORT": str(port),
        }

    def _get_scheme(self):
        return self._scheme

    def get_host(self):
        return self._host


def default_site_root() -> str | None:
    """The default Site's root URL (the site's public address), None without a default Site."""
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else None
