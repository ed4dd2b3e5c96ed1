"""superdesk.io.registry: where a feed parser registers itself when its module is imported (the
parser module ends with ``register_feed_parser(NINJSFeedParser.NAME, NINJSFeedParser())``), and
where an ingest finds it by name. As in Superdesk, a name registers once."""

from superdesk.errors import AlreadyExistsError

registered_feed_parsers = {}
allowed_feed_parsers = []


def register_feed_parser(parser_name, parser_class):
    if parser_name in registered_feed_parsers:
        raise AlreadyExistsError(
            f"Feed Parser: {parser_name} already registered by {type(registered_feed_parsers[parser_name])}"
        )
    registered_feed_parsers[parser_name] = parser_class
    allowed_feed_parsers.append(parser_name)


def get_feed_parser(parser_name):
    return registered_feed_parsers[parser_name]
