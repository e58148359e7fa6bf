"""Response headers that protect readers: the content security policy and private caching.

The site's pages run under the strict policy in settings.CONTENT_SECURITY_POLICY. The Wagtail
admin still writes some inline styles and scripts, so its paths (and only its paths) get the few
extra sources it needs; a reader of the public site is never served the laxer policy.
"""

from django.utils.cache import patch_cache_control

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

# What the Wagtail admin needs beyond the site's policy, added on its paths only: its page editor
# and user views still run inline scripts and styles, its image chooser shows data: and blob:
# previews, and its preview panel frames the page being edited.
ADMIN_CSP_EXTRA = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["data:", "blob:"],
}
ADMIN_CSP_INSTEAD = {
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}

ADMIN_PATH_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's additions on the admin's paths."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or not request.path_info.startswith(ADMIN_PATH_PREFIX):
            return parts
        parts.update = {**ADMIN_CSP_EXTRA, **(parts.update or {})}
        parts.replace = {**ADMIN_CSP_INSTEAD, **(parts.replace or {})}
        return parts


class PrivateCacheMiddleware:
    """Marks every response to a signed-in user `Cache-Control: private, no-store`.

    Every page a signed-in user sees carries something of theirs (their name in the header at
    least; their progress, attempts and results on most), so no shared cache may keep it and the
    browser may not keep it on disk for the next person at a shared clinic computer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
