import unicodedata
from dataclasses import replace

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

from home.language_versions import LanguageVersion, language_versions, original_of

register = template.Library()


@register.inclusion_tag("includes/language_head.html", takes_context=True)
def language_head_links(context, page):
    """<link rel=canonical> and hreflang alternates (real translations only, plus x-default)."""
    request = context.get("request")
    versions = _versions(context, page)
    translations = [v for v in versions if v.is_translation]
    default = next((v for v in translations if v.code == settings.LANGUAGE_CODE), None)
    if routed_urls := context.get("translated_urls"):
        canonical = _absolute(page, request, routed_urls[context.get("LANGUAGE_CODE")])
    else:
        canonical = original_of(page).get_full_url(request)
    return {
        "canonical": canonical,
        "alternates": translations,
        "x_default": default.url if default else None,
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to this page in the other language; on non-page views (search), the same path."""
    request = context.get("request")
    if page is not None:
        versions = _with_filters(_versions(context, page), context.get("filter_panel"))
    else:
        path = request.get_full_path()
        versions = [
            LanguageVersion(code, str(name), translate_url(path, code), True)
            for code, name in settings.LANGUAGES
        ]
    # Each language in its own name ("English", not "Tiếng Anh"): the link is marked lang="en",
    # and a reader who cannot read this page's language still finds their own. Django writes
    # "Tiếng Việt" decomposed (NFD): composed, as all of T63's text.
    versions = [replace(version, name=_own_name(version.code)) for version in versions]
    return {"versions": versions, "current": context.get("LANGUAGE_CODE")}


def _own_name(code: str) -> str:
    return unicodedata.normalize("NFC", get_language_info(code)["name_local"])


def _versions(context, page) -> list[LanguageVersion]:
    """A page's language versions; a view routed below a page (a theme page) gives its own URLs."""
    request = context.get("request")
    if routed_urls := context.get("translated_urls"):
        return [
            LanguageVersion(code, str(name), _absolute(page, request, url), True)
            for code, name in settings.LANGUAGES
            if (url := routed_urls.get(code))
        ]
    return language_versions(page, request)


def _with_filters(versions: list[LanguageVersion], filter_panel) -> list[LanguageVersion]:
    """A filtered list's versions keep its filters: their values (codes of themes, units,
    years…) read the same in every language; the page number does not carry over."""
    query = getattr(filter_panel, "query", "")
    if not query:
        return versions
    return [
        replace(version, url=version.url + query) if version.url and version.is_translation else version
        for version in versions
    ]


def _absolute(page, request, url: str) -> str:
    """A routed URL on the page's site, as Wagtail writes page URLs: the Site's root URL (the
    site's address, T63_SITE_URL), not the host this request happened to name."""
    parts = page.get_url_parts(request) if url.startswith("/") else None
    if parts and parts[1]:
        return parts[1] + url
    return request.build_absolute_uri(url)
