"""The certificate section of a course page: the learner's certificate, or what remains."""

from django import template

from courses.certification.models import CertificateStatus
from courses.certification.selectors import (
    certificate_latest,
    refresher_progress,
    rule_for_course,
    rule_progress,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def course_certification(context, course):
    """{rule, certificate, progress} for the signed-in learner, or None when the course has no
    certificate. `progress` is what remains to earn it, to renew it, or to earn it again."""
    user = context["request"].user
    if not user.is_authenticated:
        return None
    rule = rule_for_course(course=course)
    if rule is None:
        return None
    certificate = certificate_latest(user=user, course=course)
    progress = None
    if certificate is None:
        progress = rule_progress(rule=rule, user=user)
    else:
        status = certificate.status()
        if status is CertificateStatus.EXPIRING:
            since = certificate.renewal_opens_on
            progress = (
                refresher_progress(rule=rule, user=user, since=since)
                if rule.has_refresher
                else rule_progress(rule=rule, user=user, since=since)
            )
        elif status is CertificateStatus.EXPIRED:
            progress = rule_progress(rule=rule, user=user, since=certificate.expires_on)
    return {"rule": rule, "certificate": certificate, "progress": progress}
