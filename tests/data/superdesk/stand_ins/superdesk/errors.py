"""superdesk.errors: the one error the feed parser registry raises."""


class AlreadyExistsError(Exception):
    pass
