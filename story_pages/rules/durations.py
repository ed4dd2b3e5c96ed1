"""Video durations as editors read and type them: ``m:ss`` or ``h:mm:ss``."""

import re

_CLOCK = re.compile(r"^\s*(?:(\d+):)?(\d+):([0-5]\d)\s*$")
_SECONDS = re.compile(r"^\s*(\d+)\s*$")


def parse_duration(text: str) -> int | None:
    """Seconds for "12:00", "1:02:03" or "90"; None when the text is not a duration."""
    if match := _CLOCK.match(text):
        hours, minutes, seconds = (int(part or 0) for part in match.groups())
        return hours * 3600 + minutes * 60 + seconds
    if match := _SECONDS.match(text):
        return int(match.group(1))
    return None


def format_duration(seconds: float) -> str:
    """ "11:59", "12:00", "1:02:03": whole seconds, rounded down so 719.9 s reads 11:59."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def iso_duration(seconds: float) -> str:
    """ISO 8601 for schema.org: 330 -> "PT5M30S", 3723 -> "PT1H2M3S"; rounded down like the player's
    label, so a 719.9 s video never reads as 12 minutes."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{value}{unit}" for value, unit in ((hours, "H"), (minutes, "M"), (secs, "S")) if value]
    return "PT" + ("".join(parts) or "0S")
