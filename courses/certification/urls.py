"""Addresses for certificates, their public verification, assessed sets and revocation."""

from django.urls import path

from courses.certification import assessment_views, cpd_views, views

urlpatterns = [
    path("certificates/", views.certificate_list_view, name="certificate_list"),
    path("certificates/cpd/", cpd_views.cpd_record, name="cpd_record"),
    path("certificates/cpd/record.pdf", cpd_views.cpd_record_pdf_view, name="cpd_record_pdf"),
    path("certificates/cpd/record.csv", cpd_views.cpd_record_csv, name="cpd_record_csv"),
    path(
        "certificates/cpd/<str:entry>/reflection/",
        cpd_views.cpd_reflection,
        name="cpd_reflection",
    ),
    path("certificates/issuer.json", views.issuer, name="certificate_issuer"),
    path(".well-known/jwks.json", views.jwks, name="certificate_jwks"),
    path("certificates/verify/", views.verify_form, name="certificate_verify_form"),
    path("certificates/verify/<str:code>/", views.verify, name="certificate_verify"),
    path(
        "certificates/verify/<str:code>/credential.json",
        views.credential_json,
        name="certificate_credential",
    ),
    path(
        "certificates/verify/<str:code>/credential.jwt",
        views.credential_jwt,
        name="certificate_credential_jwt",
    ),
    path(
        "certificates/<str:code>/certificate.pdf",
        views.certificate_pdf_view,
        name="certificate_pdf",
    ),
    path(
        "my-learning/assessment/<dbid:course_id>/<dbid:set_id>/",
        assessment_views.assessment_start_view,
        name="assessment_start",
    ),
    path("assessments/<dbid:pk>/", assessment_views.assessment_view, name="assessment"),
    path(
        "assessments/<dbid:pk>/cases/<int:position>/",
        assessment_views.assessment_case,
        name="assessment_case",
    ),
    path(
        "assessments/<dbid:pk>/submit/",
        assessment_views.assessment_submit_view,
        name="assessment_submit",
    ),
]
