"""The Content-Security-Policy of every page outside the admin (Wagtail's admin needs inline
scripts). The policy lives in settings; only the embed route may be framed by other sites.
Django's SecurityMiddleware and XFrameOptionsMiddleware set the other headers."""

from django.conf import settings


def policy_header(policy: dict[str, str]) -> str:
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(tuple(settings.T63_CSP_EXEMPT_PATHS)):
            return response
        policy = dict(settings.T63_CONTENT_SECURITY_POLICY)
        if request.path.startswith(tuple(settings.T63_CSP_FRAMEABLE_PATHS)):
            policy["frame-ancestors"] = "*"
        # In development report instead of block, so Django's debug pages (inline styles) work.
        header = "Content-Security-Policy-Report-Only" if settings.DEBUG else "Content-Security-Policy"
        if header not in response:
            response[header] = policy_header(policy)
        return response
