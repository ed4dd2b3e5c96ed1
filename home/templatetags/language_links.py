from django import template
from django.conf import settings
from django.urls import translate_url

from home.language_versions import LanguageVersion, language_versions, original_of

register = template.Library()


@register.inclusion_tag("includes/language_head.html", takes_context=True)
def language_head_links(context, page):
    """<link rel=canonical> and hreflang alternates (real translations only, plus x-default)."""
    request = context.get("request")
    versions = language_versions(page, request)
    translations = [v for v in versions if v.is_translation]
    default = next((v for v in translations if v.code == settings.LANGUAGE_CODE), None)
    return {
        "canonical": original_of(page).get_full_url(request),
        "alternates": translations,
        "x_default": default.url if default else None,
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to this page in the other language; on non-page views (search), the same path."""
    request = context.get("request")
    if page is not None:
        versions = language_versions(page, request)
    else:
        path = request.get_full_path()
        versions = [
            LanguageVersion(code, str(name), translate_url(path, code), True)
            for code, name in settings.LANGUAGES
        ]
    return {"versions": versions, "current": context.get("LANGUAGE_CODE")}
