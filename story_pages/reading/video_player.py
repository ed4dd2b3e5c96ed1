"""The reader's player for embedded videos: nothing loads from the provider until the reader asks.

The page shows a link to the video on the provider's site. A small script turns it into a play
button that swaps in the provider's player, from YouTube's no-cookie domain or with Vimeo's
"do not track", so merely opening a story never contacts YouTube, Vimeo or Facebook.
"""

from urllib.parse import urlsplit

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
