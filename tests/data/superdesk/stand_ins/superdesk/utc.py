"""superdesk.utc: ``utc``, the UTC time zone (Superdesk's is ``pytz.utc``; attached with
``replace(tzinfo=utc)`` both give the same aware UTC datetime)."""

import datetime

utc = datetime.UTC
