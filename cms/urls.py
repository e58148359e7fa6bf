from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from allauth.account.views import LogoutView as AllauthLogoutView

from cms import champion_views, views
from scoring_practice.api import api as startback_api

urlpatterns = [
    # Every sign-in, the admin's and Wagtail's front-end one included, goes through the site's
    # own sign-in page, which applies the rate limit, the account lock and the second factor.
    # tests/cms/test_sign_in_paths.py walks the URLconf for any other view that signs people in.
    path("admin/login/", views.admin_login),
    path("_util/login/", views.frontend_login),
    # Signing out of the admin is the site's own sign-out: by POST only (a GET asks to confirm),
    # and the session ends on the server, not only in the browser.
    path("admin/logout/", AllauthLogoutView.as_view()),
    # Wagtail's deliberate error page answers 500 to any admin user: not on this site.
    path("admin/failwhale/", views.not_found),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/profile/", views.profile, name="account_profile"),
    path("accounts/your-data/", views.your_data, name="account_your_data"),
    path("accounts/your-data/download/", views.your_data_download, name="account_data_download"),
    path("accounts/your-data/summary/", views.your_data_summary, name="account_data_summary"),
    path("accounts/delete/", views.account_delete, name="account_delete"),
    re_path(
        r"^accounts/confirm-email/(?P<key>[-:\w]+)/$",
        views.ConfirmEmailView.as_view(),
        name="account_confirm_email",
    ),
    path("accounts/2fa/totp/activate/", views.ActivateTOTPView.as_view()),
    path("accounts/", include("allauth.urls")),
    path("champions/", champion_views.directory, name="champions"),
    path("champions/apply/", champion_views.apply, name="champion_apply"),
    path("champions/me/", champion_views.mine, name="champion_mine"),
    path("champions/me/leave/", champion_views.leave, name="champion_leave"),
    path("champions/applications/", champion_views.applications, name="champion_applications"),
    path(
        "champions/applications/<dbid:pk>/",
        champion_views.application,
        name="champion_application",
    ),
    path("champions/clusters/<slug:slug>/", champion_views.cluster, name="cluster"),
    path("champions/<dbid:pk>/", champion_views.champion, name="champion"),
    path("api/v1/", startback_api.urls),
    path("", include("scoring_practice.urls")),
    path("", include("courses.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "cms.views.server_error"
