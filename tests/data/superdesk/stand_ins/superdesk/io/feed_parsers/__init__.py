"""superdesk.io.feed_parsers: the base class of every feed parser. Superdesk's also has helpers
for XML parsers (datelines, priorities) that the ninjs parser does not call, and imports every
built-in parser so that each registers; here the test loads the ninjs parser itself."""

from abc import ABCMeta, abstractmethod


class FeedParser(metaclass=ABCMeta):
    """Base class for a Feed Parser: a ``NAME`` to register under, ``can_parse`` and ``parse``."""

    @abstractmethod
    def can_parse(self, article):
        raise NotImplementedError()

    @abstractmethod
    def parse(self, article, provider=None):
        raise NotImplementedError()
