"""JSON for outlets' systems, encoded by orjson, and nothing else.

Every machine endpoint answers the same JSON whoever asks and whatever they accept: no browsable
HTML (it carried the signed-in user's name and CSRF token, and a shared cache handed it to JSON
clients), no content negotiation (an ``Accept`` header cannot change the answer, so a cached
answer fits every client), and no authentication (nothing is made for a signed-in user, and a
``Authorization: Basic`` header is not a way to guess passwords around the sign-in lockout).

A page of 20 whole stories is about 170 KB; Python's own encoder spent a tenth of an uncached
request on it, orjson a fiftieth. The shape is DRF's (compact, UTF-8, UTC as "Z", tested); what
orjson cannot encode itself (lazy translations, decimals) goes through DRF's encoder. Unlike DRF,
it leaves U+2028/U+2029 unescaped (valid JSON) and needs string keys, as every T63 response has.
"""

import orjson
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

_drf_default = JSONEncoder().default


class FastJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        return orjson.dumps(data, default=_drf_default, option=orjson.OPT_UTC_Z)


class FirstRendererOnly(BaseContentNegotiation):
    """The endpoint's one format, whatever the request's ``Accept`` says (never a 406)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


RENDERERS = [FastJSONRenderer]
