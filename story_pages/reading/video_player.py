"""The reader's player. An uploaded video plays its web renditions with captions in the page's
language (``caption_tracks``). An embedded one loads nothing from the provider until the reader
asks: the page shows a link to the video on the provider's site. A small script turns it into a play
button that swaps in the provider's player, from YouTube's no-cookie domain or with Vimeo's
"do not track", so merely opening a story never contacts YouTube, Vimeo or Facebook.
"""

import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import get_language_info

from story_pages.video.caption_files import caption_file_url
from story_pages.video.story_video import player_url

PRIVATE_PLAYERS = {"https://www.youtube.com/embed/": "https://www.youtube-nocookie.com/embed/"}
# The click that loads the player is the reader asking to watch: start at once.
PLAYER_PARAMETERS = {"youtube-nocookie.com": "autoplay=1", "player.vimeo.com": "autoplay=1&dnt=1"}


def private_player_url(embed_url: str) -> str | None:
    """The privacy-friendly player for a YouTube, Vimeo or Facebook link; None if unknown."""
    player = player_url(embed_url)
    if not player or player == embed_url:
        return None
    for public, private in PRIVATE_PLAYERS.items():
        if player.startswith(public):
            player = private + player.removeprefix(public)
    host = (urlsplit(player).hostname or "").removeprefix("www.")
    if parameters := PLAYER_PARAMETERS.get(host):
        player += ("&" if "?" in player else "?") + parameters
    return player


@dataclass(frozen=True)
class CaptionTrack:
    language: str
    label: str  # the language's own name, as a reader looks for it in the player's menu
    url: str
    default: bool


def caption_tracks(page, block_id: str) -> list[CaptionTrack]:
    """The ``<track>``s of one uploaded video on ``page``: the captions in the page's language
    (the default one), and on a translation the original's too.

    An alias shows the original's text, so it offers the original's captions only.
    """
    original_language = settings.LANGUAGE_CODE
    language = original_language if page.alias_of_id else page.locale.language_code
    languages = [language] + ([original_language] if language != original_language else [])
    return [
        CaptionTrack(
            language=code,
            # Django spells some names decomposed ("ê" + a combining accent): compose them.
            label=unicodedata.normalize("NFC", get_language_info(code)["name_local"]),
            url=caption_file_url(page, code, block_id),
            default=code == language,
        )
        for code in languages
    ]
