"""How a page presents itself when it is shared: Open Graph and Twitter card tags, share links.

Every URL handed out is the canonical one: the page whose content is shown, so an English alias
that still carries the Vietnamese story shares the Vietnamese URL.
"""

from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images.shortcuts import get_rendition_or_not_found

from story_pages import made_pictures, visibility
from story_pages.video.story_video import StoryVideo, first_video

OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}
SHARE_IMAGE_FILTER = "fill-1200x630"


def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code, language_code)


def content_page(page):
    """The page whose content this one shows: the source of an alias, else the page itself."""
    return page.alias_of.specific if page.alias_of_id else page


def languages(page) -> tuple[str, list[str]]:
    """(this page's language, those of its real versions: story_pages.visibility), in at most
    one query (none when the page's hreflang links read them in this request)."""
    codes = dict(visibility.real_version_languages(page.translation_key))
    # Not a real version itself (a draft, a preview before the first save): its own locale.
    own = codes.pop(page.pk, None) or page.locale.language_code
    return own, sorted(set(codes.values()) - {own})


def iso_datetime(value) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class SharedStory:
    """Everything about a story that previews, JSON-LD and share links need, computed once."""

    story: object
    url: str
    language: str
    section: str
    image: ShareImage | None
    video: StoryVideo | None
    alternate_languages: list[str]


def shared_story(story, request, language: str, alternate_languages: list[str]) -> SharedStory:
    """``story`` is the content page (see ``content_page``); its languages come from ``languages``."""
    return SharedStory(
        story=story,
        url=story.get_full_url(request),
        language=language,
        section=str(story.get_theme_display()),
        image=share_image(story, request),
        video=first_video(story, request),
        alternate_languages=alternate_languages,
    )


def share_image(story, request) -> ShareImage | None:
    if not story.hero_image_id:
        return None
    image = story.hero_image
    what = ("share image", SHARE_IMAGE_FILTER)
    if (made := made_pictures.made(image, what)) is None:
        rendition = get_rendition_or_not_found(image, SHARE_IMAGE_FILTER)
        made = (rendition.url, rendition.width, rendition.height)
        if made_pictures.made_from_the_file(rendition):
            made_pictures.keep(image, what, made)
    url, width, height = made
    alt = story.hero_alt_text
    return ShareImage(url=request.build_absolute_uri(url), width=width, height=height, alt=alt)


# <meta> tags, as (attribute, key, content): Open Graph uses property=, Twitter uses name=.


def page_tags(page, request) -> list[tuple[str, str, str]]:
    """The minimum every page carries, so any link to T63 previews with a title."""
    page = content_page(page)
    language, alternates = languages(page)
    tags = [
        ("property", "og:type", "website"),
        ("property", "og:site_name", site_name()),
        # A province page is headed by today's unit's name (or, merged, its own dated): so its preview.
        ("property", "og:title", page.seo_title or getattr(page, "reader_heading", "") or page.title),
        ("property", "og:url", page.get_full_url(request)),
        ("property", "og:locale", og_locale(language)),
    ]
    tags += [("property", "og:locale:alternate", og_locale(code)) for code in alternates]
    if page.search_description:
        tags.append(("property", "og:description", page.search_description))
    return tags


def story_tags(shared: SharedStory) -> list[tuple[str, str, str]]:
    story = shared.story
    tags = [
        ("property", "og:type", "article"),
        ("property", "og:site_name", site_name()),
        ("property", "og:title", story.title),
        ("property", "og:description", story.summary),
        ("property", "og:url", shared.url),
        ("property", "og:locale", og_locale(shared.language)),
    ]
    tags += [("property", "og:locale:alternate", og_locale(code)) for code in shared.alternate_languages]
    tags += _image_tags(shared.image) + _video_tags(shared.video)
    tags += [
        ("property", "article:published_time", iso_datetime(story.first_published_at)),
        ("property", "article:modified_time", iso_datetime(story.last_published_at)),
        ("property", "article:section", shared.section),
    ]
    tags += _twitter_tags(shared)  # the description itself: base.html, for every page
    return [(attribute, key, str(content)) for attribute, key, content in tags if content]


def _image_tags(image: ShareImage | None) -> list:
    if image is None:
        return []
    return [
        ("property", "og:image", image.url),
        ("property", "og:image:width", image.width),
        ("property", "og:image:height", image.height),
        ("property", "og:image:alt", image.alt),
    ]


def _video_tags(video: StoryVideo | None) -> list:
    if video is None:
        return []
    if video.source == "upload":
        return [
            ("property", "og:video", video.content_url),
            ("property", "og:video:type", video.mime_type),
            ("property", "og:video:width", video.width),
            ("property", "og:video:height", video.height),
        ]
    return [("property", "og:video", video.embed_url), ("property", "og:video:type", "text/html")]


def _twitter_tags(shared: SharedStory) -> list:
    image = shared.image
    tags = [
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", shared.story.title),
        ("name", "twitter:description", shared.story.summary),
    ]
    if image:
        tags += [("name", "twitter:image", image.url), ("name", "twitter:image:alt", image.alt)]
    return tags


def site_name() -> str:
    return getattr(settings, "WAGTAIL_SITE_NAME", "") or ""


# Share links -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShareLink:
    network: str  # a stable key, for styling
    label: str  # what the reader sees
    name: str  # the accessible name, which says what the link does
    href: str


# Each network's own share page; {url} and {title} are filled in URL-encoded.
SHARE_PAGES = [
    ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    # Zalo documents only its script button, which needs an Official Account; its web share page
    # takes the URL alone and reads the title and image from our Open Graph tags.
    ("zalo", "Zalo", "https://sp.zalo.me/share_to_zalo?url={url}"),
    ("x", "X", "https://x.com/intent/tweet?url={url}&text={title}"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
]


def share_links(url: str, title: str) -> list[ShareLink]:
    """Plain links: no script, button or tracker of any network runs on T63's pages."""
    encoded = {"url": quote(url, safe=""), "title": quote(title, safe="")}
    links = [
        ShareLink(key, label, _("Share on %(network)s") % {"network": label}, page.format(**encoded))
        for key, label, page in SHARE_PAGES
    ]
    mailto = "mailto:?subject={title}&body={url}".format(**encoded)
    return [*links, ShareLink("email", _("Email"), _("Share by email"), mailto)]
