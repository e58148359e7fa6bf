"""The learning capabilities' additions to the Wagtail admin."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from courses.certification.viewsets import CertificateViewSet, CertificationGroup
from courses.cohorts.viewsets import TrainerAssignmentViewSet
from courses.quiz.viewsets import QuizzesGroup

register_snippet(QuizzesGroup)
register_snippet(CertificationGroup)
register_snippet(TrainerAssignmentViewSet)


@hooks.register("register_admin_viewset")
def register_certificates():
    return CertificateViewSet("certificates")
