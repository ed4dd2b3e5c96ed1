"""Stand-ins for the few parts of Superdesk (superdesk-core, AGPL-3.0: ../../LICENSE) that its ninjs
feed parser imports, so that the parser itself runs in T63's tests without Superdesk, Flask,
Eve or MongoDB. Each does what Superdesk's own does for the calls the parser makes.

Here: ``get_resource_service``, used by the newer parser to look up a controlled vocabulary
(``find_one(req=None, _id=<vocabulary>)``). This Superdesk holds no vocabulary, so every look-up
finds nothing (None, as Superdesk's service answers for an id it does not have) and the parser
keeps the names and codes it was sent, as it does for codes a vocabulary does not know.
"""


class _Service:
    """A resource service over an empty collection."""

    def __init__(self, resource: str):
        self.resource = resource

    def find_one(self, req, **lookup):
        return None


def get_resource_service(resource_name: str) -> _Service:
    return _Service(resource_name)
