"""superdesk.metadata.utils: the item's guid made from its ``uri`` when a ninjs item has no
``guid`` (Superdesk's own code, 2.5.3 and master alike)."""

from urllib.parse import urlparse


def generate_tag(domain, id, prefix="tag"):
    return f"{prefix}:{domain}:{id}"


def generate_tag_from_url(url, prefix="tag"):
    parsed = urlparse(url)
    return generate_tag(parsed.netloc, parsed.path.lstrip("/").replace("/", ":"), prefix=prefix)
