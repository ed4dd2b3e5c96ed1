from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from story_pages.distribution.newsroom_guide import media_guide
from story_pages.learning.contact_views import contact_team
from story_pages.reading import search_page, site_routing
from t63site import page_passwords
from t63site.api import api_not_found, api_router
from t63site.health import healthz, readyz
from t63site.icons import favicon, web_manifest
from t63site.robots import robots_txt
from t63site.sitemap import TranslatedSitemap

# Errors in the format of the endpoint asked (JSON for the API and oEmbed), never cached.
handler400 = "t63site.error_responses.bad_request"
handler404 = "t63site.error_responses.page_not_found"
handler500 = "t63site.error_responses.server_error"

# Machines and editors: outside the language prefix.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("story_pages.distribution.urls")),  # feeds, oEmbed, embed, QR, OpenAPI
    path("", include("story_pages.learning.urls")),  # the conferences' calendar feed
    path("api/v2/", api_router.urls),
    re_path(r"^api/", api_not_found),  # machines get JSON, not the readers' 404 page
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("manifest.webmanifest", web_manifest, name="web_manifest"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("huu-ich/", include("story_pages.learning.usefulness_urls")),  # "Was this useful?" answers
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Readers: Vietnamese without a prefix, English under /en/.
urlpatterns += i18n_patterns(
    path("search/", search_page.search, name="search"),
    path(_("for-media/"), media_guide, name="media_guide"),
    path(_("contact-the-team/<int:story_id>/"), contact_team, name="story_contact"),
    # Wagtail's own address for the password of a private section, answered first by the limit.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_passwords.authenticate_with_password,
        name="t63_page_password",
    ),
    # Wagtail's front-end addresses, pages served by its view with T63's home pages found once
    # per content version (story_pages.reading.site_routing).
    path("", include([url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"])),
    re_path(wagtail_urls.serve_pattern, site_routing.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
