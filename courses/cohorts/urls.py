"""Addresses for trainers' cohorts and the join link."""

from django.urls import path

from courses.cohorts import certificate_views, dashboard_views, marking_views, views

urlpatterns = [
    path(
        "trainer/certificates/<str:code>/revoke/",
        certificate_views.certificate_revoke_view,
        name="certificate_revoke",
    ),
    path("trainer/", dashboard_views.trainer_home, name="trainer_home"),
    path("trainer/marking/", marking_views.marking_list, name="marking_list"),
    path("trainer/marking/<dbid:pk>/", marking_views.marking_detail, name="marking_detail"),
    path("trainer/reminders/", dashboard_views.reminders, name="trainer_reminders"),
    path(
        "trainer/tables/<slug:name>.<str:kind>",
        dashboard_views.table_export,
        name="trainer_table_export",
    ),
    path("trainer/quizzes/", dashboard_views.quiz_list, name="trainer_quizzes"),
    path("trainer/practice/", dashboard_views.practice, name="trainer_practice"),
    path(
        "trainer/quizzes/<dbid:pk>/",
        dashboard_views.quiz_statistics,
        name="trainer_quiz_statistics",
    ),
    path(
        "trainer/quizzes/<dbid:pk>/questions.<str:kind>",
        dashboard_views.quiz_statistics_export,
        name="trainer_quiz_statistics_export",
    ),
    path("trainer/trainees/", dashboard_views.trainee_list, name="trainee_list"),
    path("trainer/trainees/<dbid:pk>/", dashboard_views.trainee_detail, name="trainee_detail"),
    path(
        "trainer/trainees/export.<str:kind>",
        dashboard_views.trainee_export,
        name="trainee_export",
    ),
    path("trainer/cohorts/", views.cohort_list, name="cohort_list"),
    path("trainer/cohorts/new/", views.cohort_new, name="cohort_new"),
    path("trainer/cohorts/<dbid:pk>/", views.cohort, name="cohort"),
    path("trainer/cohorts/<dbid:pk>/add/", views.cohort_add, name="cohort_add"),
    path("trainer/cohorts/<dbid:pk>/import/", views.cohort_import, name="cohort_import"),
    path("trainer/cohorts/<dbid:pk>/links/", views.join_link_new, name="cohort_link_new"),
    path(
        "trainer/cohorts/<dbid:pk>/links/<dbid:link_pk>/withdraw/",
        views.join_link_withdraw,
        name="cohort_link_withdraw",
    ),
    path("join/<str:token>/", views.join, name="cohort_join"),
    path("my-learning/invitations/", views.invitations, name="cohort_invitations"),
]
